package org.zmq4j;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.zmq4j.internal.util.Z85;

/**
 * A CURVE certificate: a 32-byte public key, optionally its secret key, and metadata, stored on disk as CZMQ's
 * zcert does so that certificates move freely between zmq4j, CZMQ and its bindings. Immutable and thread-safe.
 *
 * <p>{@link #save(Path) save("alice")} writes two ZPL (ZeroMQ RFC 4) files, a public one to hand out and a secret
 * one, {@code alice_secret}, readable by its owner only (mode 0600 where the file system has POSIX permissions):
 *
 * <pre>
 * #   ****  Generated on 2024-05-01 12:00:00 by zmq4j  ****
 * #   ZeroMQ CURVE **Secret** Certificate
 * #   DO NOT PROVIDE THIS FILE TO OTHER USERS nor change its permissions.
 *
 * metadata
 *     name = "alice"
 * curve
 *     public-key = "rq:rM>}U?@Lns47E1%kR.o@n%FcmmsL/@{H8]yf7"
 *     secret-key = "JTKVSB%%)wK0E.X)V&gt;+}o?pNmC{O&amp;4W4b!Ni{Lh6"
 * </pre>
 *
 * The public file is the same without the secret-key line, under a "Public Certificate" header. Reading accepts
 * any ZPL that has this shape: sections start at the left margin, properties under them are indented and read
 * {@code name = value}, values may be double- or single-quoted, {@code #} starts a comment; properties nested
 * deeper and sections other than {@code metadata} and {@code curve} are ignored. A key that is not 40 Z85
 * characters, or a line that is not ZPL, fails with a {@link ZmqException} (EINVAL) naming the file and line.
 * I/O failures are {@link UncheckedIOException}s.
 */
public final class Certificate {
    /** The suffix CZMQ appends to a certificate's name for its secret file. */
    public static final String SECRET_SUFFIX = "_secret";

    private static final int KEY_SIZE = 32;
    private static final int KEY_TEXT_SIZE = 40;
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final byte[] publicKey;
    private final byte[] secretKey;
    private final Map<String, String> metadata;

    /**
     * A certificate of {@code publicKey} (32 bytes), {@code secretKeyOrNull} (32 bytes, or null for a public
     * certificate) and {@code metadata}, kept in its iteration order. Metadata names are ZPL names (letters,
     * digits and {@code $-_@.&+/}); values may not contain double quotes or line breaks.
     *
     * @throws ZmqException EINVAL if a key is not 32 bytes or the metadata cannot be written as ZPL
     */
    public Certificate(byte[] publicKey, byte[] secretKeyOrNull, Map<String, String> metadata) {
        this.publicKey = checkKey(publicKey, "public key");
        this.secretKey = secretKeyOrNull == null ? null : checkKey(secretKeyOrNull, "secret key");
        Map<String, String> copy = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : metadata.entrySet()) {
            String problem = metadataProblem(e.getKey(), e.getValue());
            if (problem != null) {
                throw new ZmqException(ZmqException.EINVAL, problem);
            }
            copy.put(e.getKey(), e.getValue());
        }
        this.metadata = Collections.unmodifiableMap(copy);
    }

    /** A public certificate without metadata. */
    public Certificate(byte[] publicKey) {
        this(publicKey, null, Map.of());
    }

    /** The 32-byte public key (a copy). */
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** The 32-byte secret key (a copy), or null for a public certificate. */
    public byte[] secretKey() {
        return secretKey == null ? null : secretKey.clone();
    }

    public boolean hasSecretKey() {
        return secretKey != null;
    }

    /** The public key as 40 Z85 characters, the form CURVE_PUBLICKEY and ZAP user ids use. */
    public String publicKeyZ85() {
        return Z85.encode(publicKey);
    }

    /** The secret key as 40 Z85 characters, or null for a public certificate. */
    public String secretKeyZ85() {
        return secretKey == null ? null : Z85.encode(secretKey);
    }

    /** The metadata, in the order it was given or read (unmodifiable). */
    public Map<String, String> metadata() {
        return metadata;
    }

    /** This certificate without its secret key: what to hand to peers. */
    public Certificate publicPart() {
        return secretKey == null ? this : new Certificate(publicKey, null, metadata);
    }

    // ---------------------------------------------------------------- loading

    /**
     * Loads a certificate as CZMQ's zcert_load: from {@code <path>_secret} if that file exists (both keys),
     * otherwise from {@code path} (both keys if it is a secret file, else the public key only).
     */
    public static Certificate load(Path path) {
        Path secret = secretFile(path);
        return parse(Files.isRegularFile(secret) ? secret : path, false);
    }

    /** Loads the public part of the certificate in {@code path}, a public or a secret file. */
    public static Certificate loadPublic(Path path) {
        return parse(path, false).publicPart();
    }

    /**
     * Loads a certificate with its secret key: from {@code <path>_secret} if that file exists, otherwise from
     * {@code path} itself.
     *
     * @throws ZmqException EINVAL if the file has no secret key
     */
    public static Certificate loadSecret(Path path) {
        Path secret = secretFile(path);
        return parse(Files.isRegularFile(secret) ? secret : path, true);
    }

    /**
     * The public certificates of a directory (as CZMQ's zcertstore), ordered by file name: every regular file
     * except {@code *_secret} files and hidden files. Sub-directories are not searched.
     *
     * @throws ZmqException EINVAL if one of the files is not a certificate
     */
    public static List<Certificate> loadDirectory(Path directory) {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path p : entries) {
                String name = p.getFileName().toString();
                if (Files.isRegularFile(p) && !name.endsWith(SECRET_SUFFIX) && !name.startsWith(".")) {
                    files.add(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list certificates in " + directory, e);
        }
        files.sort(null);
        List<Certificate> certificates = new ArrayList<>(files.size());
        for (Path p : files) {
            certificates.add(loadPublic(p));
        }
        return certificates;
    }

    // ---------------------------------------------------------------- saving

    /**
     * Saves as CZMQ's zcert_save: the public file {@code path} and the secret file {@code <path>_secret}, the latter
     * readable by the owner only.
     *
     * @throws ZmqException EINVAL if this certificate has no secret key
     */
    public void save(Path path) {
        if (secretKey == null) {
            throw new ZmqException(ZmqException.EINVAL, "cannot save a secret file for a public certificate: "
                    + path + SECRET_SUFFIX + " (use savePublic)");
        }
        savePublic(path);
        saveSecret(path.resolveSibling(fileName(path) + SECRET_SUFFIX));
    }

    /** Saves the public file only, as CZMQ's zcert_save_public. */
    public void savePublic(Path path) {
        String text = render(List.of(
                "   ZeroMQ CURVE Public Certificate",
                "   Exchange securely, or use a secure mechanism to verify the contents",
                "   of this file after exchange. Store public certificates in your home",
                "   directory, in the .curve subdirectory."), false);
        try {
            Files.write(path, text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write certificate " + path, e);
        }
    }

    /**
     * Saves the secret file only, at exactly {@code path}, as CZMQ's zcert_save_secret: mode 0600 where the file
     * system has POSIX permissions.
     *
     * @throws ZmqException EINVAL if this certificate has no secret key
     */
    public void saveSecret(Path path) {
        if (secretKey == null) {
            throw new ZmqException(ZmqException.EINVAL, "certificate has no secret key to save in " + path);
        }
        String text = render(List.of(
                "   ZeroMQ CURVE **Secret** Certificate",
                "   DO NOT PROVIDE THIS FILE TO OTHER USERS nor change its permissions."), true);
        ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        Set<StandardOpenOption> options = EnumSet.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        try {
            SeekableByteChannel channel;
            if (path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                if (Files.exists(path)) {
                    // The creation attribute applies to new files only: restrict an old one before writing to it.
                    Files.setPosixFilePermissions(path, OWNER_ONLY);
                }
                channel = Files.newByteChannel(path, options, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } else {
                channel = Files.newByteChannel(path, options);
            }
            try (SeekableByteChannel c = channel) {
                while (bytes.hasRemaining()) {
                    c.write(bytes);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write certificate " + path, e);
        }
    }

    /** CZMQ's layout: zclock_timestr's time, the comments, a blank line, then zconfig_save's 4-space tree. */
    private String render(List<String> comments, boolean withSecret) {
        StringBuilder out = new StringBuilder();
        out.append("#   ****  Generated on ").append(LocalDateTime.now().format(TIMESTAMP))
                .append(" by zmq4j  ****\n");
        for (String c : comments) {
            out.append('#').append(c).append('\n');
        }
        out.append('\n');
        out.append("metadata\n");
        for (Map.Entry<String, String> e : metadata.entrySet()) {
            out.append("    ").append(e.getKey()).append(" = \"").append(e.getValue()).append("\"\n");
        }
        out.append("curve\n");
        out.append("    public-key = \"").append(publicKeyZ85()).append("\"\n");
        if (withSecret) {
            out.append("    secret-key = \"").append(secretKeyZ85()).append("\"\n");
        }
        return out.toString();
    }

    // ---------------------------------------------------------------- ZPL reading

    private static Certificate parse(Path file, boolean requireSecret) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read certificate " + file, e);
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        String publicText = null;
        String secretText = null;
        String section = null;
        int propertyIndent = -1;
        for (int n = 1; n <= lines.size(); n++) {
            String line = lines.get(n - 1);
            int indent = 0;
            while (indent < line.length() && (line.charAt(indent) == ' ' || line.charAt(indent) == '\t')) {
                indent++;
            }
            if (indent == line.length() || line.charAt(indent) == '#') {
                continue;
            }
            ZplLine zpl = ZplLine.parse(line, indent, file, n);
            if (indent == 0) {
                section = zpl.name;
                propertyIndent = -1;
                continue;
            }
            if (section == null) {
                throw malformed(file, n, "property '" + zpl.name + "' is outside any section");
            }
            if (propertyIndent < 0) {
                propertyIndent = indent;
            } else if (indent > propertyIndent) {
                continue; // ZPL: a deeper level belongs to a sub-section that certificates do not use
            } else if (indent < propertyIndent) {
                throw malformed(file, n, "indentation of " + indent + " does not match the section's "
                        + propertyIndent);
            }
            if (section.equals("metadata")) {
                if (zpl.value == null) {
                    continue; // a sub-section header: its children are skipped above
                }
                String problem = metadataProblem(zpl.name, zpl.value);
                if (problem != null) {
                    throw malformed(file, n, problem);
                }
                if (metadata.putIfAbsent(zpl.name, zpl.value) != null) {
                    throw malformed(file, n, "duplicate metadata '" + zpl.name + "'");
                }
            } else if (section.equals("curve")) {
                if (zpl.name.equals("public-key")) {
                    if (publicText != null) {
                        throw malformed(file, n, "duplicate public-key");
                    }
                    publicText = checkKeyText(zpl.value, "public-key", file, n);
                } else if (zpl.name.equals("secret-key")) {
                    if (secretText != null) {
                        throw malformed(file, n, "duplicate secret-key");
                    }
                    secretText = checkKeyText(zpl.value, "secret-key", file, n);
                }
            }
        }
        if (publicText == null) {
            throw new ZmqException(ZmqException.EINVAL, file + ": no public-key in section curve");
        }
        if (requireSecret && secretText == null) {
            throw new ZmqException(ZmqException.EINVAL, file + ": no secret-key in section curve");
        }
        return new Certificate(Z85.decode(publicText), secretText == null ? null : Z85.decode(secretText),
                metadata);
    }

    /** One non-blank, non-comment ZPL line: {@code name [= value] [# comment]}. */
    private static final class ZplLine {
        final String name;
        final String value;

        private ZplLine(String name, String value) {
            this.name = name;
            this.value = value;
        }

        static ZplLine parse(String line, int from, Path file, int n) {
            int at = from;
            while (at < line.length() && isZplNameChar(line.charAt(at))) {
                at++;
            }
            if (at == from) {
                throw malformed(file, n, "expected a name, found '" + line.charAt(from) + "'");
            }
            String name = line.substring(from, at);
            at = skipBlanks(line, at);
            if (at == line.length() || line.charAt(at) == '#') {
                return new ZplLine(name, null);
            }
            if (line.charAt(at) != '=') {
                throw malformed(file, n, "expected '=' after '" + name + "'");
            }
            at = skipBlanks(line, at + 1);
            String value;
            if (at < line.length() && (line.charAt(at) == '"' || line.charAt(at) == '\'')) {
                char quote = line.charAt(at);
                int end = line.indexOf(quote, at + 1);
                if (end < 0) {
                    throw malformed(file, n, "value of '" + name + "' has no closing " + quote);
                }
                value = line.substring(at + 1, end);
                at = end + 1;
            } else {
                int start = at;
                while (at < line.length() && line.charAt(at) != '#' && !Character.isWhitespace(line.charAt(at))) {
                    at++;
                }
                value = line.substring(start, at);
            }
            at = skipBlanks(line, at);
            if (at < line.length() && line.charAt(at) != '#') {
                throw malformed(file, n, "unexpected text after the value of '" + name + "'");
            }
            return new ZplLine(name, value);
        }

        private static int skipBlanks(String line, int at) {
            while (at < line.length() && (line.charAt(at) == ' ' || line.charAt(at) == '\t')) {
                at++;
            }
            return at;
        }
    }

    private static String checkKeyText(String value, String what, Path file, int n) {
        if (value == null || value.length() != KEY_TEXT_SIZE || !Z85.isValid(value)) {
            throw malformed(file, n, what + " must be " + KEY_TEXT_SIZE + " Z85 characters, got "
                    + (value == null ? "no value" : "'" + value + "' (" + value.length() + " characters)"));
        }
        return value;
    }

    private static ZmqException malformed(Path file, int line, String what) {
        return new ZmqException(ZmqException.EINVAL, file + ":" + line + ": " + what);
    }

    // ---------------------------------------------------------------- checks

    private static byte[] checkKey(byte[] key, String what) {
        Objects.requireNonNull(key, what);
        if (key.length != KEY_SIZE) {
            throw new ZmqException(ZmqException.EINVAL, what + " must be " + KEY_SIZE + " bytes, got " + key.length);
        }
        return key.clone();
    }

    /** Why a metadata entry cannot be written as a ZPL property, or null if it can. */
    private static String metadataProblem(String name, String value) {
        if (name == null || name.isEmpty()) {
            return "metadata name is empty";
        }
        for (int i = 0; i < name.length(); i++) {
            if (!isZplNameChar(name.charAt(i))) {
                return "metadata name '" + name + "' has a character outside letters, digits and $-_@.&+/";
            }
        }
        if (value == null) {
            return "metadata '" + name + "' has no value";
        }
        if (value.indexOf('"') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            return "metadata '" + name + "' has a double quote or line break in its value";
        }
        return null;
    }

    /** The characters of a ZPL (ZeroMQ RFC 4) name: letters, digits and {@code $-_@.&+/}. */
    private static boolean isZplNameChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "$-_@.&+/".indexOf(c) >= 0;
    }

    /** {@code path} itself if it names a secret file, else {@code <path>_secret}. */
    private static Path secretFile(Path path) {
        String name = fileName(path);
        return name.endsWith(SECRET_SUFFIX) ? path : path.resolveSibling(name + SECRET_SUFFIX);
    }

    private static String fileName(Path path) {
        Path name = path.getFileName();
        if (name == null) {
            throw new ZmqException(ZmqException.EINVAL, "not a certificate file name: " + path);
        }
        return name.toString();
    }

    // ---------------------------------------------------------------- identity

    /** Equal when keys and metadata are equal. */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Certificate)) {
            return false;
        }
        Certificate c = (Certificate) o;
        return Arrays.equals(publicKey, c.publicKey) && Arrays.equals(secretKey, c.secretKey)
                && metadata.equals(c.metadata);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(publicKey) * 31 + metadata.hashCode();
    }

    /** The public key and metadata; never the secret key. */
    @Override
    public String toString() {
        return "Certificate[public-key=" + publicKeyZ85() + (secretKey == null ? "" : ", with secret key")
                + ", metadata=" + metadata + "]";
    }
}

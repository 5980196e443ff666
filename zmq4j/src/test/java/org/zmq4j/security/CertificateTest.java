package org.zmq4j.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zmq4j.Certificate;
import org.zmq4j.Z85;
import org.zmq4j.ZmqException;

/** CZMQ's zcert file pair (ZPL, ZeroMQ RFC 4): writing, reading, directories, and malformed files. */
class CertificateTest {
    /** libzmq's tests/testutil_security.cpp server key pair. */
    private static final String SERVER_PUBLIC = "rq:rM>}U?@Lns47E1%kR.o@n%FcmmsL/@{H8]yf7";
    private static final String SERVER_SECRET = "JTKVSB%%)wK0E.X)V>+}o?pNmC{O&4W4b!Ni{Lh6";
    /** libzmq's tests/testutil_security.cpp client key pair. */
    private static final String CLIENT_PUBLIC = "Yne@$w-vo<fVvi]a<NY6T1ed:M$fCG*[IaLV{hID";
    private static final String CLIENT_SECRET = "D:)Q[IlAW!ahhC2ac:9*A}h:p?([4%wOTJ%JR%cs";

    @TempDir
    Path dir;

    private static Map<String, String> metadata(String... nameValues) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            m.put(nameValues[i], nameValues[i + 1]);
        }
        return m;
    }

    private static Certificate serverCertificate() {
        return new Certificate(Z85.decode(SERVER_PUBLIC), Z85.decode(SERVER_SECRET),
                metadata("name", "Pieter Hintjens", "email", "ph@imatix.com", "version", "1"));
    }

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    private static ZmqException assertMalformed(Path file, int line, String detail, Runnable load) {
        ZmqException e = assertThrows(ZmqException.class, load::run);
        assertEquals(ZmqException.EINVAL, e.errorCode());
        String where = file + ":" + line + ": ";
        assertTrue(e.getMessage().startsWith(where), "expected '" + where + "…', got: " + e.getMessage());
        assertTrue(e.getMessage().contains(detail), "expected '" + detail + "' in: " + e.getMessage());
        return e;
    }

    // ---------------------------------------------------------------- round trips

    @Test
    void shouldLoadBothKeysAndMetadataBackAfterSaving() {
        Certificate cert = serverCertificate();
        Path path = dir.resolve("server");
        cert.save(path);

        assertTrue(Files.isRegularFile(path));
        assertTrue(Files.isRegularFile(dir.resolve("server_secret")));
        Certificate loaded = Certificate.load(path);
        assertEquals(cert, loaded);
        assertArrayEquals(Z85.decode(SERVER_SECRET), loaded.secretKey());
        assertEquals(List.of("name", "email", "version"), List.copyOf(loaded.metadata().keySet()));
        assertEquals("Pieter Hintjens", loaded.metadata().get("name"));
        assertEquals(cert, Certificate.load(dir.resolve("server_secret")));
        assertEquals(cert, Certificate.loadSecret(path));
    }

    @Test
    void shouldLoadOnlyThePublicKeyFromThePublicFileOrWhenAskedForThePublicPart() {
        Certificate cert = serverCertificate();
        Path path = dir.resolve("server");
        cert.save(path);

        Certificate fromPublicFile = Certificate.loadPublic(path);
        assertNull(fromPublicFile.secretKey());
        assertFalse(fromPublicFile.hasSecretKey());
        assertEquals(SERVER_PUBLIC, fromPublicFile.publicKeyZ85());
        assertEquals(cert.metadata(), fromPublicFile.metadata());
        assertEquals(cert.publicPart(), fromPublicFile);
        assertNull(Certificate.loadPublic(dir.resolve("server_secret")).secretKey());
    }

    /**
     * CZMQ's zcert_load: "Try first to load secret certificate, which has both keys. Then fallback to loading public
     * certificate".
     */
    @Test
    void shouldFallBackToThePublicFileWhenTheSecretFileIsGone() throws IOException {
        Path path = dir.resolve("server");
        serverCertificate().save(path);
        Files.delete(dir.resolve("server_secret"));

        Certificate loaded = Certificate.load(path);
        assertNull(loaded.secretKey());
        assertEquals(SERVER_PUBLIC, loaded.publicKeyZ85());
    }

    @Test
    void shouldRoundTripRandomKeysAndEmptyMetadata() {
        Random random = new Random(4);
        for (int i = 0; i < 20; i++) {
            byte[] pub = new byte[32];
            byte[] sec = new byte[32];
            random.nextBytes(pub);
            random.nextBytes(sec);
            Certificate cert = new Certificate(pub, sec, Map.of());
            Path path = dir.resolve("cert" + i);
            cert.save(path);
            assertEquals(cert, Certificate.loadSecret(path));
        }
    }

    @Test
    void shouldWriteCzmqsLayoutWithHeaderCommentsAndQuotedValues() throws IOException {
        Path path = dir.resolve("server");
        serverCertificate().save(path);

        List<String> pub = Files.readAllLines(path);
        String generated = "#   \\*{4}  Generated on \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d by zmq4j  \\*{4}";
        assertTrue(pub.get(0).matches(generated), pub.get(0));
        assertEquals(List.of(
                "#   ZeroMQ CURVE Public Certificate",
                "#   Exchange securely, or use a secure mechanism to verify the contents",
                "#   of this file after exchange. Store public certificates in your home",
                "#   directory, in the .curve subdirectory.",
                "",
                "metadata",
                "    name = \"Pieter Hintjens\"",
                "    email = \"ph@imatix.com\"",
                "    version = \"1\"",
                "curve",
                "    public-key = \"" + SERVER_PUBLIC + "\""), pub.subList(1, pub.size()));

        List<String> secret = Files.readAllLines(dir.resolve("server_secret"));
        assertTrue(secret.get(0).startsWith("#   ****  Generated on "), secret.get(0));
        assertEquals(List.of(
                "#   ZeroMQ CURVE **Secret** Certificate",
                "#   DO NOT PROVIDE THIS FILE TO OTHER USERS nor change its permissions.",
                "",
                "metadata",
                "    name = \"Pieter Hintjens\"",
                "    email = \"ph@imatix.com\"",
                "    version = \"1\"",
                "curve",
                "    public-key = \"" + SERVER_PUBLIC + "\"",
                "    secret-key = \"" + SERVER_SECRET + "\""), secret.subList(1, secret.size()));
    }

    /** CZMQ's zcert_save_secret writes under zsys_file_mode_private: the owner alone may read the secret. */
    @Test
    void shouldMakeTheSecretFileReadableByTheOwnerOnly() throws IOException {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "needs POSIX permissions");
        Path secret = dir.resolve("server_secret");
        Files.writeString(secret, "old");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-r--r--"));

        serverCertificate().save(dir.resolve("server"));

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(secret)));
        serverCertificate().saveSecret(dir.resolve("fresh_secret"));
        assertEquals("rw-------",
                PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("fresh_secret"))));
    }

    @Test
    void shouldRefuseToSaveASecretFileForAPublicCertificate() {
        Certificate pub = new Certificate(Z85.decode(CLIENT_PUBLIC));
        ZmqException e = assertThrows(ZmqException.class, () -> pub.save(dir.resolve("client")));
        assertEquals(ZmqException.EINVAL, e.errorCode());
        pub.savePublic(dir.resolve("client"));
        assertEquals(pub, Certificate.load(dir.resolve("client")));
    }

    // ---------------------------------------------------------------- CZMQ files

    /** A pair exactly as CZMQ's zcert_save writes it (zconfig_save: comments, blank line, 4-space levels). */
    @Test
    void shouldReadACertificatePairWrittenByCzmq() throws IOException {
        write("alice", ""
                + "#   ****  Generated on 2015-04-12 10:22:09 by CZMQ  ****\n"
                + "#   ZeroMQ CURVE Public Certificate\n"
                + "#   Exchange securely, or use a secure mechanism to verify the contents\n"
                + "#   of this file after exchange. Store public certificates in your home\n"
                + "#   directory, in the .curve subdirectory.\n"
                + "\n"
                + "metadata\n"
                + "    name = \"alice\"\n"
                + "    organization = \"iMatix Corporation\"\n"
                + "curve\n"
                + "    public-key = \"" + CLIENT_PUBLIC + "\"\n");
        write("alice_secret", ""
                + "#   ****  Generated on 2015-04-12 10:22:09 by CZMQ  ****\n"
                + "#   ZeroMQ CURVE **Secret** Certificate\n"
                + "#   DO NOT PROVIDE THIS FILE TO OTHER USERS nor change its permissions.\n"
                + "\n"
                + "metadata\n"
                + "    name = \"alice\"\n"
                + "    organization = \"iMatix Corporation\"\n"
                + "curve\n"
                + "    public-key = \"" + CLIENT_PUBLIC + "\"\n"
                + "    secret-key = \"" + CLIENT_SECRET + "\"\n");

        Certificate alice = Certificate.load(dir.resolve("alice"));
        assertArrayEquals(Z85.decode(CLIENT_PUBLIC), alice.publicKey());
        assertArrayEquals(Z85.decode(CLIENT_SECRET), alice.secretKey());
        assertEquals(metadata("name", "alice", "organization", "iMatix Corporation"), alice.metadata());
        assertNull(Certificate.loadPublic(dir.resolve("alice")).secretKey());
    }

    @Test
    void shouldReadAnEmptyMetadataSectionAsCzmqWritesIt() throws IOException {
        Path p = write("bare", "#   ****  Generated on 2015-04-12 10:22:09 by CZMQ  ****\n\nmetadata\ncurve\n"
                + "    public-key = \"" + CLIENT_PUBLIC + "\"\n");
        Certificate c = Certificate.load(p);
        assertEquals(Map.of(), c.metadata());
        assertEquals(CLIENT_PUBLIC, c.publicKeyZ85());
    }

    @Test
    void shouldAcceptSingleQuotedAndBareValuesTabsTrailingCommentsAndUnknownSections() throws IOException {
        Path p = write("loose", ""
                + "# hand-written\n"
                + "context\n"
                + "    iothreads = 1\n"
                + "metadata   # who\n"
                + "\tname = 'Bob the Builder'\n"
                + "\tteam = ops   # on call\n"
                + "\tlabels\n"
                + "\t\tignored = \"nested deeper\"\n"
                + "curve\n"
                + "  public-key='" + CLIENT_PUBLIC + "'\n");
        Certificate c = Certificate.loadPublic(p);
        assertEquals(CLIENT_PUBLIC, c.publicKeyZ85());
        assertEquals("ops", c.metadata().get("team"));
        assertEquals(2, c.metadata().size(), c.metadata().toString());
        assertEquals("Bob the Builder", c.metadata().get("name"));
    }

    // ---------------------------------------------------------------- directories

    @Test
    void shouldLoadEveryPublicCertificateOfADirectoryIgnoringSecretFiles() throws IOException {
        serverCertificate().save(dir.resolve("server"));
        new Certificate(Z85.decode(CLIENT_PUBLIC), Z85.decode(CLIENT_SECRET), metadata("name", "client"))
                .save(dir.resolve("client"));
        Files.createDirectory(dir.resolve("subdir"));
        Files.writeString(dir.resolve(".hidden"), "not a certificate");

        List<Certificate> certs = Certificate.loadDirectory(dir);

        assertEquals(2, certs.size());
        assertEquals(CLIENT_PUBLIC, certs.get(0).publicKeyZ85());
        assertEquals(SERVER_PUBLIC, certs.get(1).publicKeyZ85());
        assertNull(certs.get(0).secretKey());
        assertNull(certs.get(1).secretKey());
        assertEquals("client", certs.get(0).metadata().get("name"));
    }

    @Test
    void shouldNameTheBadFileWhenADirectoryHoldsANonCertificate() throws IOException {
        serverCertificate().save(dir.resolve("server"));
        Path bad = write("notes", "metadata\ncurve\n    public-key = \"short\"\n");
        assertMalformed(bad, 3, "public-key must be 40 Z85 characters", () -> Certificate.loadDirectory(dir));
    }

    // ---------------------------------------------------------------- malformed files

    @Test
    void shouldRejectAPublicKeyThatIsNot40Characters() throws IOException {
        Path p = write("short", "metadata\ncurve\n    public-key = \"" + CLIENT_PUBLIC.substring(1) + "\"\n");
        assertMalformed(p, 3, "39 characters", () -> Certificate.load(p));
    }

    @Test
    void shouldRejectAKeyWithCharactersOutsideZ85() throws IOException {
        String bad = "Yne@$w-vo<fVvi]a<NY6T1ed:M$fCG*[IaLV{hI~";
        Path p = write("badchar", "curve\n    public-key = \"" + CLIENT_PUBLIC + "\"\n    secret-key = \""
                + bad + "\"\n");
        assertMalformed(p, 3, "secret-key must be 40 Z85 characters", () -> Certificate.loadSecret(p));
    }

    @Test
    void shouldRejectAKeyWhoseGroupsOverflow32Bits() throws IOException {
        Path p = write("overflow", "curve\n    public-key = \"########################################\"\n");
        assertMalformed(p, 2, "public-key", () -> Certificate.load(p));
    }

    @Test
    void shouldRejectAPropertyOutsideAnySection() throws IOException {
        Path p = write("orphan", "# header\n\n    public-key = \"" + CLIENT_PUBLIC + "\"\n");
        assertMalformed(p, 3, "outside any section", () -> Certificate.load(p));
    }

    @Test
    void shouldRejectALineThatIsNotNameEqualsValue() throws IOException {
        Path p = write("garbage", "metadata\n    name: alice\ncurve\n    public-key = \"" + CLIENT_PUBLIC + "\"\n");
        assertMalformed(p, 2, "expected '='", () -> Certificate.load(p));
    }

    @Test
    void shouldRejectAnUnterminatedQuote() throws IOException {
        Path p = write("quote", "curve\n    public-key = \"" + CLIENT_PUBLIC + "\n");
        assertMalformed(p, 2, "no closing", () -> Certificate.load(p));
    }

    @Test
    void shouldRejectTextAfterAQuotedValue() throws IOException {
        Path p = write("trailing", "curve\n    public-key = \"" + CLIENT_PUBLIC + "\" extra\n");
        assertMalformed(p, 2, "unexpected text", () -> Certificate.load(p));
    }

    @Test
    void shouldRejectADuplicateKey() throws IOException {
        Path p = write("twice", "curve\n    public-key = \"" + CLIENT_PUBLIC + "\"\n    public-key = \""
                + SERVER_PUBLIC + "\"\n");
        assertMalformed(p, 3, "duplicate public-key", () -> Certificate.load(p));
    }

    @Test
    void shouldRejectShallowerIndentationInsideASection() throws IOException {
        Path p = write("indent", "metadata\n        name = \"a\"\n    team = \"b\"\ncurve\n    public-key = \""
                + CLIENT_PUBLIC + "\"\n");
        assertMalformed(p, 3, "indentation", () -> Certificate.load(p));
    }

    @Test
    void shouldRejectAFileWithoutPublicKey() throws IOException {
        Path p = write("nokey", "metadata\n    name = \"x\"\ncurve\n");
        ZmqException e = assertThrows(ZmqException.class, () -> Certificate.load(p));
        assertEquals(ZmqException.EINVAL, e.errorCode());
        assertEquals(p + ": no public-key in section curve", e.getMessage());
    }

    @Test
    void shouldRejectLoadingTheSecretOfAPublicOnlyCertificate() {
        new Certificate(Z85.decode(CLIENT_PUBLIC)).savePublic(dir.resolve("client"));
        ZmqException e = assertThrows(ZmqException.class, () -> Certificate.loadSecret(dir.resolve("client")));
        assertEquals(ZmqException.EINVAL, e.errorCode());
        assertTrue(e.getMessage().contains("no secret-key"), e.getMessage());
    }

    @Test
    void shouldReportAMissingFileAsAnIoFailure() {
        assertThrows(java.io.UncheckedIOException.class, () -> Certificate.load(dir.resolve("absent")));
    }

    // ---------------------------------------------------------------- construction

    @Test
    void shouldRejectKeysThatAreNot32Bytes() {
        ZmqException pub = assertThrows(ZmqException.class, () -> new Certificate(new byte[31]));
        assertEquals(ZmqException.EINVAL, pub.errorCode());
        ZmqException sec = assertThrows(ZmqException.class,
                () -> new Certificate(new byte[32], new byte[40], Map.of()));
        assertEquals(ZmqException.EINVAL, sec.errorCode());
    }

    @Test
    void shouldRejectMetadataThatZplCannotHold() {
        assertThrows(ZmqException.class, () -> new Certificate(new byte[32], null, Map.of("has space", "x")));
        assertThrows(ZmqException.class, () -> new Certificate(new byte[32], null, Map.of("quote", "a\"b")));
        assertThrows(ZmqException.class, () -> new Certificate(new byte[32], null, Map.of("line", "a\nb")));
    }

    @Test
    void shouldCopyKeysInAndOut() {
        byte[] pub = Z85.decode(CLIENT_PUBLIC);
        Certificate c = new Certificate(pub);
        pub[0] ^= 1;
        assertEquals(CLIENT_PUBLIC, c.publicKeyZ85());
        c.publicKey()[0] ^= 1;
        assertEquals(CLIENT_PUBLIC, c.publicKeyZ85());
    }

    @Test
    void shouldNeverShowTheSecretKeyInToString() {
        String s = serverCertificate().toString();
        assertTrue(s.contains(SERVER_PUBLIC), s);
        assertFalse(s.contains(SERVER_SECRET), s);
    }
}

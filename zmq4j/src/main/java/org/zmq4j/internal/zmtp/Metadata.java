package org.zmq4j.internal.zmtp;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Encodes and decodes the ZMTP property dictionary carried by READY (and by the PLAIN and CURVE handshakes).
 *
 * <pre>
 * property, repeated until the end of the body:
 * +-----------+-----------------+--------------------------+------------------+
 * | name-size |      name       | value-size (4, big-end.) |      value       |
 * +-----------+-----------------+--------------------------+------------------+
 *      1        1 - 255 octets            4 octets          0 - 2^31-1 octets
 * name-char = ALPHA / DIGIT / "-" / "_" / "." / "+"
 * </pre>
 */
public final class Metadata {
    private Metadata() {}

    /** Encodes the properties in the map's iteration order. */
    public static byte[] encode(Map<String, byte[]> properties) {
        long total = 0;
        for (Map.Entry<String, byte[]> e : properties.entrySet()) {
            checkName(e.getKey());
            total += 1 + e.getKey().length() + 4 + e.getValue().length;
        }
        if (total > FrameDecoder.MAX_FRAME_SIZE) {
            throw new IllegalArgumentException("metadata of " + total + " octets is too large for one command");
        }
        byte[] out = new byte[(int) total];
        int at = 0;
        for (Map.Entry<String, byte[]> e : properties.entrySet()) {
            String name = e.getKey();
            byte[] value = e.getValue();
            out[at++] = (byte) name.length();
            for (int i = 0; i < name.length(); i++) {
                out[at++] = (byte) name.charAt(i);
            }
            out[at++] = (byte) (value.length >>> 24);
            out[at++] = (byte) (value.length >>> 16);
            out[at++] = (byte) (value.length >>> 8);
            out[at++] = (byte) value.length;
            System.arraycopy(value, 0, out, at, value.length);
            at += value.length;
        }
        return out;
    }

    /**
     * Decodes the properties in {@code body[off, off + len)}. Names are case-insensitive (the map uses
     * {@link String#CASE_INSENSITIVE_ORDER}); values are copies. When a name repeats, the first value is kept, as
     * libzmq's map emplace does.
     *
     * @param errorCode the protocol error to report, e.g. {@link ProtocolErrors#ZMTP_INVALID_METADATA}
     * @throws ZmtpException with {@code errorCode} on truncation, an empty name or a name octet outside the grammar
     */
    public static Map<String, byte[]> decode(byte[] body, int off, int len, int errorCode) throws ZmtpException {
        Objects.checkFromIndexSize(off, len, body.length);
        Map<String, byte[]> properties = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        int at = off;
        int end = off + len;
        while (at < end) {
            int nameSize = body[at++] & 0xFF;
            // 37/ZMTP 3.1: "The name SHALL be 1 to 255 characters. Zero-sized names are not valid."
            if (nameSize == 0) {
                throw new ZmtpException(errorCode, "metadata property with an empty name at " + (at - 1 - off));
            }
            if (nameSize > end - at) {
                throw new ZmtpException(errorCode, "metadata name truncated at " + (at - 1 - off));
            }
            for (int i = at; i < at + nameSize; i++) {
                if (!isNameChar(body[i])) {
                    throw new ZmtpException(errorCode, "metadata name has invalid octet 0x"
                            + Integer.toHexString(body[i] & 0xFF) + " at " + (i - off));
                }
            }
            String name = new String(body, at, nameSize, StandardCharsets.US_ASCII);
            at += nameSize;
            if (end - at < 4) {
                throw new ZmtpException(errorCode, "metadata value size of '" + name + "' truncated");
            }
            long valueSize = ((body[at] & 0xFFL) << 24) | ((body[at + 1] & 0xFF) << 16)
                    | ((body[at + 2] & 0xFF) << 8) | (body[at + 3] & 0xFF);
            at += 4;
            // 37/ZMTP 3.1: "The value SHALL be 0 to 2,147,483,647 (2^31-1 or INT32_MAX in C/C++) octets".
            if (valueSize > end - at) {
                throw new ZmtpException(errorCode, "metadata value of '" + name + "' truncated: " + valueSize
                        + " octets announced, " + (end - at) + " left");
            }
            byte[] value = new byte[(int) valueSize];
            System.arraycopy(body, at, value, 0, value.length);
            at += value.length;
            properties.putIfAbsent(name, value);
        }
        return properties;
    }

    // 37/ZMTP 3.1: name-char = ALPHA | DIGIT | "-" | "_" | "." | "+"
    private static boolean isNameChar(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '_' || c == '.' || c == '+';
    }

    private static void checkName(String name) {
        if (name.isEmpty() || name.length() > 255) {
            throw new IllegalArgumentException("metadata name must be 1 to 255 characters: '" + name + "'");
        }
        for (int i = 0; i < name.length(); i++) {
            if (!isNameChar(name.charAt(i))) {
                throw new IllegalArgumentException("metadata name has a character outside "
                        + "ALPHA / DIGIT / - / _ / . / +: '" + name + "'");
            }
        }
    }
}

package org.zmq4j;

import org.zmq4j.internal.util.ZmqError;

/**
 * Z85 (32/Z85), the printable form of CURVE keys, as libzmq's zmq_z85_encode and zmq_z85_decode: four bytes become
 * five characters from an 85-character alphabet. Thread-safe.
 *
 * <pre>{@code
 * Z85.encode(new byte[] {(byte) 0x86, 0x4F, (byte) 0xD2, 0x6F, (byte) 0xB5, 0x59, (byte) 0xF7, 0x5B})
 *         .equals("HelloWorld");
 * byte[] key = Z85.decode("DX4nh=yUn{-9ugra0X3Src4SU-4xTgqxcYY.+<SH");   // 32 bytes
 * }</pre>
 */
public final class Z85 {
    private Z85() {}

    /**
     * Encodes {@code data} as Z85 text.
     *
     * @throws ZmqException EINVAL if the length is not a multiple of 4
     */
    public static String encode(byte[] data) {
        try {
            return org.zmq4j.internal.util.Z85.encode(data);
        } catch (ZmqError e) {
            throw Errors.map(e);
        }
    }

    /**
     * Decodes Z85 text.
     *
     * @throws ZmqException EINVAL if the length is not a multiple of 5, a character is outside the Z85 alphabet, or
     *     a group of five characters is worth more than 2^32 - 1
     */
    public static byte[] decode(String text) {
        try {
            return org.zmq4j.internal.util.Z85.decode(text);
        } catch (ZmqError e) {
            throw Errors.map(e);
        }
    }
}

package org.zmq4j.internal.util;

import java.util.Arrays;

/**
 * The Z85 codec of 32/Z85: four octets, read as a big-endian unsigned 32-bit value, become five printable
 * characters, most significant digit first. Stateless and thread-safe.
 *
 * <pre>
 * binary  +--------+--------+--------+--------+
 *         | 0x86   | 0x4F   | 0xD2   | 0x6F   |   = 2253378159
 *         +--------+--------+--------+--------+
 * text    +---+---+---+---+---+
 *         | H | e | l | l | o |                  = 17*85^4 + 14*85^3 + 21*85^2 + 21*85 + 24
 *         +---+---+---+---+---+
 * </pre>
 *
 * Failures are {@link ZmqError}s with code EINVAL, as libzmq's zmq_z85_encode/zmq_z85_decode return NULL with
 * EINVAL.
 */
public final class Z85 {
    /** 32/Z85: "The encoding and decoding SHALL use this representation for each base-85 value from zero to 84". */
    private static final String ALPHABET =
            "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-:+=^!/*?&<>()[]{}@%$#";

    /** Character to digit, -1 outside the alphabet; indexed by the character's code below 128. */
    private static final byte[] DIGITS = new byte[128];

    static {
        Arrays.fill(DIGITS, (byte) -1);
        for (int i = 0; i < ALPHABET.length(); i++) {
            DIGITS[ALPHABET.charAt(i)] = (byte) i;
        }
    }

    private Z85() {}

    /** Encodes {@code data}, whose length must be a multiple of 4 (32/Z85: padding is the application's job). */
    public static String encode(byte[] data) {
        return encode(data, 0, data.length);
    }

    /** Encodes {@code data[offset, offset + length)}; {@code length} must be a multiple of 4. */
    public static String encode(byte[] data, int offset, int length) {
        if (offset < 0 || length < 0 || offset > data.length - length) {
            throw new ZmqError(ZmqError.EINVAL, "Z85: range [" + offset + ", " + offset + "+" + length
                    + ") is outside an array of " + data.length + " bytes");
        }
        if (length % 4 != 0) {
            throw new ZmqError(ZmqError.EINVAL,
                    "Z85: binary length must be a multiple of 4, got " + length);
        }
        char[] out = new char[length / 4 * 5];
        int at = 0;
        for (int i = offset; i < offset + length; i += 4) {
            long value = ((data[i] & 0xFFL) << 24) | ((data[i + 1] & 0xFF) << 16)
                    | ((data[i + 2] & 0xFF) << 8) | (data[i + 3] & 0xFF);
            for (int d = 4; d >= 0; d--) {
                out[at + d] = ALPHABET.charAt((int) (value % 85));
                value /= 85;
            }
            at += 5;
        }
        return new String(out);
    }

    /**
     * Decodes {@code text}, whose length must be a multiple of 5, every character in the Z85 alphabet and every
     * group of five no more than 2^32 - 1.
     */
    public static byte[] decode(CharSequence text) {
        int length = text.length();
        if (length % 5 != 0) {
            throw new ZmqError(ZmqError.EINVAL, "Z85: text length must be a multiple of 5, got " + length);
        }
        byte[] out = new byte[length / 5 * 4];
        int at = 0;
        for (int i = 0; i < length; i += 5) {
            long value = 0;
            for (int d = 0; d < 5; d++) {
                char c = text.charAt(i + d);
                int digit = c < 128 ? DIGITS[c] : -1;
                if (digit < 0) {
                    throw new ZmqError(ZmqError.EINVAL, "Z85: character " + describe(c) + " at index " + (i + d)
                            + " is not in the Z85 alphabet");
                }
                value = value * 85 + digit;
            }
            if (value > 0xFFFF_FFFFL) {
                throw new ZmqError(ZmqError.EINVAL, "Z85: group \"" + text.subSequence(i, i + 5) + "\" at index "
                        + i + " exceeds 32 bits");
            }
            out[at++] = (byte) (value >>> 24);
            out[at++] = (byte) (value >>> 16);
            out[at++] = (byte) (value >>> 8);
            out[at++] = (byte) value;
        }
        return out;
    }

    /** True if {@code text} would decode without error. */
    public static boolean isValid(CharSequence text) {
        if (text.length() % 5 != 0) {
            return false;
        }
        for (int i = 0; i < text.length(); i += 5) {
            long value = 0;
            for (int d = 0; d < 5; d++) {
                char c = text.charAt(i + d);
                int digit = c < 128 ? DIGITS[c] : -1;
                if (digit < 0) {
                    return false;
                }
                value = value * 85 + digit;
            }
            if (value > 0xFFFF_FFFFL) {
                return false;
            }
        }
        return true;
    }

    private static String describe(char c) {
        return c >= 0x21 && c < 0x7F ? "'" + c + "'" : String.format("U+%04X", (int) c);
    }
}

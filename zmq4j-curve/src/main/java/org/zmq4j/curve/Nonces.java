package org.zmq4j.curve;

import java.nio.charset.StandardCharsets;

/**
 * The 24-octet nonces of 26/CurveZMQ: an ASCII prefix that names the command, then the nonce the command carries,
 * either an 8-octet big-endian counter ("short nonce", prefix of 16) or 16 random octets ("long nonce", prefix
 * of 8).
 *
 * <pre>
 * short: | "CurveZMQHELLO---" (16)       | counter (8, big-endian) |
 * long:  | "WELCOME-" (8) | random (16)                             |
 * </pre>
 */
final class Nonces {
    static final byte[] HELLO = ascii("CurveZMQHELLO---");
    static final byte[] WELCOME = ascii("WELCOME-");
    static final byte[] COOKIE = ascii("COOKIE--");
    static final byte[] INITIATE = ascii("CurveZMQINITIATE");
    static final byte[] VOUCH = ascii("VOUCH---");
    static final byte[] READY = ascii("CurveZMQREADY---");
    /** MESSAGE from the client. */
    static final byte[] MESSAGE_CLIENT = ascii("CurveZMQMESSAGEC");
    /** MESSAGE from the server. */
    static final byte[] MESSAGE_SERVER = ascii("CurveZMQMESSAGES");

    static final int SHORT_SIZE = 8;
    static final int LONG_SIZE = 16;

    private Nonces() {}

    /** A nonce with a 16-octet prefix and the counter {@code n}. */
    static byte[] counter(byte[] prefix, long n) {
        byte[] nonce = new byte[SecretBox.NONCE_SIZE];
        System.arraycopy(prefix, 0, nonce, 0, 16);
        putLong(nonce, 16, n);
        return nonce;
    }

    /** A nonce with a prefix of 16 (or 8) octets and the 8 (or 16) octets of {@code src[off]} after it. */
    static byte[] of(byte[] prefix, byte[] src, int off) {
        byte[] nonce = new byte[SecretBox.NONCE_SIZE];
        System.arraycopy(prefix, 0, nonce, 0, prefix.length);
        System.arraycopy(src, off, nonce, prefix.length, nonce.length - prefix.length);
        return nonce;
    }

    /** A nonce with an 8-octet prefix and 16 fresh random octets. */
    static byte[] randomLong(byte[] prefix) {
        byte[] nonce = new byte[SecretBox.NONCE_SIZE];
        System.arraycopy(prefix, 0, nonce, 0, prefix.length);
        Box.random(nonce, prefix.length, LONG_SIZE);
        return nonce;
    }

    static void putLong(byte[] b, int off, long v) {
        for (int i = 7; i >= 0; i--) {
            b[off + i] = (byte) v;
            v >>>= 8;
        }
    }

    static long getLong(byte[] b, int off) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (b[off + i] & 0xFF);
        }
        return v;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}

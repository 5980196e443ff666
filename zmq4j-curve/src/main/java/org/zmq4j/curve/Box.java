package org.zmq4j.curve;

import java.security.SecureRandom;
import org.bouncycastle.crypto.engines.Salsa20Engine;
import org.bouncycastle.math.ec.rfc7748.X25519;
import org.bouncycastle.util.Pack;

/**
 * NaCl's {@code crypto_box} key agreement over Curve25519, from Bouncy Castle's {@link X25519} and the Salsa20 core:
 * key pairs, and {@link #beforenm}, the shared key that turns a {@link SecretBox} into a box between two key pairs.
 *
 * <pre>
 * beforenm(P, s) = HSalsa20(key = X25519(s, P), input = 16 zero octets)
 * box(m, n, P, s) = secretbox(m, n, beforenm(P, s))
 * </pre>
 *
 * Stateless and thread-safe.
 */
final class Box {
    static final int KEY_SIZE = 32;

    /** "expand 32-byte k" as the four little-endian words Salsa20 puts on its diagonal. */
    private static final int SIGMA0 = 0x61707865;
    private static final int SIGMA1 = 0x3320646e;
    private static final int SIGMA2 = 0x79622d32;
    private static final int SIGMA3 = 0x6b206574;

    private static final byte[] ZERO_INPUT = new byte[16];

    private static final SecureRandom RANDOM = new SecureRandom();

    private Box() {}

    /** A fresh key pair {public, secret} (libsodium's crypto_box_keypair). */
    static byte[][] keyPair() {
        byte[] secret = new byte[KEY_SIZE];
        X25519.generatePrivateKey(RANDOM, secret);
        return new byte[][] {publicKey(secret), secret};
    }

    /** The public key of a secret key (crypto_scalarmult_base; the secret is clamped as X25519 does). */
    static byte[] publicKey(byte[] secret) {
        checkKey(secret);
        byte[] pub = new byte[KEY_SIZE];
        X25519.scalarMultBase(secret, 0, pub, 0);
        return pub;
    }

    /**
     * The precomputed key for boxes between {@code publicKey} and {@code secretKey} (crypto_box_beforenm), or null
     * if the public key is one of the low-order points whose shared secret is all zeros, which libsodium refuses
     * too.
     */
    static byte[] beforenm(byte[] publicKey, byte[] secretKey) {
        checkKey(publicKey);
        checkKey(secretKey);
        byte[] shared = new byte[KEY_SIZE];
        if (!X25519.calculateAgreement(secretKey, 0, publicKey, 0, shared, 0)) {
            return null;
        }
        byte[] key = hsalsa20(shared, ZERO_INPUT);
        java.util.Arrays.fill(shared, (byte) 0);
        return key;
    }

    /** Random octets for long nonces and cookie keys. */
    static void random(byte[] out, int off, int len) {
        byte[] r = new byte[len];
        RANDOM.nextBytes(r);
        System.arraycopy(r, 0, out, off, len);
    }

    /**
     * HSalsa20 (crypto_core_hsalsa20), the way Bouncy Castle's XSalsa20Engine derives its subkey: the Salsa20 core
     * over sigma, the key and the 16-octet input, whose words 0, 5, 10, 15, 6, 7, 8, 9 without the final addition
     * of the input are the output.
     */
    static byte[] hsalsa20(byte[] key, byte[] input) {
        int[] state = new int[16];
        state[0] = SIGMA0;
        state[5] = SIGMA1;
        state[10] = SIGMA2;
        state[15] = SIGMA3;
        Pack.littleEndianToInt(key, 0, state, 1, 4);
        Pack.littleEndianToInt(key, 16, state, 11, 4);
        Pack.littleEndianToInt(input, 0, state, 6, 4);
        int[] x = new int[16];
        Salsa20Engine.salsaCore(20, state, x);
        int[] words = {
            x[0] - state[0], x[5] - state[5], x[10] - state[10], x[15] - state[15],
            x[6] - state[6], x[7] - state[7], x[8] - state[8], x[9] - state[9]
        };
        byte[] out = new byte[KEY_SIZE];
        Pack.intToLittleEndian(words, out, 0);
        java.util.Arrays.fill(state, 0);
        java.util.Arrays.fill(x, 0);
        java.util.Arrays.fill(words, 0);
        return out;
    }

    private static void checkKey(byte[] key) {
        if (key == null || key.length != KEY_SIZE) {
            throw new IllegalArgumentException("a Curve25519 key is 32 octets");
        }
    }
}

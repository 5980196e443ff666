package org.zmq4j.curve;

import java.util.Arrays;
import org.bouncycastle.crypto.engines.XSalsa20Engine;
import org.bouncycastle.crypto.macs.Poly1305;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;

/**
 * NaCl's {@code crypto_secretbox} (XSalsa20-Poly1305) under one 32-byte key, composed from Bouncy Castle's
 * {@link XSalsa20Engine} and {@link Poly1305}: the first 32 octets of the XSalsa20 key stream are the one-time
 * Poly1305 key, the rest encrypts the plaintext, and the tag over the ciphertext goes in front of it.
 *
 * <pre>
 * box = tag (16) | ciphertext (plaintext length)
 * key stream (key, 24-octet nonce) = poly1305-key (32) | pad for the ciphertext ...
 * tag = Poly1305(poly1305-key, ciphertext)
 * </pre>
 *
 * With the key from {@link Box#beforenm} this is {@code crypto_box_afternm}, so a connection pays for its
 * X25519 once and each MESSAGE costs one XSalsa20 pass and one Poly1305 pass. Holds mutable cipher state: one
 * instance per connection, used on its I/O thread only.
 */
final class SecretBox {
    static final int KEY_SIZE = 32;
    static final int NONCE_SIZE = 24;
    static final int TAG_SIZE = 16;

    private static final byte[] ZEROS = new byte[32];

    private final KeyParameter key;
    private final XSalsa20Engine cipher = new XSalsa20Engine();
    private final Poly1305 mac = new Poly1305();
    private final byte[] macKey = new byte[32];
    private final byte[] tag = new byte[TAG_SIZE];

    SecretBox(byte[] key) {
        if (key.length != KEY_SIZE) {
            throw new IllegalArgumentException("a secretbox key is 32 octets, got " + key.length);
        }
        this.key = new KeyParameter(key.clone());
    }

    /**
     * Encrypts {@code buf[off, off + len)} in place and writes its tag to {@code buf[off - 16, off)}.
     */
    void seal(byte[] nonce, byte[] buf, int off, int len) {
        start(nonce);
        cipher.processBytes(buf, off, len, buf, off);
        mac.update(buf, off, len);
        mac.doFinal(buf, off - TAG_SIZE);
    }

    /**
     * Checks the tag at {@code box[tagOff, tagOff + 16)} against the {@code ciphertextLength} octets after it. If it
     * is right, returns true with the cipher positioned at the start of that ciphertext, for {@link #decrypt}.
     */
    boolean verify(byte[] nonce, byte[] box, int tagOff, int ciphertextLength) {
        start(nonce);
        mac.update(box, tagOff + TAG_SIZE, ciphertextLength);
        mac.doFinal(tag, 0);
        return org.bouncycastle.util.Arrays.constantTimeAreEqual(TAG_SIZE, tag, 0, box, tagOff);
    }

    /** After a successful {@link #verify}: decrypts the next {@code len} octets of the ciphertext, in order. */
    void decrypt(byte[] in, int inOff, int len, byte[] out, int outOff) {
        cipher.processBytes(in, inOff, len, out, outOff);
    }

    /** Opens a whole box of {@code boxLength} octets at {@code box[off]}: the plaintext, or null if forged. */
    byte[] open(byte[] nonce, byte[] box, int off, int boxLength) {
        if (boxLength < TAG_SIZE || !verify(nonce, box, off, boxLength - TAG_SIZE)) {
            return null;
        }
        byte[] plain = new byte[boxLength - TAG_SIZE];
        decrypt(box, off + TAG_SIZE, plain.length, plain, 0);
        return plain;
    }

    private void start(byte[] nonce) {
        cipher.init(true, new ParametersWithIV(key, nonce));
        cipher.processBytes(ZEROS, 0, macKey.length, macKey, 0);
        mac.init(new KeyParameter(macKey));
        Arrays.fill(macKey, (byte) 0);
    }

    /** Overwrites the key; the instance must not be used afterwards. */
    void destroy() {
        Arrays.fill(key.getKey(), (byte) 0);
    }
}

package org.zmq4j;

import org.zmq4j.internal.security.Mechanisms;
import org.zmq4j.internal.util.ZmqError;

/**
 * CURVE keys (26/CurveZMQ): key pairs and public-from-secret, provided by the {@code zmq4j-curve} artifact. Without
 * it on the class path every method fails with a {@link ZmqException} that names the artifact.
 */
public final class Curve {
    /** A long-term key pair; keys are 32 bytes, {@link Z85} gives their 40-character text. */
    public static final class KeyPair {
        private final byte[] publicKey;
        private final byte[] secretKey;

        KeyPair(byte[] publicKey, byte[] secretKey) {
            this.publicKey = publicKey;
            this.secretKey = secretKey;
        }

        public byte[] publicKey() {
            return publicKey.clone();
        }

        public byte[] secretKey() {
            return secretKey.clone();
        }

        public String publicKeyZ85() {
            return Z85.encode(publicKey);
        }

        public String secretKeyZ85() {
            return Z85.encode(secretKey);
        }
    }

    private Curve() {}

    /** True if the zmq4j-curve artifact is on the class path. */
    public static boolean isAvailable() {
        return Mechanisms.curveAvailable();
    }

    /** A new key pair (libzmq's zmq_curve_keypair). */
    public static KeyPair keyPair() {
        try {
            byte[][] kp = Mechanisms.curve().generateKeyPair();
            return new KeyPair(kp[0], kp[1]);
        } catch (ZmqError e) {
            throw Errors.map(e);
        }
    }

    /** The public key of a 32-byte secret key (libzmq's zmq_curve_public). */
    public static byte[] publicKey(byte[] secretKey) {
        if (secretKey == null || secretKey.length != 32) {
            throw new ZmqException(ZmqException.EINVAL, "a CURVE secret key is 32 bytes");
        }
        try {
            return Mechanisms.curve().publicKey(secretKey.clone());
        } catch (ZmqError e) {
            throw Errors.map(e);
        }
    }
}

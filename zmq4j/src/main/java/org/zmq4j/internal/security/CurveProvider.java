package org.zmq4j.internal.security;

/**
 * The seam for CURVE (25/ZMTP-CURVE, 26/CurveZMQ): implemented by the {@code zmq4j-curve} module and found with
 * {@link java.util.ServiceLoader}, so the core needs no cryptography library.
 */
public interface CurveProvider {
    /** A client or server mechanism, as {@code ctx.options().asServer} says. */
    Mechanism create(MechanismContext ctx);

    /** A new long-term key pair: {public key, secret key}, 32 bytes each. */
    byte[][] generateKeyPair();

    /** The public key belonging to a secret key. */
    byte[] publicKey(byte[] secretKey);
}

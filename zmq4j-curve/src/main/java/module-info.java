/**
 * CURVE for zmq4j (25/ZMTP-CURVE, 26/CurveZMQ): the client and server mechanisms and the NaCl box they use, built
 * on Bouncy Castle's X25519, XSalsa20 and Poly1305. The core finds it through {@link java.util.ServiceLoader}; no
 * package is exported.
 */
module org.zmq4j.curve {
    requires org.zmq4j;
    requires org.bouncycastle.provider;

    provides org.zmq4j.internal.security.CurveProvider with org.zmq4j.curve.CurveZmqProvider;
}

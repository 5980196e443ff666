/**
 * CURVE (25/ZMTP-CURVE, 26/CurveZMQ) for zmq4j, wire-compatible with libzmq 4.3.
 *
 * <p>Cryptography is NaCl's {@code crypto_box} composed from Bouncy Castle parts, nothing hand-written: X25519
 * gives the shared secret, HSalsa20 (Bouncy Castle's Salsa20 core, as its XSalsa20 engine uses it) turns it into
 * the precomputed key ({@link org.zmq4j.curve.Box#beforenm}), and {@link org.zmq4j.curve.SecretBox} is
 * XSalsa20-Poly1305 with the tag in front. Each connection computes its key once, at WELCOME (client) or INITIATE
 * (server); a MESSAGE then costs one XSalsa20 and one Poly1305 pass and one copy of the frame.
 *
 * <p>{@link org.zmq4j.curve.CurveClient} and {@link org.zmq4j.curve.CurveServer} are the handshake state machines
 * behind the core's {@code Mechanism} SPI; {@link org.zmq4j.curve.MessageCodec} is shared by both once READY.
 * Nonce counters start at 1 on each side and count every command the side sends: HELLO 1, INITIATE 2, MESSAGEs
 * from 3 for the client; READY 1, MESSAGEs from 2 for the server. A received MESSAGE must carry a nonce above the
 * peer's last one (libzmq's rule), and any failure ends the connection with libzmq's ZMQ_PROTOCOL_ERROR_* code.
 */
package org.zmq4j.curve;

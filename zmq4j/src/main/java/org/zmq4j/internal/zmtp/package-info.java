/**
 * The ZMTP 3.x wire codec (37/ZMTP 3.1): greeting, frame encoder and incremental decoder, command bodies and
 * metadata. It knows bytes only; the engine drives the handshake and owns sockets, timers and events.
 *
 * <p>Design note: the decoder keeps no input buffer of its own, only the frame being parsed. Back-pressure from
 * the session is a {@code false} returned by {@link org.zmq4j.internal.zmtp.FrameDecoder.Sink}: the frame stays
 * pending and the unread input stays in the caller's buffer. Large bodies can be read from the channel straight
 * into the frame's array through {@link org.zmq4j.internal.zmtp.FrameDecoder#bodyReadTarget}. Bad input is a
 * {@link org.zmq4j.internal.zmtp.ZmtpException} carrying libzmq's protocol error code; misuse by our own code (a
 * bad mechanism name, a PING context over 16 octets) is an {@link IllegalArgumentException}.
 */
package org.zmq4j.internal.zmtp;

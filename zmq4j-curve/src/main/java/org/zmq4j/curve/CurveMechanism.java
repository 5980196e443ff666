package org.zmq4j.curve;

import org.zmq4j.internal.security.Mechanism;
import org.zmq4j.internal.zmtp.ProtocolErrors;
import org.zmq4j.internal.zmtp.ZmtpException;

/**
 * What CURVE's client and server share once the handshake is done: every frame travels boxed in a MESSAGE, through
 * the {@link MessageCodec} the handshake set up. Runs on the connection's I/O thread.
 */
abstract class CurveMechanism implements Mechanism {
    /** Set when the handshake completes; null before. */
    protected MessageCodec codec;

    @Override
    public final String name() {
        return "CURVE";
    }

    @Override
    public final boolean encryptsMessages() {
        return true;
    }

    @Override
    public final byte[] encode(byte[] body, int flags) {
        if (codec == null) {
            throw new IllegalStateException("CURVE handshake is not complete");
        }
        return codec.encode(body, flags);
    }

    @Override
    public final byte[] decode(byte[] command) throws ZmtpException {
        if (codec == null) {
            throw new ZmtpException(ProtocolErrors.ZMTP_UNEXPECTED_COMMAND, "CURVE MESSAGE before READY");
        }
        return codec.decode(command);
    }

    @Override
    public final int decodedFlags() {
        return codec == null ? 0 : codec.decodedFlags();
    }
}

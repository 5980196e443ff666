package org.zmq4j.internal.zmtp;

/**
 * A failure to decode ZMTP input or to complete the handshake, carrying the libzmq protocol error code that the
 * engine reports in a {@code HANDSHAKE_FAILED_PROTOCOL} monitor event.
 */
public class ZmtpException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int protocolError;

    /** {@code protocolError} is one of {@link ProtocolErrors}. */
    public ZmtpException(int protocolError, String message) {
        super(message);
        this.protocolError = protocolError;
    }

    /** The libzmq {@code ZMQ_PROTOCOL_ERROR_*} value, see {@link ProtocolErrors}. */
    public int protocolError() {
        return protocolError;
    }
}

package org.zmq4j.internal.zmtp;

/**
 * Raised when a frame header announces a message larger than the receiver accepts ({@code ZMQ_MAXMSGSIZE} or what
 * a Java array can hold), before any memory is allocated for it.
 */
public final class TooLongMessageException extends ZmtpException {
    private static final long serialVersionUID = 1L;

    private final long size;
    private final long max;

    public TooLongMessageException(long size, long max) {
        super(ProtocolErrors.ZMTP_UNSPECIFIED, "message of " + size + " octets exceeds the limit of " + max);
        this.size = size;
        this.max = max;
    }

    /** The size that was announced: the frame size, or the message total so far including this frame. */
    public long size() {
        return size;
    }

    public long max() {
        return max;
    }
}

package org.zmq4j;

/**
 * A failed ZeroMQ call. {@link #errorCode()} is libzmq's errno value for the same failure (EINVAL, EADDRINUSE,
 * EFSM, ETERM, …), so code ported from libzmq can compare it. Would-block (EAGAIN) is never an exception: it is a
 * {@code false} or {@code null} result.
 */
public class ZmqException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public static final int EINVAL = 22;
    public static final int ENOTSUP = 95;
    public static final int EPROTONOSUPPORT = 93;
    public static final int EADDRINUSE = 98;
    public static final int EADDRNOTAVAIL = 99;
    public static final int ENOENT = 2;
    public static final int ENOTSOCK = 88;
    public static final int EHOSTUNREACH = 113;
    public static final int EINTR = 4;
    public static final int EFSM = 156384763;
    public static final int ENOCOMPATPROTO = 156384764;
    public static final int ETERM = 156384765;

    private final int errorCode;

    public ZmqException(int errorCode, String message) {
        super(message);
        this.errorCode = errorCode;
    }

    public ZmqException(int errorCode, String message, Throwable cause) {
        super(message, cause);
        this.errorCode = errorCode;
    }

    /** libzmq's errno for this failure. */
    public int errorCode() {
        return errorCode;
    }
}

package org.zmq4j;

import org.zmq4j.internal.util.ZmqError;

/**
 * A failed ZeroMQ call. {@link #errorCode()} is libzmq's errno value for the same failure (EINVAL, EADDRINUSE,
 * EFSM, ETERM, …), so code ported from libzmq can compare it. Would-block (EAGAIN) is never an exception: it is a
 * {@code false} or {@code null} result.
 */
public class ZmqException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public static final int EINVAL = ZmqError.EINVAL;
    public static final int ENOTSUP = ZmqError.ENOTSUP;
    public static final int EPROTONOSUPPORT = ZmqError.EPROTONOSUPPORT;
    public static final int EADDRINUSE = ZmqError.EADDRINUSE;
    public static final int EADDRNOTAVAIL = ZmqError.EADDRNOTAVAIL;
    public static final int ENOENT = ZmqError.ENOENT;
    public static final int ENOTSOCK = ZmqError.ENOTSOCK;
    public static final int EHOSTUNREACH = ZmqError.EHOSTUNREACH;
    public static final int EINTR = ZmqError.EINTR;
    public static final int EFSM = ZmqError.EFSM;
    public static final int ENOCOMPATPROTO = ZmqError.ENOCOMPATPROTO;
    public static final int ETERM = ZmqError.ETERM;

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

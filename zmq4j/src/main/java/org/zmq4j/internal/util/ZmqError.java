package org.zmq4j.internal.util;

/**
 * An error raised by the internal layers with a libzmq-style code; the public API turns it into its own
 * exception types, so internal code never depends on the public package.
 */
public final class ZmqError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public static final int EINVAL = 22;
    public static final int ENOTSUP = 95;
    public static final int EPROTONOSUPPORT = 93;
    public static final int EADDRINUSE = 98;
    public static final int EADDRNOTAVAIL = 99;
    public static final int ECONNREFUSED = 111;
    public static final int EHOSTUNREACH = 113;
    public static final int ENOENT = 2;
    public static final int EINTR = 4;
    public static final int EMTHREAD = 156384766;
    public static final int EFSM = 156384763;
    public static final int ENOCOMPATPROTO = 156384764;
    public static final int ETERM = 156384765;
    public static final int ENOTSOCK = 88;

    private final int code;

    public ZmqError(int code, String message) {
        super(message);
        this.code = code;
    }

    public ZmqError(int code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public int code() {
        return code;
    }
}

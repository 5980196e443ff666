package org.zmq4j.tools.perf;

/** A perf tool received a message whose size is not the one it was told to expect. */
final class WrongSizeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    WrongSizeException(int expected, int actual) {
        super("message of incorrect size received: " + actual + " [B], expected " + expected + " [B]");
    }
}

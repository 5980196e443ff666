package org.zmq4j.tools.common;

/** Bad command-line arguments: reported as one line on stderr with exit code 2. */
public final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}

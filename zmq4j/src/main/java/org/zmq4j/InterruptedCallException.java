package org.zmq4j;

/**
 * A blocking call ended because its thread was interrupted (EINTR). The thread's interrupt status stays set, as
 * Java's convention asks; the socket and its context remain usable once it is cleared.
 */
public final class InterruptedCallException extends ZmqException {
    private static final long serialVersionUID = 1L;

    public InterruptedCallException(String message) {
        super(EINTR, message);
    }
}

package org.zmq4j;

/** The socket's context was terminated (ETERM): blocked and later calls end with this; close the socket. */
public final class ContextTerminatedException extends ZmqException {
    private static final long serialVersionUID = 1L;

    public ContextTerminatedException(String message) {
        super(ETERM, message);
    }
}

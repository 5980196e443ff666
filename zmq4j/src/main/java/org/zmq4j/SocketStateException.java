package org.zmq4j;

/** The call is not allowed in the socket's current state (EFSM): a REQ sending twice, a REP receiving twice. */
public final class SocketStateException extends ZmqException {
    private static final long serialVersionUID = 1L;

    public SocketStateException(String message) {
        super(EFSM, message);
    }
}

package org.zmq4j;

/** ROUTER_MANDATORY: the message names a routing id no connected peer has (EHOSTUNREACH). */
public final class HostUnreachableException extends ZmqException {
    private static final long serialVersionUID = 1L;

    public HostUnreachableException(String message) {
        super(EHOSTUNREACH, message);
    }
}

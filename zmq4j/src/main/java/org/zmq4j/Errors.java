package org.zmq4j;

import org.zmq4j.internal.util.ZmqError;

/** Turns the internal layers' coded errors into the public exception types. */
final class Errors {
    private Errors() {}

    static ZmqException map(ZmqError e) {
        switch (e.code()) {
            case ZmqError.ETERM: return new ContextTerminatedException(e.getMessage());
            case ZmqError.EFSM: return new SocketStateException(e.getMessage());
            case ZmqError.EHOSTUNREACH: return new HostUnreachableException(e.getMessage());
            case ZmqError.EINTR: return new InterruptedCallException(e.getMessage());
            default: return new ZmqException(e.code(), e.getMessage(), e.getCause());
        }
    }
}

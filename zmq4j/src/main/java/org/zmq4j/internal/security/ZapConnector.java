package org.zmq4j.internal.security;

import org.zmq4j.internal.pipe.Pipe;

/** Connects a pipe to the ZAP handler bound at {@code inproc://zeromq.zap.01} in the same context. */
@FunctionalInterface
public interface ZapConnector {
    ZapConnector NONE = listener -> null;

    /** Returns this side's end of a new pipe to the handler, or null if no handler is bound. */
    Pipe connect(Pipe.Listener listener);
}

package org.zmq4j.internal.engine;

import org.zmq4j.internal.pipe.Pipe;
import org.zmq4j.internal.util.EventSink;

/** What sessions and transports may ask of the socket they serve; every method is callable from any thread. */
public interface SocketPort {
    /** The listener for pipe ends the socket owns. */
    Pipe.Listener pipeListener();

    /** Hands a new pipe end to the socket (runs on the socket's thread later). */
    void attachPipe(Pipe pipe);

    /**
     * Tells the socket that a handshake completed on a connection behind an existing pipe, with the peer's
     * properties; {@code reconnected} is true after the first time (SUB re-sends its subscriptions).
     */
    void hiccup(Pipe pipe, java.util.Map<String, byte[]> peerProperties, boolean reconnected);

    EventSink events();

    /** How this socket's connections reach the context's ZAP handler. */
    org.zmq4j.internal.security.ZapConnector zapConnector();
}

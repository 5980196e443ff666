package org.zmq4j.internal.util;

/**
 * Receives a socket's monitor events from any thread; implementations must not throw and must not block.
 *
 * <p>Event numbers and values are libzmq's {@code ZMQ_EVENT_*} (see {@link MonitorEvents}).
 */
@FunctionalInterface
public interface EventSink {
    EventSink NONE = (event, value, local, remote) -> { };

    void event(int event, long value, String localEndpoint, String remoteEndpoint);
}

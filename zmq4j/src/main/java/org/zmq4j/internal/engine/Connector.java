package org.zmq4j.internal.engine;

/**
 * Makes outgoing connections for a connect-side {@link Session}: the transport implements it and reports back
 * through {@link Session#connected} or {@link Session#connectFailed}. Called on the session's I/O thread only.
 */
public interface Connector {
    /** Starts a connection attempt after {@code delayMillis}. */
    void start(long delayMillis);

    /** Abandons any attempt in progress. */
    void close();
}

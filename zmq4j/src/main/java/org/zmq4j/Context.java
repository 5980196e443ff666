package org.zmq4j;

import java.util.function.Consumer;
import org.zmq4j.internal.socket.ContextCore;
import org.zmq4j.internal.util.ZmqError;

/**
 * A ZeroMQ context: the I/O threads that move messages, and the sockets made from it. Thread-safe.
 *
 * <p>{@link #close()} terminates it: calls blocked in any of its sockets end with
 * {@link ContextTerminatedException}, sockets still open are closed, and close returns once every message that
 * LINGER allows has been delivered (with the default LINGER of -1, all of them), then stops the I/O threads.
 * {@link #shutdown()} only does the first part, as libzmq's zmq_ctx_shutdown.
 */
public final class Context implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger("org.zmq4j");

    private final ContextCore core;

    /** A context with one I/O thread, as libzmq's default. */
    public Context() {
        this(1);
    }

    public Context(int ioThreads) {
        this(ioThreads, e -> LOG.log(System.Logger.Level.WARNING, "zmq4j I/O thread error", e));
    }

    /** {@code errorHandler} receives failures on I/O threads; it must not throw. */
    public Context(int ioThreads, Consumer<Throwable> errorHandler) {
        try {
            this.core = new ContextCore(ioThreads, errorHandler);
        } catch (ZmqError e) {
            throw Errors.map(e);
        }
    }

    public Socket socket(SocketType type) {
        try {
            return new Socket(core.createSocket(type.id()), type);
        } catch (ZmqError e) {
            throw Errors.map(e);
        }
    }

    /** Ends blocked and later calls on this context's sockets with {@link ContextTerminatedException}. */
    public void shutdown() {
        core.terminate();
    }

    /** Terminates the context; see the class comment. Idempotent. */
    @Override
    public void close() {
        core.close();
    }

    public boolean isTerminated() {
        return core.isTerminated();
    }

    @Override
    public String toString() {
        return "Context[" + (isTerminated() ? "terminated" : "active") + "]";
    }
}

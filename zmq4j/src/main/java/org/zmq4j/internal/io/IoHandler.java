package org.zmq4j.internal.io;

/** Something registered with an {@link IoThread}'s selector; called on that thread only. */
public interface IoHandler {
    /** The channel is ready for the operations in {@code readyOps} ({@link java.nio.channels.SelectionKey} bits). */
    void ioReady(int readyOps);
}

package org.zmq4j;

import java.util.Objects;

/**
 * One frame whose array passes between the application and a socket without being copied, as libzmq's
 * {@code zmq_msg_t} with {@code zmq_msg_send} and {@code zmq_msg_recv}. A frame object is meant to be reused for
 * every message, and then nothing is allocated per message:
 *
 * <pre>{@code
 * Frame frame = new Frame();
 * push.allocate(frame, 1024);             // an array of 1024 octets, perhaps reused: fill all of it
 * fill(frame.data());
 * push.send(frame, 0);                    // the array goes with the message; the frame is empty again
 *
 * while (pull.recv(frame, 0)) {           // the frame holds the received array...
 *     use(frame.data(), frame.size());    // ...until the next recv into it, or release()
 * }
 * pull.release(frame);
 * }</pre>
 *
 * <p>Ownership moves with the array. {@link Socket#send(Frame, int)} takes it (the application must not touch the
 * array afterwards); {@link Socket#recv(Frame, int)} hands it over until the frame is received into again or
 * {@linkplain Socket#release released}, when an array that came over a connection goes back for reuse. An array the
 * application wants to keep must be copied out of the frame first. Arrays from {@link Socket#allocate} hold the bytes
 * of earlier messages (as {@code zmq_msg_init_size} gives uninitialised memory): fill every octet.
 *
 * <p>A frame belongs to the thread that uses its socket; frames are not thread-safe.
 */
public final class Frame {
    private static final byte[] EMPTY = new byte[0];

    byte[] data = EMPTY;
    /** Nobody but this frame refers to {@link #data}: it may be reused once released. */
    boolean recyclable;
    /** Where a received array came from, for giving it back (the socket's business). */
    Object origin;
    boolean more;

    /** An empty frame (zero octets). */
    public Frame() {}

    /**
     * A frame holding the application's own array; sending the frame gives the array up for good (no copy is made).
     */
    public Frame(byte[] data) {
        this.data = Objects.requireNonNull(data, "data");
    }

    /** The frame's array: its whole length is the frame's content. Never null; empty when the frame is. */
    public byte[] data() {
        return data;
    }

    public int size() {
        return data.length;
    }

    /** After a receive: more frames of the same message follow. */
    public boolean hasMore() {
        return more;
    }

    /** Drops the array without giving it back (the socket does that part). */
    void clear() {
        data = EMPTY;
        recyclable = false;
        origin = null;
        more = false;
    }

    @Override
    public String toString() {
        return "Frame[" + data.length + (more ? ", more" : "") + "]";
    }
}

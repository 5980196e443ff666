package org.zmq4j.internal.pipe;

import java.nio.ByteBuffer;
import org.zmq4j.internal.concurrent.ArrayPool;

/**
 * Where one owner of pipe ends (a socket, or an engine) gets the arrays of the frames it creates, and where it sends
 * the arrays of {@link Pipe#RECYCLABLE} frames it has finished reading, so that a steady stream of messages sent
 * from and received into reused buffers allocates nothing.
 *
 * <p>Two routes, by length:
 * <ul>
 *   <li>Up to {@value #SMALL_LENGTH} octets, an array stays in the finishing owner's own cache of {@value #CACHE}
 *       while it has room; after that it goes back through the pipe it came from: it stays in the slot it was read
 *       from ({@link org.zmq4j.internal.concurrent.FrameQueue#giveBack}), comes out again when the writer next fills
 *       that slot, and goes into the writer's own {@code FrameArrays}. Nothing is shared between threads but the pipe's
 *       chunk hand-over, so this costs a few plain stores per frame; a shared pool would cost atomic operations,
 *       dearer than allocating a small array. Given-back arrays wait in slots that were read and not yet written
 *       again, in the chunks of 256 slots a pipe direction keeps for reuse: those a stream kept busy at the same
 *       time, at most 16 (4,096 slots, up to 4 MiB at this route's longest), and the writer's cache keeps
 *       {@value #CACHE} more, replacing one in turn when full.</li>
 *   <li>Longer arrays go to the context's {@link ArrayPool}, which keeps {@value ArrayPool#MIN_LENGTH} to
 *       {@value ArrayPool#MAX_LENGTH} octets within a budget; others are left to the garbage collector.</li>
 * </ul>
 *
 * <p>The small-array cache is the owner's alone: {@link #allocate}, {@link #takeBack} and {@link #recycle} run on the
 * owner's thread (an engine's also on a socket thread that writes for it, under the engine's lock).
 */
public final class FrameArrays {
    /** Longest array given back through its pipe. */
    public static final int SMALL_LENGTH = 1024;
    private static final int CACHE = 16;

    private final ArrayPool pool;
    private final byte[][] cached = new byte[CACHE][];
    private int count;
    private int replace;

    public FrameArrays(ArrayPool pool) {
        this.pool = pool;
    }

    /** An array of exactly {@code length} octets, perhaps reused (old contents): the caller overwrites all of it. */
    public byte[] allocate(int length) {
        if (length > SMALL_LENGTH) {
            return pool.allocate(length);
        }
        for (int i = count - 1; i >= 0; i--) {
            byte[] a = cached[i];
            if (a.length == length) {
                int last = --count;
                cached[i] = cached[last];
                cached[last] = null;
                return a;
            }
        }
        return new byte[length];
    }

    /**
     * The reader is done with {@code frame}, a {@link Pipe#RECYCLABLE} frame that {@code from.read()} returned last
     * (nothing has been read from {@code from} since), and nothing refers to it any more. A small one stays in this
     * owner's cache while it has room, else goes back through {@code from} (if not null) to that pipe's writer.
     *
     * <p>Own cache first, because an owner that relays what it reads allocates what it reads with, and would
     * otherwise never see those arrays again: a REP socket that echoes a request's frame hands its engine's decoder
     * array to its socket, the engine then receives every request in a new array, and the requester (over inproc)
     * allocates every request while its replies' arrays pile up on the other side. An owner that only reads fills its
     * cache once and from then on gives everything back, as before.
     */
    public void recycle(byte[] frame, Pipe from) {
        if (frame.length > SMALL_LENGTH) {
            pool.recycle(frame);
        } else if (count < CACHE) {
            cached[count++] = frame;
        } else if (from != null) {
            from.giveBack(frame);
        }
    }

    /** A direct buffer for a body of {@code length} octets, or null for an array ({@link ArrayPool#allocateDirect}). */
    public ByteBuffer allocateDirect(int length) {
        return pool.allocateDirect(length);
    }

    /** A direct buffer from {@link #allocateDirect} that nothing refers to any more. */
    public void recycle(ByteBuffer buffer) {
        pool.recycle(buffer);
    }

    /** An array this owner created and did not send after all. */
    public void discard(byte[] frame) {
        if (frame.length > SMALL_LENGTH) {
            pool.recycle(frame);
        } else {
            takeBack(frame);
        }
    }

    /** A small array a reader gave back to a pipe this owner writes. */
    void takeBack(byte[] array) {
        if (count < CACHE) {
            cached[count++] = array;
        } else {
            cached[replace] = array;
            replace = (replace + 1) & (CACHE - 1);
        }
    }
}

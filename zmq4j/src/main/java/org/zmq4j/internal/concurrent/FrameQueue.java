package org.zmq4j.internal.concurrent;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Unbounded single-producer single-consumer queue of frames (payload plus flag bits), published a whole message
 * at a time, with a "reader is asleep" handshake so the writer signals the reader only when it sleeps.
 *
 * <p>One thread writes ({@link #write}, {@link #flush}, {@link #rollback}); one thread reads ({@link #read},
 * {@link #checkReadOrSleep}). Frames are stored in linked chunks of {@value #CHUNK}; a chunk the reader has
 * finished is handed back to the writer for reuse, so a steady stream allocates no queue memory.
 *
 * <p>{@link #flush()} publishes frames up to the end of the last complete message, like libzmq's {@code ypipe_t}:
 * a reader never sees part of a multipart message, and {@link #rollback()} drops an unfinished one. When the reader
 * found the queue empty it marks itself asleep ({@link #checkReadOrSleep()}); the flush that sees the mark clears it
 * and returns false, telling the writer to wake the reader. Both sides use volatile accesses (sequentially
 * consistent) for the published count and the mark, so one of them always sees the other.
 */
public final class FrameQueue {
    static final int CHUNK = 256;

    private static final VarHandle SLEEPING;

    static {
        try {
            SLEEPING = MethodHandles.lookup().findVarHandle(FrameQueue.class, "readerSleeping", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static final class Chunk {
        final Object[] data = new Object[CHUNK];
        final int[] flags = new int[CHUNK];
        Chunk next;
    }

    private final AtomicReference<Chunk> spare = new AtomicReference<>();

    // writer side
    private Chunk writeChunk;
    private int writePos;
    private long written;
    private long completeCount;
    private Chunk completeChunk;
    private int completePos;
    private long lastFlushed;

    // shared
    private volatile long published;
    @SuppressWarnings("unused") // accessed through SLEEPING
    private volatile int readerSleeping;

    // reader side
    private Chunk readChunk;
    private int readPos;
    private long consumed;
    private long visible;
    private int lastFlags;

    public FrameQueue() {
        Chunk first = new Chunk();
        writeChunk = first;
        completeChunk = first;
        readChunk = first;
    }

    /** Appends a frame; it stays invisible to the reader until the message it completes is flushed. */
    public void write(Object payload, int flags, boolean completesMessage) {
        writeChunk.data[writePos] = payload;
        writeChunk.flags[writePos] = flags;
        written++;
        if (++writePos == CHUNK) {
            Chunk next = spare.getAndSet(null);
            if (next == null) {
                next = new Chunk();
            }
            next.next = null;
            writeChunk.next = next;
            writeChunk = next;
            writePos = 0;
        }
        if (completesMessage) {
            completeCount = written;
            completeChunk = writeChunk;
            completePos = writePos;
        }
    }

    /** Drops the frames of an unfinished message. */
    public void rollback() {
        Chunk c = completeChunk;
        int p = completePos;
        for (long n = completeCount; n < written; n++) {
            c.data[p] = null;
            if (++p == CHUNK) {
                c = c.next;
                p = 0;
            }
        }
        writeChunk = completeChunk;
        writePos = completePos;
        written = completeCount;
    }

    /**
     * Publishes every complete message written so far.
     *
     * @return false if the reader was asleep and must now be woken by the caller
     */
    public boolean flush() {
        if (completeCount == lastFlushed) {
            return true;
        }
        lastFlushed = completeCount;
        published = completeCount;
        if ((int) SLEEPING.getVolatile(this) != 0) {
            return !SLEEPING.compareAndSet(this, 1, 0);
        }
        return true;
    }

    /** Reader: true if a frame is available; false after marking the reader asleep (a later flush wakes it). */
    public boolean checkReadOrSleep() {
        if (consumed != visible || consumed != (visible = published)) {
            return true;
        }
        SLEEPING.setVolatile(this, 1);
        if (consumed != (visible = published)) {
            // Data raced in. If the writer already cleared the mark it will also signal: a spurious wake-up.
            SLEEPING.compareAndSet(this, 1, 0);
            return true;
        }
        return false;
    }

    /** Reader: true if a frame is available, without changing the sleep mark. */
    public boolean hasData() {
        return consumed != visible || consumed != (visible = published);
    }

    /** Reader: flags of the next frame; only valid when {@link #hasData()} is true. */
    public int peekFlags() {
        return readChunk.flags[readPos];
    }

    /** Reader: the next frame's payload or null if none is published; its flags are then {@link #lastFlags()}. */
    public Object read() {
        if (consumed == visible && consumed == (visible = published)) {
            return null;
        }
        Chunk c = readChunk;
        int p = readPos;
        Object v = c.data[p];
        lastFlags = c.flags[p];
        c.data[p] = null;
        consumed++;
        if (++p == CHUNK) {
            readChunk = c.next;
            c.next = null;
            spare.lazySet(c);
            p = 0;
        }
        readPos = p;
        return v;
    }

    public int lastFlags() {
        return lastFlags;
    }
}

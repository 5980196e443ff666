package org.zmq4j.internal.concurrent;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Unbounded single-producer single-consumer queue of frames (payload plus flag bits), published a whole message
 * at a time, with a "reader is asleep" handshake so the writer signals the reader only when it sleeps.
 *
 * <p>One thread writes ({@link #write}, {@link #flush}, {@link #rollback}); one thread reads ({@link #read},
 * {@link #checkReadOrSleep}). Frames are stored in linked chunks of {@value #CHUNK}; chunks the reader has
 * finished go back to the writer for reuse, so a steady stream allocates no queue memory.
 *
 * <p>{@link #flush()} publishes frames up to the end of the last complete message, like libzmq's {@code ypipe_t}:
 * a reader never sees part of a multipart message, and {@link #rollback()} drops an unfinished one. When the reader
 * found the queue empty it marks itself asleep ({@link #checkReadOrSleep()}); the flush that sees the mark clears it
 * and returns false, telling the writer to wake the reader. Both sides use volatile accesses (sequentially
 * consistent) for the published count and the mark, so one of them always sees the other.
 *
 * <p>A reader done with a payload may {@linkplain #giveBack give it back}: it stays in the slot it was read from,
 * and the writer gets it from {@link #write} when it next fills that slot, after the chunk has gone round. A payload
 * not given back is cleared from its slot at the next read. A chunk is handed back to the writer only at the read
 * after its last slot's, so its slots are settled before the writer can see the chunk again. This lets frame arrays
 * circulate between a pipe's two threads with no allocation and no synchronisation beyond the chunk's own
 * hand-over, and a reader that gives back every payload never writes to the chunk the writer is filling: on the
 * cache line next to the one the writer fills, such writes cost a transfer of that line per message.
 *
 * <p>Chunks go back as libzmq's {@code yqueue_t} hands back its spare: the reader puts each chunk it finishes in one
 * slot ({@code spare}), overwriting one the writer has not taken yet, with a release store and nothing more. Unlike
 * libzmq, that chunk only tells the writer how far the reader got: the writer numbers its chunks and keeps the
 * newest {@value #RECENT}, and reuses every one up to the reader's, oldest first (or, with the reader further behind
 * than that, the one it handed back, as libzmq does). A writer that ran several chunks ahead (a pipe filled to its
 * high-water mark, the normal state of a stream) finds several finished at once; keeping only the one handed back,
 * it allocated the others anew, and the arrays given back to their slots went to the collector with them: about one
 * array per message. The reader's side is as cheap as before: a list of chunks the reader pushed and the writer took
 * whole did the same with an atomic update per chunk on the reader's side, and cost inproc streams 15-35 % of their
 * rate by a mechanism not found (BENCHMARKS.md).
 *
 * <p>The writer's fields, the shared ones and the reader's each sit on cache lines of their own (padding through
 * the superclasses, whose fields the JVM lays out first): without it, every message's plain stores by one thread
 * invalidated the line the other thread was reading (false sharing).
 */
public final class FrameQueue extends FrameQueueReaderSide {
    static final int CHUNK = 256;
    /**
     * How many of the newest chunks the writer can reuse once the reader has finished them: more than a pipe at
     * libzmq's default HWMs holds (2,000 messages over inproc, SNDHWM plus RCVHWM).
     */
    static final int RECENT = 16;

    private static final VarHandle SLEEPING;

    static {
        try {
            SLEEPING = MethodHandles.lookup().findVarHandle(FrameQueueSharedFields.class, "readerSleeping", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }


    private final AtomicReference<Chunk> spare = new AtomicReference<>();
    /**
     * Writer: the newest {@value #RECENT} chunks, each at its {@link Chunk#seq} modulo {@value #RECENT}; made when the
     * writer first needs a second chunk, so a pipe that never holds more than one (an idle connection's) has none.
     */
    private Chunk[] recent;

    public FrameQueue() {
        Chunk first = new Chunk();
        first.seq = 1;
        writeChunk = first;
        completeChunk = first;
        readChunk = first;
    }

    /**
     * Appends a frame; it stays invisible to the reader until the message it completes is flushed.
     *
     * @return what a reader gave back to the slot this frame now fills, or null
     */
    public Object write(Object payload, int flags, boolean completesMessage) {
        Object back = writeChunk.data[writePos];
        writeChunk.data[writePos] = payload;
        writeChunk.flags[writePos] = flags;
        written++;
        if (++writePos == CHUNK) {
            nextChunk();
        }
        if (completesMessage) {
            completeCount = written;
            completeChunk = writeChunk;
            completePos = writePos;
        }
        return back;
    }

    /**
     * Writer: moves on to a new chunk, reusing the oldest one the reader has finished if the writer still knows it.
     * The reader's hand-backs only say how far it got ({@link #spare} overwrites an earlier one the writer has not
     * taken yet); the writer finds every chunk up to there in {@link #recent}. A hand-back is never older than what
     * the writer learnt before (the reader hands chunks back in order, and the writer empties the slot), so the
     * chunk taken from it has not been reused yet: the ring finds it by its number, or no longer holds it.
     */
    private void nextChunk() {
        Chunk[] ring = recent;
        if (ring == null) {
            ring = recent = new Chunk[RECENT];
            ring[1] = writeChunk; // the first chunk: until now, the only one
        }
        Chunk done = spare.getAndSet(null);
        if (done != null) {
            finishedSeq = done.seq;
            if (finishedSeq - reclaimedSeq > RECENT) {
                reclaimedSeq = finishedSeq - RECENT; // fell out of recent: let the collector have them
            }
        }
        Chunk next = null;
        while (next == null && reclaimedSeq < finishedSeq) {
            Chunk c = ring[(int) ++reclaimedSeq & (RECENT - 1)];
            if (c.seq == reclaimedSeq) { // not replaced in recent by a newer chunk
                next = c;
            }
        }
        if (next == null) {
            // None of the finished chunks is in the ring any more: the reader is more than the ring behind (a pipe
            // with a large HWM, full). The one it just handed back is free all the same, as libzmq's spare is.
            next = done != null ? done : new Chunk();
        }
        next.next = null;
        long seq = writeChunk.seq + 1; // after a rollback to an earlier chunk, the number of the one dropped
        next.seq = seq;
        ring[(int) seq & (RECENT - 1)] = next;
        writeChunk.next = next;
        writeChunk = next;
        writePos = 0;
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

    /** Reader: the next frame's payload, left in the queue; only valid when {@link #hasData()} is true. */
    public Object peek() {
        return readChunk.data[readPos];
    }

    /** Reader: the next frame's payload or null if none is published; its flags are then {@link #lastFlags()}. */
    public Object read() {
        if (consumed == visible && consumed == (visible = published)) {
            return null;
        }
        if (lastRead != null) {
            // Not given back: the slot must not keep it (it would reach the writer as reusable, and be retained).
            lastReadChunk.data[lastReadPos] = null;
            lastRead = null;
        }
        Chunk done = finishedChunk;
        if (done != null) {
            finishedChunk = null;
            spare.lazySet(done);
        }
        Chunk c = readChunk;
        int p = readPos;
        Object v = c.data[p];
        lastFlags = c.flags[p];
        if (v != null) {
            lastRead = v;
            lastReadChunk = c;
            lastReadPos = p;
        }
        consumed++;
        if (++p == CHUNK) {
            readChunk = c.next;
            c.next = null;
            finishedChunk = c; // handed back at the next read, after a give-back of this payload
            p = 0;
        }
        readPos = p;
        return v;
    }

    /**
     * Reader: leaves the payload {@link #read} last returned in its slot, for the writer to reuse. Call it only once
     * nothing refers to the payload any more, and before the next read; anything else is ignored.
     */
    public void giveBack(Object payload) {
        if (payload == null || payload != lastRead) {
            return;
        }
        lastRead = null; // it stays in its slot: the reader writes nothing to the chunk, which the writer is filling
        lastReadChunk = null;
    }

    public int lastFlags() {
        return lastFlags;
    }
}

/** A chunk of {@value FrameQueue#CHUNK} frames; chunks form a singly linked list from the reader to the writer. */
final class Chunk {
    final Object[] data = new Object[FrameQueue.CHUNK];
    final int[] flags = new int[FrameQueue.CHUNK];
    Chunk next;
    /** Its place in the queue, counted by the writer: 1 for the first chunk, 2 for the next, and so on. */
    long seq;
}

/** 128 octets ahead of the writer's fields: two cache lines, as adjacent-line prefetch pulls lines in pairs. */
abstract class FrameQueuePad0 {
    long p00, p01, p02, p03, p04, p05, p06, p07, p08, p09, p0a, p0b, p0c, p0d, p0e, p0f;
}

abstract class FrameQueueWriterFields extends FrameQueuePad0 {
    Chunk writeChunk;
    int writePos;
    /** Every chunk up to this {@link Chunk#seq} is finished: the last the reader handed back. */
    long finishedSeq;
    /** Chunks up to this {@link Chunk#seq} have been reused, or left to the collector. */
    long reclaimedSeq;
    long written;
    long completeCount;
    Chunk completeChunk;
    int completePos;
    long lastFlushed;
}

abstract class FrameQueuePad1 extends FrameQueueWriterFields {
    long p10, p11, p12, p13, p14, p15, p16, p17, p18, p19, p1a, p1b, p1c, p1d, p1e, p1f;
}

abstract class FrameQueueSharedFields extends FrameQueuePad1 {
    volatile long published;
    volatile int readerSleeping;
}

abstract class FrameQueuePad2 extends FrameQueueSharedFields {
    long p20, p21, p22, p23, p24, p25, p26, p27, p28, p29, p2a, p2b, p2c, p2d, p2e, p2f;
}

abstract class FrameQueueReaderFields extends FrameQueuePad2 {
    Chunk readChunk;
    int readPos;
    long consumed;
    long visible;
    int lastFlags;
    /**
     * The payload read last, until it is given back: what {@link FrameQueue#giveBack} may leave in its slot (the next
     * read clears the slot if it was not given back).
     */
    Object lastRead;
    Chunk lastReadChunk;
    int lastReadPos;
    /** A chunk whose slots are all read, kept until the next read so its last payload can still be given back. */
    Chunk finishedChunk;
}

/** 128 octets after the reader's fields, so whatever the JVM places next does not share their lines. */
abstract class FrameQueueReaderSide extends FrameQueueReaderFields {
    long p30, p31, p32, p33, p34, p35, p36, p37, p38, p39, p3a, p3b, p3c, p3d, p3e, p3f;
}

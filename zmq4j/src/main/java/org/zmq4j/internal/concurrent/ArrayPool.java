package org.zmq4j.internal.concurrent;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Large frame bodies handed back for reuse, shared by one context's sockets and I/O threads.
 *
 * <p>Why: a stream of 64 KiB messages allocates 64 KiB per message on each side. The JVM's young generation then
 * grows into memory it has never touched, and the page faults of that fresh memory cost more than the data's
 * copies (BENCHMARKS.md). Arrays of {@value #MIN_LENGTH} to {@value #MAX_LENGTH} octets that are done with (written
 * to the wire, or copied into the application's buffer) come back here and are handed out again for a body of the
 * same length. Smaller bodies take a cheaper route, through their pipes; larger ones are rare.
 *
 * <p>Arrays are kept in {@value #STRIPES} lock-free rings chosen by length, so that a few message sizes in use at
 * once each find their own; an array whose length does not match the request is dropped. At most
 * {@link #budget()} octets are kept. A handed-out array holds old contents: the caller overwrites all of it.
 * Any thread may call any method.
 */
public final class ArrayPool {
    /** Smallest length kept: shorter arrays go back through the pipes they crossed (FrameArrays). */
    public static final int MIN_LENGTH = 1025;
    /** Largest length kept. */
    public static final int MAX_LENGTH = 1024 * 1024;
    private static final int STRIPES = 8;
    private static final int STRIPE_SHIFT = 32 - Integer.numberOfTrailingZeros(STRIPES);
    private static final int RING_SIZE = 1024;

    private final Ring[] rings = new Ring[STRIPES];
    private final AtomicLong kept = new AtomicLong();
    private final long budget;

    /** A pool that keeps at most {@code budget} octets. */
    public ArrayPool(long budget) {
        this.budget = budget;
        for (int i = 0; i < STRIPES; i++) {
            rings[i] = new Ring(RING_SIZE);
        }
    }

    /** The default: 64 MiB, or an eighth of the heap if that is less. */
    public static ArrayPool withDefaultBudget() {
        return new ArrayPool(Math.min(64L << 20, Runtime.getRuntime().maxMemory() / 8));
    }

    public long budget() {
        return budget;
    }

    /** Octets held now. */
    public long kept() {
        return kept.get();
    }

    /** True if an array of this length is worth handing back. */
    private static boolean poolable(int length) {
        return length >= MIN_LENGTH && length <= MAX_LENGTH;
    }

    /** An array of exactly {@code length} octets: a kept one (old contents) or a new one. */
    public byte[] allocate(int length) {
        if (!poolable(length)) {
            return new byte[length];
        }
        byte[] a = ring(length).poll();
        if (a == null) {
            return new byte[length];
        }
        kept.addAndGet(-a.length);
        return a.length == length ? a : new byte[length];
    }

    /**
     * Hands back an array nobody else refers to any more. It is kept if its length is poolable and the budget
     * allows; otherwise it is left to the garbage collector.
     */
    public void recycle(byte[] array) {
        int length = array.length;
        if (!poolable(length) || kept.get() + length > budget) {
            return;
        }
        if (ring(length).offer(array)) {
            kept.addAndGet(length);
        }
    }

    private Ring ring(int length) {
        return rings[(length * 0x9E3779B9) >>> STRIPE_SHIFT];
    }

    /** Bounded multi-producer multi-consumer ring (D. Vyukov's sequence-numbered cells). */
    private static final class Ring {
        private static final VarHandle SEQ = MethodHandles.arrayElementVarHandle(long[].class);

        private final long[] sequence;
        private final byte[][] cells;
        private final int mask;
        private final AtomicLong head = new AtomicLong();
        private final AtomicLong tail = new AtomicLong();

        Ring(int size) {
            sequence = new long[size];
            cells = new byte[size][];
            mask = size - 1;
            for (int i = 0; i < size; i++) {
                sequence[i] = i;
            }
        }

        boolean offer(byte[] array) {
            long pos = tail.get();
            while (true) {
                int i = (int) pos & mask;
                long lag = (long) SEQ.getAcquire(sequence, i) - pos;
                if (lag == 0) {
                    if (tail.compareAndSet(pos, pos + 1)) {
                        cells[i] = array;
                        SEQ.setRelease(sequence, i, pos + 1);
                        return true;
                    }
                    pos = tail.get();
                } else if (lag < 0) {
                    return false; // full
                } else {
                    pos = tail.get();
                }
            }
        }

        byte[] poll() {
            long pos = head.get();
            while (true) {
                int i = (int) pos & mask;
                long lag = (long) SEQ.getAcquire(sequence, i) - (pos + 1);
                if (lag == 0) {
                    if (head.compareAndSet(pos, pos + 1)) {
                        byte[] array = cells[i];
                        cells[i] = null;
                        SEQ.setRelease(sequence, i, pos + mask + 1);
                        return array;
                    }
                    pos = head.get();
                } else if (lag < 0) {
                    return null; // empty
                } else {
                    pos = head.get();
                }
            }
        }
    }
}

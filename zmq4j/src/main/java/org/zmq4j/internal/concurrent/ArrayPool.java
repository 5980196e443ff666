package org.zmq4j.internal.concurrent;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
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
 *
 * <p>It also keeps direct buffers for bodies of {@value #DIRECT_MIN} to {@value #MAX_LENGTH} octets that travel
 * between a connection's engine and its socket ({@link #allocateDirect}): the kernel reads into them and writes
 * from them without the copy through a temporary direct buffer that a heap array costs in the JDK, and allocating
 * one is dear (zeroed memory, a cleaner). They are kept by capacity, a power of two, in one ring per capacity,
 * within a budget of their own of the same size.
 */
public final class ArrayPool {
    /** Smallest length kept: shorter arrays go back through the pipes they crossed (FrameArrays). */
    public static final int MIN_LENGTH = 1025;
    /** Largest length kept. */
    public static final int MAX_LENGTH = 1024 * 1024;
    private static final int STRIPES = 8;
    private static final int STRIPE_SHIFT = 32 - Integer.numberOfTrailingZeros(STRIPES);
    private static final int RING_SIZE = 1024;

    /** Smallest body carried in a direct buffer ({@link #allocateDirect}). */
    public static final int DIRECT_MIN = 32 * 1024;
    private static final int DIRECT_MIN_SHIFT = Integer.numberOfTrailingZeros(DIRECT_MIN);
    private static final int DIRECT_RING_SIZE = 256;

    private final Ring<byte[]>[] rings = newRings(STRIPES, RING_SIZE);
    private final AtomicLong kept = new AtomicLong();
    private final long budget;
    /** One ring per capacity from {@value #DIRECT_MIN} to {@value #MAX_LENGTH}, doubling. */
    private final Ring<ByteBuffer>[] directRings =
            newRings(Integer.numberOfTrailingZeros(MAX_LENGTH) - DIRECT_MIN_SHIFT + 1, DIRECT_RING_SIZE);
    private final AtomicLong keptDirect = new AtomicLong();

    /** A pool that keeps at most {@code budget} octets. */
    public ArrayPool(long budget) {
        this.budget = budget;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <T> Ring<T>[] newRings(int count, int size) {
        Ring<T>[] r = new Ring[count];
        for (int i = 0; i < count; i++) {
            r[i] = new Ring<>(size);
        }
        return r;
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

    private Ring<byte[]> ring(int length) {
        return rings[(length * 0x9E3779B9) >>> STRIPE_SHIFT];
    }

    /** True if a body of this length travels in a direct buffer between an engine and its socket. */
    public static boolean directable(int length) {
        return length >= DIRECT_MIN && length <= MAX_LENGTH;
    }

    /**
     * A direct buffer for a body of {@code length} octets ({@link #directable}): position 0, limit {@code length},
     * old contents. Its capacity is {@code length} rounded up to a power of two.
     */
    public ByteBuffer allocateDirect(int length) {
        int cls = directClass(length);
        ByteBuffer b = directRings[cls].poll();
        if (b == null) {
            b = ByteBuffer.allocateDirect(DIRECT_MIN << cls);
        } else {
            keptDirect.addAndGet(-b.capacity());
        }
        return b.clear().limit(length);
    }

    /** Hands back a buffer from {@link #allocateDirect} that nobody refers to any more; kept if the budget allows. */
    public void recycle(ByteBuffer buffer) {
        int capacity = buffer.capacity();
        if (!directable(capacity) || Integer.bitCount(capacity) != 1 || keptDirect.get() + capacity > budget) {
            return;
        }
        if (directRings[directClass(capacity)].offer(buffer)) {
            keptDirect.addAndGet(capacity);
        }
    }

    /** Direct octets held now. */
    public long keptDirect() {
        return keptDirect.get();
    }

    private static int directClass(int length) {
        int shift = 32 - Integer.numberOfLeadingZeros(length - 1); // ceil(log2(length))
        return Math.max(0, shift - DIRECT_MIN_SHIFT);
    }

    /** Bounded multi-producer multi-consumer ring (D. Vyukov's sequence-numbered cells). */
    private static final class Ring<T> {
        private static final VarHandle SEQ = MethodHandles.arrayElementVarHandle(long[].class);

        private final long[] sequence;
        private final Object[] cells;
        private final int mask;
        private final AtomicLong head = new AtomicLong();
        private final AtomicLong tail = new AtomicLong();

        Ring(int size) {
            sequence = new long[size];
            cells = new Object[size];
            mask = size - 1;
            for (int i = 0; i < size; i++) {
                sequence[i] = i;
            }
        }

        boolean offer(T array) {
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

        @SuppressWarnings("unchecked")
        T poll() {
            long pos = head.get();
            while (true) {
                int i = (int) pos & mask;
                long lag = (long) SEQ.getAcquire(sequence, i) - (pos + 1);
                if (lag == 0) {
                    if (head.compareAndSet(pos, pos + 1)) {
                        T array = (T) cells[i];
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

package org.zmq4j.internal.concurrent;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.management.ManagementFactory;
import java.lang.ref.Cleaner;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

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
 *
 * <p>Direct memory is limited apart from the heap (-XX:MaxDirectMemorySize, by default the heap's maximum), also
 * serves the JDK's own I/O and the application, and running out of it must cost a connection no more than speed. So
 * the pool counts the direct memory it created that is still reachable, handed out or kept (a buffer dropped by a
 * closed connection counts until the collector frees it), and creates no more once that reaches its
 * {@linkplain #directLimit() limit}: four budgets, or a quarter of the JVM's limit if that is less.
 * {@link #allocateDirect} then returns null and the caller uses an array. If the JVM refuses a buffer all the same
 * (other users of direct memory), the limit drops to half of what the pool has alive, so that the JVM's wait for
 * the collector before refusing (up to half a second) is not paid again and again.
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
    /** Direct octets this pool created that are still reachable (handed out or kept). */
    private final AtomicLong liveDirect = new AtomicLong();
    /** {@link #directLimit()}, or -1 until the first direct buffer is created (asking the JVM costs milliseconds). */
    private final AtomicLong directLimit;
    private final IntFunction<ByteBuffer> directAllocator;

    /**
     * A pool that keeps at most {@code budget} octets, and creates direct buffers up to four budgets alive or a
     * quarter of the JVM's direct memory, whichever is less.
     */
    public ArrayPool(long budget) {
        this(budget, -1, ByteBuffer::allocateDirect);
    }

    /** For tests: the limit of live direct memory, and what creates a direct buffer of a given capacity. */
    ArrayPool(long budget, long directLimit, IntFunction<ByteBuffer> directAllocator) {
        this.budget = budget;
        this.directLimit = new AtomicLong(directLimit);
        this.directAllocator = directAllocator;
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
     * old contents; its capacity is {@code length} rounded up to a power of two. Null if none is kept and creating
     * one would take the pool's live direct memory over its limit, or the JVM refuses it: use an array instead.
     */
    public ByteBuffer allocateDirect(int length) {
        int cls = directClass(length);
        ByteBuffer b = directRings[cls].poll();
        if (b != null) {
            keptDirect.addAndGet(-b.capacity());
            return b.clear().limit(length);
        }
        int capacity = DIRECT_MIN << cls;
        long live = liveDirect.get();
        long limit = directLimit();
        if (live + capacity > limit) {
            return null;
        }
        try {
            b = directAllocator.apply(capacity);
        } catch (OutOfMemoryError e) {
            directLimit.accumulateAndGet(live / 2, Math::min);
            return null;
        }
        liveDirect.addAndGet(capacity);
        DirectMemory.CLEANER.register(b, new Freed(liveDirect, capacity));
        return b.clear().limit(length);
    }

    /** The JVM's limit on direct memory: -XX:MaxDirectMemorySize, or by default the heap's maximum. */
    static long jvmDirectLimit() {
        try {
            HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            long limit = Long.parseLong(vm.getVMOption("MaxDirectMemorySize").getValue());
            if (limit > 0) {
                return limit;
            }
        } catch (RuntimeException e) {
            // No such bean or option on this JVM: its default, then.
        }
        return Runtime.getRuntime().maxMemory();
    }

    /** The most direct memory this pool keeps alive before it hands out nulls ({@link #allocateDirect}). */
    public long directLimit() {
        long limit = directLimit.get();
        if (limit < 0) {
            directLimit.compareAndSet(-1, Math.min(4 * budget, jvmDirectLimit() / 4));
            limit = directLimit.get();
        }
        return limit;
    }

    /** Direct octets this pool created that are still reachable, handed out or kept. */
    public long liveDirect() {
        return liveDirect.get();
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

    /** The thread that counts out the direct buffers the collector freed; started with the first such buffer. */
    private static final class DirectMemory {
        static final Cleaner CLEANER = Cleaner.create();
    }

    /** A freed direct buffer's part of {@link #liveDirect}: it must not refer to the buffer itself. */
    private static final class Freed implements Runnable {
        private final AtomicLong live;
        private final int capacity;

        Freed(AtomicLong live, int capacity) {
            this.live = live;
            this.capacity = capacity;
        }

        @Override
        public void run() {
            live.addAndGet(-capacity);
        }
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

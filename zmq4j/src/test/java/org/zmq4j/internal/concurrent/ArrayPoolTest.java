package org.zmq4j.internal.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.Reference;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.zmq4j.testing.Await;

/** The pool of large frame bodies: exact-length reuse, its limits, and exclusive hand-out under contention. */
class ArrayPoolTest {
    private static final int LARGE = 64 * 1024;

    @Test
    void shouldHandBackARecycledArrayOfTheSameLength() {
        ArrayPool pool = new ArrayPool(1 << 20);
        byte[] a = pool.allocate(LARGE);
        pool.recycle(a);
        assertEquals(LARGE, pool.kept());
        assertSame(a, pool.allocate(LARGE));
        assertEquals(0, pool.kept());
        assertNotSame(a, pool.allocate(LARGE), "an array is handed out once per recycling");
    }

    @Test
    void shouldKeepDirectBuffersByPowerOfTwoCapacityAndLimitThemToTheBody() {
        ArrayPool pool = new ArrayPool(1 << 20);
        assertTrue(ArrayPool.directable(ArrayPool.DIRECT_MIN));
        assertTrue(ArrayPool.directable(ArrayPool.MAX_LENGTH));
        assertFalse(ArrayPool.directable(ArrayPool.DIRECT_MIN - 1));
        assertFalse(ArrayPool.directable(ArrayPool.MAX_LENGTH + 1));

        ByteBuffer b = pool.allocateDirect(LARGE + 1);
        assertTrue(b.isDirect());
        assertEquals(2 * LARGE, b.capacity());
        assertEquals(0, b.position());
        assertEquals(LARGE + 1, b.limit());
        b.position(100);
        pool.recycle(b);
        assertEquals(2 * LARGE, pool.keptDirect());
        ByteBuffer again = pool.allocateDirect(2 * LARGE);
        assertSame(b, again, "any body of the same class reuses it");
        assertEquals(0, again.position());
        assertEquals(2 * LARGE, again.limit());
        assertEquals(0, pool.keptDirect());
        assertEquals(ArrayPool.DIRECT_MIN, pool.allocateDirect(ArrayPool.DIRECT_MIN).capacity());
        assertEquals(ArrayPool.MAX_LENGTH, pool.allocateDirect(ArrayPool.MAX_LENGTH).capacity());
    }

    @Test
    void shouldKeepDirectBuffersWithinTheBudgetAndDropForeignOnes() {
        ArrayPool pool = new ArrayPool(3 * LARGE);
        ByteBuffer a = pool.allocateDirect(LARGE);
        ByteBuffer b = pool.allocateDirect(LARGE - 1);
        ByteBuffer c = pool.allocateDirect(2 * LARGE);
        pool.recycle(a);
        pool.recycle(b);
        pool.recycle(c);
        assertEquals(2 * LARGE, pool.keptDirect(), "the two 64 KiB buffers; the 128 KiB one is over the budget");
        pool.recycle(ByteBuffer.allocateDirect(LARGE / 2 * 3));
        pool.recycle(ByteBuffer.allocateDirect(ArrayPool.DIRECT_MIN / 2));
        assertEquals(2 * LARGE, pool.keptDirect(), "a buffer of no class is left to the collector");
    }

    @Test
    void shouldCreateNoDirectBufferBeyondItsLimitButReuseKeptOnes() {
        ArrayPool pool = new ArrayPool(1 << 20, 3L * LARGE, ByteBuffer::allocateDirect);
        ByteBuffer a = pool.allocateDirect(LARGE);
        ByteBuffer b = pool.allocateDirect(LARGE);
        ByteBuffer c = pool.allocateDirect(LARGE);
        assertTrue(a != null && b != null && c != null);
        assertEquals(3L * LARGE, pool.liveDirect());
        assertNull(pool.allocateDirect(LARGE), "a fourth would pass the limit: the caller uses an array");
        assertNull(pool.allocateDirect(ArrayPool.DIRECT_MIN));
        pool.recycle(b);
        assertSame(b, pool.allocateDirect(LARGE - 1), "a kept buffer is handed out whatever the limit");
        assertEquals(3L * LARGE, pool.liveDirect(), "kept or handed out, all three are alive");
    }

    @Test
    void shouldFallBackToArraysAndLowerItsLimitWhenTheJvmRefusesDirectMemory() {
        AtomicInteger calls = new AtomicInteger();
        IntFunction<ByteBuffer> allocator = capacity -> {
            if (calls.incrementAndGet() > 2) {
                throw new OutOfMemoryError("Cannot reserve " + capacity + " bytes of direct buffer memory");
            }
            return ByteBuffer.allocateDirect(capacity);
        };
        ArrayPool pool = new ArrayPool(1 << 20, 1L << 30, allocator);
        assertNotNull(pool.allocateDirect(LARGE));
        assertNotNull(pool.allocateDirect(LARGE));
        assertNull(pool.allocateDirect(LARGE), "refused by the JVM: null, not an error");
        assertEquals(LARGE, pool.directLimit(), "half of the 128 KiB alive");
        assertNull(pool.allocateDirect(ArrayPool.DIRECT_MIN));
        assertEquals(3, calls.get(), "below its new limit the pool does not ask the JVM again");
    }

    @Test
    void shouldCountADroppedDirectBufferOutOnceTheCollectorFreesIt() {
        ArrayPool pool = new ArrayPool(1 << 20, 2L * LARGE, ByteBuffer::allocateDirect);
        ByteBuffer kept = pool.allocateDirect(LARGE);
        assertNotNull(pool.allocateDirect(LARGE)); // dropped at once, as by a connection that closed mid-frame
        assertNull(pool.allocateDirect(LARGE));
        // Nothing signals that the Cleaner has run: ask the collector again until the count falls.
        Await.until(() -> {
            System.gc();
            return pool.liveDirect() <= LARGE;
        }, Duration.ofSeconds(30), "the collector to free the dropped buffer");
        assertEquals(LARGE, pool.liveDirect());
        assertNotNull(pool.allocateDirect(LARGE), "room again for one");
        Reference.reachabilityFence(kept); // the kept buffer must not be collected too
    }

    @Test
    void shouldNeverHandOutAnArrayOfAnotherLength() {
        ArrayPool pool = new ArrayPool(1 << 20);
        for (int length = ArrayPool.MIN_LENGTH; length < ArrayPool.MIN_LENGTH + 64; length++) {
            pool.recycle(new byte[length]);
        }
        for (int length = ArrayPool.MIN_LENGTH; length < ArrayPool.MIN_LENGTH + 200; length++) {
            assertEquals(length, pool.allocate(length).length);
        }
    }

    @Test
    void shouldKeepNeitherSmallNorHugeArrays() {
        ArrayPool pool = new ArrayPool(64L << 20);
        byte[] small = new byte[ArrayPool.MIN_LENGTH - 1];
        byte[] huge = new byte[ArrayPool.MAX_LENGTH + 1];
        pool.recycle(small);
        pool.recycle(huge);
        assertEquals(0, pool.kept());
        assertNotSame(small, pool.allocate(small.length));
        assertNotSame(huge, pool.allocate(huge.length));
    }

    @Test
    void shouldKeepNoMoreThanItsBudget() {
        ArrayPool pool = new ArrayPool(2L * LARGE);
        byte[] a = new byte[LARGE];
        byte[] b = new byte[LARGE];
        byte[] c = new byte[LARGE];
        pool.recycle(a);
        pool.recycle(b);
        pool.recycle(c);
        assertEquals(2L * LARGE, pool.kept());
        Set<byte[]> out = Collections.newSetFromMap(new IdentityHashMap<>());
        out.add(pool.allocate(LARGE));
        out.add(pool.allocate(LARGE));
        assertTrue(out.contains(a) && out.contains(b), "the first two recycled arrays are the ones kept");
        assertNotSame(c, pool.allocate(LARGE));
    }

    /**
     * Threads take arrays, stamp every octet with their own mark, check the stamp after yielding and hand the arrays
     * back: if two threads ever held one array at once, one of them would find the other's mark.
     */
    @Test
    void shouldNeverGiveOneArrayToTwoHoldersAtOnce() throws Exception {
        ArrayPool pool = new ArrayPool(4L << 20);
        int threads = 4;
        int rounds = 20_000;
        CountDownLatch start = new CountDownLatch(1);
        AtomicReference<String> failure = new AtomicReference<>();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            byte mark = (byte) (t + 1);
            int length = t % 2 == 0 ? ArrayPool.MIN_LENGTH : 2 * ArrayPool.MIN_LENGTH;
            Thread w = new Thread(() -> {
                try {
                    start.await();
                    for (int r = 0; r < rounds && failure.get() == null; r++) {
                        byte[] a = pool.allocate(length);
                        java.util.Arrays.fill(a, mark);
                        Thread.yield();
                        for (byte b : a) {
                            if (b != mark) {
                                failure.compareAndSet(null, "array shared between holders " + mark + " and " + b);
                                return;
                            }
                        }
                        pool.recycle(a);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            workers.add(w);
            w.start();
        }
        start.countDown();
        for (Thread w : workers) {
            w.join();
        }
        assertEquals(null, failure.get());
        assertTrue(pool.kept() <= pool.budget() && pool.kept() >= 0, "kept " + pool.kept());
    }
}

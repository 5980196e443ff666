package org.zmq4j.internal.concurrent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The single-producer single-consumer frame queue: whole-message publication, rollback and the sleep handshake. */
class FrameQueueTest {
    @Test
    void shouldPublishOnlyCompleteMessagesOnFlush() {
        FrameQueue q = new FrameQueue();
        q.write("a1", 1, false);
        q.flush();
        assertNull(q.read(), "a frame of an unfinished message must stay invisible");
        q.write("a2", 0, true);
        assertNull(q.read(), "nothing is visible before flush");
        q.flush();
        assertEquals("a1", q.read());
        assertEquals(1, q.lastFlags());
        assertEquals("a2", q.read());
        assertNull(q.read());
    }

    @Test
    void shouldDropTheUnfinishedMessageOnRollback() {
        FrameQueue q = new FrameQueue();
        q.write("whole", 0, true);
        q.write("part1", 1, false);
        q.write("part2", 1, false);
        q.rollback();
        q.write("next", 0, true);
        q.flush();
        assertEquals("whole", q.read());
        assertEquals("next", q.read());
        assertNull(q.read());
    }

    @Test
    void shouldKeepOrderAcrossManyChunks() {
        FrameQueue q = new FrameQueue();
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < FrameQueue.CHUNK * 5 + 7; i++) {
                q.write(i, 0, true);
            }
            q.flush();
            for (int i = 0; i < FrameQueue.CHUNK * 5 + 7; i++) {
                assertEquals(i, q.read());
            }
            assertNull(q.read());
        }
    }

    @Test
    void shouldRollBackAcrossAChunkBoundary() {
        FrameQueue q = new FrameQueue();
        for (int i = 0; i < FrameQueue.CHUNK - 2; i++) {
            q.write(i, 0, true);
        }
        for (int i = 0; i < 5; i++) {
            q.write("partial", 1, false);
        }
        q.rollback();
        q.write("after", 0, true);
        q.flush();
        for (int i = 0; i < FrameQueue.CHUNK - 2; i++) {
            assertEquals(i, q.read());
        }
        assertEquals("after", q.read());
        assertNull(q.read());
    }

    /**
     * Rollbacks that drop whole chunks, between laps in which finished chunks are reused: every message arrives, in
     * order, and payloads given back keep coming back to the writer (a dropped chunk neither hides a reused one nor is
     * handed out while in use).
     */
    @Test
    void shouldKeepOrderAndReuseChunksAcrossRollbacks() {
        FrameQueue q = new FrameQueue();
        int back = 0;
        for (int round = 0; round < 50; round++) {
            for (int i = 0; i < 300; i++) {
                back += q.write(new int[] {round, i}, 0, true) != null ? 1 : 0;
            }
            for (int i = 0; i < 2 * FrameQueue.CHUNK; i++) {
                back += q.write("partial", 1, false) != null ? 1 : 0;
            }
            q.rollback();
            q.flush();
            for (int i = 0; i < 300; i++) {
                Object got = q.read();
                assertArrayEquals(new int[] {round, i}, (int[]) got, "round " + round + ", message " + i);
                q.giveBack(got);
            }
            assertNull(q.read());
        }
        assertTrue(back > 40 * 300, back + " payloads came back");
    }

    @Test
    void shouldTellTheWriterToWakeOnlyASleepingReader() {
        FrameQueue q = new FrameQueue();
        q.write("x", 0, true);
        assertTrue(q.flush(), "an awake reader needs no signal");
        assertTrue(q.checkReadOrSleep());
        assertEquals("x", q.read());
        assertFalse(q.checkReadOrSleep(), "empty: the reader goes to sleep");
        q.write("y", 0, true);
        assertFalse(q.flush(), "the reader slept: the writer must wake it");
        q.write("z", 0, true);
        assertTrue(q.flush(), "one wake-up per sleep");
    }

    @Test
    void shouldLoseNoWakeUpBetweenTwoThreads() throws Exception {
        FrameQueue q = new FrameQueue();
        int n = 2_000_000;
        AtomicInteger wakeups = new AtomicInteger();
        Object lock = new Object();
        Thread writer = new Thread(() -> {
            for (int i = 0; i < n; i++) {
                q.write(i, 0, true);
                if ((i & 7) == 7 || i == n - 1) {
                    if (!q.flush()) {
                        wakeups.incrementAndGet();
                        synchronized (lock) {
                            lock.notifyAll();
                        }
                    }
                }
            }
        });
        writer.start();
        int expected = 0;
        while (expected < n) {
            if (!q.checkReadOrSleep()) {
                synchronized (lock) {
                    while (!q.hasData()) {
                        lock.wait(1);
                    }
                }
                continue;
            }
            Object v = q.read();
            assertSame(Integer.class, v.getClass());
            assertEquals(expected++, (int) (Integer) v);
        }
        writer.join();
        assertTrue(wakeups.get() <= n / 8 + 1);
    }

    @Test
    void shouldReuseChunksWithoutLosingFrames() {
        FrameQueue q = new FrameQueue();
        byte[][] seen = new byte[FrameQueue.CHUNK * 3][];
        for (int i = 0; i < seen.length; i++) {
            byte[] b = {(byte) i, (byte) (i >> 8)};
            q.write(b, 0, true);
            q.flush();
            seen[i] = (byte[]) q.read();
            assertArrayEquals(b, seen[i]);
        }
    }

    /** A payload given back returns to the writer when it next fills that slot, once the chunk has gone round. */
    @Test
    void shouldReturnGivenBackPayloadsToTheWriterOneRoundLater() {
        FrameQueue q = new FrameQueue();
        Object[] sent = new Object[FrameQueue.CHUNK * 2];
        for (int i = 0; i < sent.length; i++) {
            sent[i] = new byte[] {(byte) i};
            assertNull(q.write(sent[i], 0, true), "a fresh slot holds nothing");
            q.flush();
            Object got = q.read();
            assertSame(sent[i], got);
            q.giveBack(got);
        }
        // The first chunk went back to the writer when the second's first frame was read: its slots, last included,
        // hold what was given back, in order.
        for (int i = 0; i < FrameQueue.CHUNK; i++) {
            assertSame(sent[i], q.write(new byte[0], 0, true), "slot " + i);
        }
    }

    /**
     * A writer that ran several chunks ahead (a pipe filled to its high-water mark) gets every chunk the reader then
     * finishes back, with the payloads given back to their slots, not only the last one returned.
     */
    @Test
    void shouldReturnEveryFinishedChunkToAWriterThatRanAhead() {
        FrameQueue q = new FrameQueue();
        int chunks = 4;
        Object[] sent = new Object[FrameQueue.CHUNK * chunks];
        for (int i = 0; i < sent.length; i++) {
            sent[i] = new byte[] {(byte) i};
            q.write(sent[i], 0, true);
        }
        q.flush();
        for (Object expected : sent) {
            Object got = q.read();
            assertSame(expected, got);
            q.giveBack(got);
        }
        // The reader handed back the first three chunks (the fourth goes at its next read). The writer, which
        // started a fifth when it wrote the last frame, fills that one, then the three it gets back, whose slots hold
        // what was given back there.
        for (int i = 0; i < FrameQueue.CHUNK; i++) {
            assertNull(q.write(new byte[0], 0, true), "the fifth chunk is new");
        }
        Set<Object> back = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int i = 0; i < 3 * FrameQueue.CHUNK; i++) {
            Object b = q.write(new byte[0], 0, true);
            assertNotNull(b, "write " + i + " into a reused chunk");
            back.add(b);
        }
        assertEquals(3 * FrameQueue.CHUNK, back.size(), "given-back payloads of three reused chunks");
        assertTrue(Arrays.asList(sent).subList(0, 3 * FrameQueue.CHUNK).containsAll(back));
    }

    /** A queue with {@code frames} one-frame messages written and published, each a new one-octet array. */
    private static FrameQueue queueHolding(int frames) {
        FrameQueue q = new FrameQueue();
        for (int i = 0; i < frames; i++) {
            q.write(new byte[] {(byte) i}, 0, true);
        }
        q.flush();
        return q;
    }

    /**
     * A reader more chunks behind than the writer keeps (a full pipe with a large HWM): the chunk it hands back is
     * reused all the same, with what was given back to its slots, as the single spare chunk was before the writer
     * kept more.
     */
    @Test
    void shouldReuseTheChunkHandedBackWhenTheReaderIsFarBehind() {
        FrameQueue q = queueHolding(40 * FrameQueue.CHUNK);
        Object[] given = new Object[FrameQueue.CHUNK];
        for (int i = 0; i < FrameQueue.CHUNK + 1; i++) { // the first chunk, handed back at the read after its last
            Object got = q.read();
            if (i < FrameQueue.CHUNK) {
                given[i] = got;
            }
            q.giveBack(got);
        }
        for (int i = 0; i < FrameQueue.CHUNK; i++) {
            assertNull(q.write(new byte[0], 0, true), "the writer's current chunk is new");
        }
        for (int i = 0; i < FrameQueue.CHUNK; i++) {
            assertSame(given[i], q.write(new byte[0], 0, true), "slot " + i + " of the chunk handed back");
        }
    }

    /**
     * What a queue keeps for reuse is bounded: after a burst of 40 chunks, all read and every payload given back, the
     * writer gets back the payloads of the newest {@value FrameQueue#RECENT} chunks at most; the others went to the
     * collector with their chunks, as they would have with no reuse at all.
     */
    @Test
    void shouldKeepNoMoreThanTheNewestChunksOfABurstForReuse() {
        int burst = 40 * FrameQueue.CHUNK;
        FrameQueue q = queueHolding(burst);
        for (int i = 0; i < burst; i++) {
            q.giveBack(q.read());
        }
        int back = 0;
        for (int i = 0; i < burst; i++) {
            if (q.write(new byte[0], 0, true) != null) {
                back++;
            }
        }
        assertTrue(back > 0, "the newest chunks were reused");
        assertTrue(back <= FrameQueue.RECENT * FrameQueue.CHUNK, back + " payloads came back");
    }

    /** Only the payload read last can be given back, once: anything else would hand the writer an array in use. */
    @Test
    void shouldIgnoreGivingBackAnythingButTheLastReadPayload() {
        FrameQueue q = new FrameQueue();
        Object first = new byte[] {1};
        Object second = new byte[] {2};
        q.write(first, 0, true);
        q.write(second, 0, true);
        q.flush();
        assertSame(first, q.read());
        assertSame(second, q.read());
        q.giveBack(first); // not the last read: kept by whoever holds it
        q.giveBack(second);
        q.giveBack(second); // twice: the second call must not put it in another slot
        for (int i = 2; i < 2 * FrameQueue.CHUNK; i++) { // the rest of this chunk and all of the next
            q.write(new byte[0], 0, true);
            q.flush();
            q.read();
        }
        // The writer is back in the first chunk.
        assertNull(q.write(new byte[0], 0, true), "slot 0: first was never given back");
        assertSame(second, q.write(new byte[0], 0, true), "slot 1");
        assertNull(q.write(new byte[0], 0, true), "slot 2");
    }
}

package org.zmq4j.internal.concurrent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}

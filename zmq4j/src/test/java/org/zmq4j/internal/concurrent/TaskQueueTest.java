package org.zmq4j.internal.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class TaskQueueTest {

    @Test
    void shouldHandTasksOutOldestFirst() {
        TaskQueue q = new TaskQueue();
        assertTrue(q.isEmpty());
        assertNull(q.poll());
        Runnable a = () -> {};
        Runnable b = () -> {};
        q.add(a);
        q.add(b);
        assertFalse(q.isEmpty());
        assertSame(a, q.poll());
        assertSame(b, q.poll());
        assertNull(q.poll());
        assertTrue(q.isEmpty());
    }

    /** Many producers, one consumer polling all the while: every task comes out once, each producer's in order. */
    @Test
    void shouldLoseNothingAddedByManyThreadsWhileTheOwnerPolls() throws InterruptedException {
        TaskQueue q = new TaskQueue();
        int producers = 4;
        int perProducer = 50_000;
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            int producer = p;
            Thread t = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < perProducer; i++) {
                    q.add(new Numbered(producer, i));
                }
            });
            t.start();
            threads.add(t);
        }
        start.countDown();
        int[] next = new int[producers];
        int taken = 0;
        while (taken < producers * perProducer) {
            Runnable r = q.poll();
            if (r == null) {
                Thread.onSpinWait();
                continue;
            }
            Numbered n = (Numbered) r;
            assertEquals(next[n.producer], n.seq, "producer " + n.producer + "'s tasks in order");
            next[n.producer]++;
            taken++;
        }
        for (Thread t : threads) {
            t.join();
        }
        assertNull(q.poll());
        assertTrue(q.isEmpty());
    }

    private record Numbered(int producer, int seq) implements Runnable {
        @Override
        public void run() {}
    }
}

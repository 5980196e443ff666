package org.zmq4j.internal.socket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.zmq4j.Context;
import org.zmq4j.Socket;
import org.zmq4j.SocketOption;
import org.zmq4j.SocketType;
import org.zmq4j.internal.io.IoThread;

/**
 * A message sent on an idle connection leaves from the sending thread: the sender's I/O thread is not woken, which
 * saves a thread hop per one-way trip (the latency target of the performance issue). Shown by keeping the sender's
 * only I/O thread busy: the message still arrives.
 */
class CallerWriteTest {

    @Test
    void shouldSendOnAnIdleConnectionWithoutItsIoThread() throws Exception {
        try (Context senderCtx = new Context(1);
                Context receiverCtx = new Context(1);
                Socket push = senderCtx.socket(SocketType.PUSH);
                Socket pull = receiverCtx.socket(SocketType.PULL)) {
            pull.set(SocketOption.RCVTIMEO, 5_000);
            pull.bind("tcp://127.0.0.1:*");
            push.connect(pull.get(SocketOption.LAST_ENDPOINT));
            assertTrue(push.send("first"));
            assertEquals("first", pull.recvStr());
            waitOnASocket(pull);

            Busy busy = Busy.occupy(ioThreadOf(senderCtx));
            try {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1)); // longer than the engine's idle threshold
                assertTrue(push.send("while the I/O thread is busy"));
                assertEquals("while the I/O thread is busy", pull.recvStr());
            } finally {
                busy.close();
            }

            // Under load the I/O thread takes over again, and nothing is lost or reordered.
            for (int i = 0; i < 10_000; i++) {
                assertTrue(push.send(Integer.toString(i)));
            }
            for (int i = 0; i < 10_000; i++) {
                assertEquals(Integer.toString(i), pull.recvStr());
            }
        }
    }

    /**
     * A thread that sends without waiting in between writes itself at most once: its next message, even on another
     * idle connection, goes to the I/O thread, so a thread streaming to many peers (fan-in) keeps its batching.
     */
    @Test
    void shouldLeaveTheSecondSendBetweenWaitsToTheIoThread() throws Exception {
        try (Context senderCtx = new Context(1);
                Context receiverCtx = new Context(1);
                Socket push0 = senderCtx.socket(SocketType.PUSH);
                Socket push1 = senderCtx.socket(SocketType.PUSH);
                Socket pull0 = receiverCtx.socket(SocketType.PULL);
                Socket pull1 = receiverCtx.socket(SocketType.PULL)) {
            for (Socket pull : new Socket[] {pull0, pull1}) {
                pull.set(SocketOption.RCVTIMEO, 5_000);
                pull.bind("tcp://127.0.0.1:*");
            }
            push0.connect(pull0.get(SocketOption.LAST_ENDPOINT));
            push1.connect(pull1.get(SocketOption.LAST_ENDPOINT));
            assertTrue(push0.send("a"));
            assertTrue(push1.send("b"));
            assertEquals("a", pull0.recvStr());
            assertEquals("b", pull1.recvStr());
            waitOnASocket(pull0);

            // Since its last wait this thread has not written to the network itself.
            Busy busy = Busy.occupy(ioThreadOf(senderCtx));
            try {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1)); // longer than the engine's idle threshold
                assertTrue(push0.send("first since the wait"));
                assertTrue(push1.send("second since the wait"));
                assertEquals("first since the wait", pull0.recvStr());
                pull1.set(SocketOption.RCVTIMEO, 200);
                assertEquals(null, pull1.recvStr(), "the second send must wait for the busy I/O thread");
            } finally {
                busy.close();
            }
            pull1.set(SocketOption.RCVTIMEO, 5_000);
            assertEquals("second since the wait", pull1.recvStr());
        }
    }

    /**
     * Makes the calling thread wait on a socket, as a requester does between requests: a receive that finds nothing
     * and times out. A receive that gets a message may not wait at all (the message can arrive before it looks), and
     * then the thread has no caller write to claim.
     */
    private static void waitOnASocket(Socket idle) {
        idle.set(SocketOption.RCVTIMEO, 20);
        assertNull(idle.recvStr());
        idle.set(SocketOption.RCVTIMEO, 5_000);
    }

    /** Holds an I/O thread inside a task until closed. */
    private static final class Busy {
        private final CountDownLatch release = new CountDownLatch(1);

        static Busy occupy(IoThread io) throws InterruptedException {
            Busy b = new Busy();
            CountDownLatch busy = new CountDownLatch(1);
            io.execute(() -> {
                busy.countDown();
                try {
                    b.release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            assertTrue(busy.await(5, TimeUnit.SECONDS), "the I/O thread never ran the task");
            return b;
        }

        void close() {
            release.countDown();
        }
    }

    private static IoThread ioThreadOf(Context ctx) throws ReflectiveOperationException {
        Field core = Context.class.getDeclaredField("core");
        core.setAccessible(true);
        return ((ContextCore) core.get(ctx)).io().choose();
    }
}

package org.zmq4j.faults;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.zmq4j.Context;
import org.zmq4j.InterruptedCallException;
import org.zmq4j.MonitorEvent;
import org.zmq4j.Poller;
import org.zmq4j.Socket;
import org.zmq4j.SocketOption;
import org.zmq4j.SocketType;
import org.zmq4j.testing.Contexts;
import org.zmq4j.testing.MonitorProbe;
import org.zmq4j.testing.ScriptedZmtpPeer;
import org.zmq4j.testing.Transport;
import org.zmq4j.testing.Worker;

/**
 * DESIGN.md, Threads: "Thread.interrupt() on a blocked call returns control to the caller and leaves the socket
 * and context usable." Each test blocks a thread in a call, interrupts it, expects InterruptedCallException
 * promptly with the interrupt status still set, clears the status and uses the same socket again.
 */
class InterruptTest {
    private static final Duration PROMPTLY = Duration.ofSeconds(5);

    private Context ctx;
    private Socket pull;
    private Socket push;

    @BeforeEach
    void createContext() {
        ctx = new Context();
    }

    @AfterEach
    void closeContext() {
        Contexts.close(ctx);
    }

    private void connect(Transport transport, int hwm) {
        pull = ctx.socket(SocketType.PULL);
        pull.set(SocketOption.RCVHWM, hwm);
        pull.set(SocketOption.RCVBUF, 4096);
        pull.set(SocketOption.RCVTIMEO, 5_000);
        pull.set(SocketOption.LINGER, 0);
        pull.bind(transport.bindEndpoint());
        push = ctx.socket(SocketType.PUSH);
        push.set(SocketOption.SNDHWM, hwm);
        push.set(SocketOption.SNDBUF, 4096);
        push.set(SocketOption.LINGER, 0);
        push.connect(pull.lastEndpoint());
    }

    private static void await(CountDownLatch latch, String what) throws InterruptedException {
        assertTrue(latch.await(PROMPTLY.toMillis(), TimeUnit.MILLISECONDS), what);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void shouldInterruptABlockedRecvAndLeaveTheSocketUsable(Transport transport) throws Exception {
        connect(transport, 1000);
        CountDownLatch interrupted = new CountDownLatch(1);
        Worker<String> receiver = Worker.start("receiver", () -> {
            assertThrows(InterruptedCallException.class, () -> pull.recv(0));
            assertTrue(Thread.interrupted(), "the interrupt status stays set");
            interrupted.countDown();
            return pull.recvStr();
        });
        receiver.awaitBlocked(PROMPTLY);

        receiver.thread().interrupt();
        await(interrupted, "InterruptedCallException from recv");
        push.send("after the interrupt");
        assertEquals("after the interrupt", receiver.join(PROMPTLY));
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void shouldInterruptASendBlockedAtTheHighWaterMarkWithoutLosingOrSendingItsMessage(Transport transport)
            throws Exception {
        connect(transport, 1);
        byte[] padding = new byte[1024];
        AtomicInteger sent = new AtomicInteger();
        CountDownLatch interrupted = new CountDownLatch(1);
        Worker<Void> sender = Worker.run("sender", () -> {
            assertThrows(InterruptedCallException.class, () -> {
                while (true) {
                    push.send(message(sent.get(), padding));
                    sent.incrementAndGet();
                }
            });
            assertTrue(Thread.interrupted(), "the interrupt status stays set");
            interrupted.countDown();
            push.send("after the interrupt"); // blocks until the receiver drains
        });
        // Nobody receives: the sender fills the pipes and the socket buffers, then blocks.
        sender.awaitBlocked(PROMPTLY);

        sender.thread().interrupt();
        await(interrupted, "InterruptedCallException from send");
        int n = sent.get();
        assertTrue(n > 0);
        for (int i = 0; i < n; i++) {
            byte[] m = pull.recv();
            assertNotNull(m, "message " + i + " of " + n);
            assertEquals(i, ByteBuffer.wrap(m).getInt(), "the interrupted message was neither sent nor lost");
        }
        assertEquals("after the interrupt", pull.recvStr());
        sender.join(PROMPTLY);
    }

    private static byte[] message(int i, byte[] padding) {
        return ByteBuffer.allocate(4 + padding.length).putInt(i).put(padding).array();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void shouldInterruptABlockedPollAndLeaveThePollerUsable(Transport transport) throws Exception {
        connect(transport, 1000);
        CountDownLatch interrupted = new CountDownLatch(1);
        Worker<String> poller = Worker.start("poller", () -> {
            Poller p = new Poller();
            int i = p.register(pull, Poller.POLLIN);
            assertThrows(InterruptedCallException.class, () -> p.poll(-1));
            assertTrue(Thread.interrupted(), "the interrupt status stays set");
            interrupted.countDown();
            assertEquals(1, p.poll(PROMPTLY.toMillis()));
            assertTrue(p.pollin(i));
            return pull.recvStr(Socket.DONTWAIT);
        });
        poller.awaitBlocked(PROMPTLY);

        poller.thread().interrupt();
        await(interrupted, "InterruptedCallException from poll");
        push.send("after the interrupt");
        assertEquals("after the interrupt", poller.join(PROMPTLY));
    }

    /**
     * DESIGN.md, Threads, as above, for a thread whose interrupt status is set but that never waits: it still
     * receives, and the connection survives. Such a thread does the engine's reading itself when it makes room in a
     * pipe the engine had found full (StreamEngine's restartInputFromCaller); a channel in blocking mode would be
     * closed by the interrupt (java.nio.channels.InterruptibleChannel), the engine's non-blocking one is not.
     */
    @ParameterizedTest
    @EnumSource(names = {"TCP", "IPC"})
    void shouldKeepTheConnectionThatAnInterruptedThreadReceivesFrom(Transport transport) throws Exception {
        pull = ctx.socket(SocketType.PULL);
        pull.set(SocketOption.RCVHWM, 10);
        pull.set(SocketOption.LINGER, 0);
        pull.bind(transport.bindEndpoint());
        int count = 1_000;
        try (ScriptedZmtpPeer peer = ScriptedZmtpPeer.connect(pull.lastEndpoint())) {
            peer.handshake("PUSH");
            ByteArrayOutputStream wire = new ByteArrayOutputStream();
            for (int i = 0; i < count; i++) {
                wire.writeBytes(ScriptedZmtpPeer.frame(0, number(i)));
            }
            peer.sendBytes(wire.toByteArray()); // 100 times RCVHWM: the engine stops on a full pipe
            Worker<Integer> receiver = Worker.start("receiver", () -> {
                Thread.currentThread().interrupt();
                long deadline = System.nanoTime() + PROMPTLY.toNanos();
                int next = 0;
                while (next < count && System.nanoTime() - deadline < 0) {
                    // Without waiting: a receive that waited would end at once, interrupted.
                    byte[] m = pull.tryRecv();
                    if (m != null) {
                        assertEquals(next, ByteBuffer.wrap(m).getInt(), "messages in order");
                        next++;
                    }
                }
                assertTrue(Thread.interrupted(), "the interrupt status stays set");
                return next;
            });
            assertEquals(count, receiver.join(PROMPTLY.multipliedBy(2)), "messages received");
            assertFalse(peer.isClosedNow(), "the connection survives");
            peer.sendMessage(number(count));
            pull.set(SocketOption.RCVTIMEO, 5_000);
            assertArrayEquals(number(count), pull.recv(), "a message after, on the same connection");
        }
    }

    /**
     * The same for sending: a thread whose interrupt status is set sends on an idle connection, which it writes to
     * itself (StreamEngine's writeFromCaller), and the connection survives.
     */
    @ParameterizedTest
    @EnumSource(names = {"TCP", "IPC"})
    void shouldKeepTheConnectionThatAnInterruptedThreadSendsTo(Transport transport) throws Exception {
        push = ctx.socket(SocketType.PUSH);
        push.set(SocketOption.LINGER, 0);
        try (MonitorProbe monitor = MonitorProbe.attach(ctx, push)) {
            push.bind(transport.bindEndpoint());
            try (ScriptedZmtpPeer peer = ScriptedZmtpPeer.connect(push.lastEndpoint())) {
                peer.handshake("PULL");
                monitor.await(MonitorEvent.Type.HANDSHAKE_SUCCEEDED); // so the sends below never wait for a peer
                Worker<Void> sender = Worker.run("sender", () -> {
                    Thread.currentThread().interrupt();
                    for (int i = 0; i < 3; i++) {
                        assertTrue(push.send(number(i)));
                    }
                    assertTrue(Thread.interrupted(), "the interrupt status stays set");
                });
                sender.join(PROMPTLY);
                for (int i = 0; i < 3; i++) {
                    assertArrayEquals(number(i), peer.readMessage().get(0), "message " + i);
                }
                assertFalse(peer.isClosedNow(), "the connection survives");
                assertTrue(push.send(number(3)));
                assertArrayEquals(number(3), peer.readMessage().get(0), "a message after, on the same connection");
            }
        }
    }

    private static byte[] number(int i) {
        return ByteBuffer.allocate(4).putInt(i).array();
    }
}

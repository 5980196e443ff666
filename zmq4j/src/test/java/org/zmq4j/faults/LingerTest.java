package org.zmq4j.faults;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.zmq4j.Context;
import org.zmq4j.Socket;
import org.zmq4j.SocketOption;
import org.zmq4j.SocketType;
import org.zmq4j.testing.Contexts;
import org.zmq4j.testing.ScriptedZmtpPeer;
import org.zmq4j.testing.Transport;
import org.zmq4j.testing.Worker;

/**
 * zmq_setsockopt(3) ZMQ_LINGER: "-1 specifies an infinite linger period. Pending messages shall not be discarded
 * after a call to zmq_close(); attempting to terminate the socket's context with zmq_ctx_term() shall block until
 * all pending messages have been sent to a peer"; "0 ... discarded immediately"; a positive value bounds that wait.
 * DESIGN.md: close and context termination "neither lose what LINGER promises nor hang past it".
 */
class LingerTest {
    private static final int N = 10_000;
    private static final Duration DEADLINE = Duration.ofSeconds(8);

    private Context pushContext;
    private Context pullContext;

    @AfterEach
    void closeContexts() {
        Contexts.close(pushContext);
        Contexts.close(pullContext);
    }

    private static byte[] number(int i) {
        return ByteBuffer.allocate(4).putInt(i).array();
    }

    private static void receiveAllInOrder(Socket pull) {
        pull.set(SocketOption.RCVTIMEO, 5_000);
        for (int i = 0; i < N; i++) {
            byte[] m = pull.recv();
            assertNotNull(m, "message " + i + " of " + N + " never came");
            assertEquals(i, ByteBuffer.wrap(m).getInt(), "message order");
        }
        assertTrue(pull.tryRecv() == null, "no message past " + N);
    }

    /**
     * A PUSH that sends N messages and closes at once, default LINGER: its peer gets all N, and closing the PUSH's
     * context waits for that delivery instead of dropping what is queued.
     */
    @ParameterizedTest
    @EnumSource(Transport.class)
    void shouldDeliverEveryMessageOfAPushThatClosesRightAfterSending(Transport transport) {
        pushContext = new Context();
        // inproc joins sockets of one context only.
        pullContext = transport == Transport.INPROC ? pushContext : new Context();
        Socket pull = pullContext.socket(SocketType.PULL);
        pull.bind(transport.bindEndpoint());
        String endpoint = pull.lastEndpoint();
        boolean oneContext = pushContext == pullContext;

        Worker<Void> producer = Worker.run("producer", () -> {
            Socket push = pushContext.socket(SocketType.PUSH);
            push.connect(endpoint);
            for (int i = 0; i < N; i++) {
                push.send(number(i));
            }
            push.close(); // returns at once; delivery goes on in the background
            if (!oneContext) {
                pushContext.close(); // returns once all N are delivered
            }
        });

        receiveAllInOrder(pull);
        producer.join(DEADLINE);
        pull.close();
    }

    /**
     * The same when the peer appears only after the PUSH closed: a PUSH connects to an endpoint nobody listens on,
     * queues N messages (SNDHWM allows them all), closes; its context's close waits, keeps reconnecting, and returns
     * once a PULL that binds later has them all.
     */
    @ParameterizedTest
    @EnumSource(names = {"TCP", "IPC"})
    void shouldDeliverEveryMessageToAPeerThatBindsOnlyAfterThePushClosed(Transport transport) {
        pushContext = new Context();
        pullContext = new Context();
        String endpoint = transport.unusedEndpoint();
        Socket push = pushContext.socket(SocketType.PUSH);
        push.set(SocketOption.SNDHWM, N);
        push.set(SocketOption.RECONNECT_IVL, 20);
        push.connect(endpoint);
        for (int i = 0; i < N; i++) {
            assertTrue(push.trySend(number(i)), "message " + i + " fits under SNDHWM");
        }
        push.close();
        Worker<Void> closing = Contexts.closeInBackground(pushContext);
        assertFalse(closing.isDone(), "the context cannot be done: nothing is delivered yet");

        Socket pull = pullContext.socket(SocketType.PULL);
        pull.bind(endpoint);
        receiveAllInOrder(pull);
        closing.join(DEADLINE);
        pull.close();
    }

    /**
     * The same for a message the connection has already taken off the pipe but not yet written, because the peer
     * reads slowly: the PUSH closes while most of a 16 MiB frame waits for room in the socket buffers, and the peer
     * still gets the whole frame before the connection ends. (Closing the socket once ended such a connection at
     * once: its pipe, already drained into the connection, no longer held anything back.)
     */
    @ParameterizedTest
    @EnumSource(names = {"TCP", "IPC"})
    void shouldDeliverAMessageStillBeingWrittenWhenAConnectedPushCloses(Transport transport) {
        pushContext = new Context();
        try (ScriptedZmtpPeer.Listener listener = ScriptedZmtpPeer.listen(transport)) {
            Socket push = pushContext.socket(SocketType.PUSH);
            push.connect(listener.endpoint());
            try (ScriptedZmtpPeer slow = listener.accept()) {
                closeWhileWriting(push, slow);
            }
        }
    }

    /** As above for a PUSH that binds: its listener closes with it, and the accepted connection still finishes. */
    @ParameterizedTest
    @EnumSource(names = {"TCP", "IPC"})
    void shouldDeliverAMessageStillBeingWrittenWhenABoundPushCloses(Transport transport) {
        pushContext = new Context();
        Socket push = pushContext.socket(SocketType.PUSH);
        push.bind(transport.bindEndpoint());
        try (ScriptedZmtpPeer slow = ScriptedZmtpPeer.connect(push.lastEndpoint())) {
            closeWhileWriting(push, slow);
        }
    }

    private void closeWhileWriting(Socket push, ScriptedZmtpPeer slow) {
        byte[] big = new byte[16 << 20]; // more than the socket buffers of both ends hold
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i * 31 + (i >>> 13));
        }
        slow.handshake("PULL");
        push.send(big);
        // The frame's header arriving shows the connection has taken the message off the pipe.
        assertEquals(ScriptedZmtpPeer.LONG, slow.readBytes(1)[0], "flags of a long final frame");
        assertEquals(big.length, ByteBuffer.wrap(slow.readBytes(8)).getLong(), "frame size");
        push.close();
        Worker<Void> closing = Contexts.closeInBackground(pushContext);
        assertArrayEquals(big, slow.readBytes(big.length), "the frame's body");
        closing.join(DEADLINE);
        slow.expectClosed();
    }

    /**
     * Default LINGER with nothing queued: a connection stuck in its handshake (the peer accepted and says nothing)
     * holds nothing back, so closing the context returns at once.
     */
    @ParameterizedTest
    @EnumSource(names = {"TCP", "IPC"})
    void shouldCloseTheContextPromptlyWhenNothingIsQueuedAndAHandshakeIsStalled(Transport transport) {
        pushContext = new Context();
        try (ScriptedZmtpPeer.Listener listener = ScriptedZmtpPeer.listen(transport)) {
            Socket push = pushContext.socket(SocketType.PUSH);
            push.connect(listener.endpoint());
            try (ScriptedZmtpPeer mute = listener.accept()) {
                mute.expectGreeting();
                Contexts.close(pushContext);
                mute.expectClosed();
            }
        }
    }

    /** LINGER 0: "pending messages shall be discarded immediately", so closing the context does not wait. */
    @ParameterizedTest
    @EnumSource(Transport.class)
    void shouldCloseTheContextPromptlyWithLingerZeroAndAnUnreachablePeer(Transport transport) {
        pushContext = new Context();
        Socket push = pushContext.socket(SocketType.PUSH);
        push.set(SocketOption.LINGER, 0);
        push.connect(transport.unusedEndpoint());
        for (int i = 0; i < 100; i++) {
            assertTrue(push.trySend(number(i)));
        }
        long start = System.nanoTime();
        Contexts.close(pushContext);
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertTrue(ms < 1_000, "context close took " + ms + " ms with LINGER 0");
    }

    /**
     * LINGER 200 with messages queued for a peer that never comes: closing the context waits about 200 ms, then
     * drops them. The bounds are loose: this checks the behaviour, not the timer's precision.
     */
    @ParameterizedTest
    @EnumSource(names = {"TCP", "IPC"})
    void shouldCloseTheContextAfterLingerWithAnUnreachablePeer(Transport transport) {
        pushContext = new Context();
        Socket push = pushContext.socket(SocketType.PUSH);
        push.set(SocketOption.LINGER, 200);
        push.connect(transport.unusedEndpoint());
        for (int i = 0; i < 100; i++) {
            assertTrue(push.trySend(number(i)));
        }
        long start = System.nanoTime();
        Contexts.close(pushContext);
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertTrue(ms >= 150, "context close returned after " + ms + " ms, before LINGER 200 ran out");
        assertTrue(ms < 5_000, "context close took " + ms + " ms with LINGER 200");
    }
}

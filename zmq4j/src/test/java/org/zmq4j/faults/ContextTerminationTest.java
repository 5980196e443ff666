package org.zmq4j.faults;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.zmq4j.Context;
import org.zmq4j.ContextTerminatedException;
import org.zmq4j.MonitorEvent.Type;
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
 * zmq_ctx_term(3): "any blocking operations currently in progress on sockets open within context shall return
 * immediately with an error code of ETERM"; zmq_ctx_shutdown(3) does that part alone. DESIGN.md: close and
 * context termination never hang past LINGER.
 */
class ContextTerminationTest {
    private static final Duration PROMPTLY = Duration.ofSeconds(5);

    private Context ctx;

    @BeforeEach
    void createContext() {
        ctx = new Context();
    }

    @AfterEach
    void closeContext() {
        Contexts.close(ctx);
    }

    /** A connected PULL/PUSH pair on the transport, so the blocked receive has a live connection under it. */
    private Socket[] connectedPair(Transport transport) {
        Socket pull = ctx.socket(SocketType.PULL);
        pull.bind(transport.bindEndpoint());
        Socket push = ctx.socket(SocketType.PUSH);
        push.set(SocketOption.LINGER, 0);
        push.connect(pull.lastEndpoint());
        return new Socket[] {pull, push};
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void shouldEndARecvBlockedInAnotherThreadWithContextTerminatedWhenTheContextCloses(Transport transport) {
        Socket pull = connectedPair(transport)[0];
        Worker<Void> receiver = Worker.run("receiver", () -> {
            assertThrows(ContextTerminatedException.class, pull::recv);
            pull.close(); // what a libzmq application does on ETERM
        });
        receiver.awaitBlocked(PROMPTLY);

        Contexts.close(ctx);
        receiver.join(PROMPTLY);
        assertTrue(ctx.isTerminated());
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void shouldEndARecvBlockedInAnotherThreadWithContextTerminatedOnShutdown(Transport transport) {
        Socket[] pair = connectedPair(transport);
        Socket pull = pair[0];
        Worker<Void> receiver = Worker.run("receiver", () -> {
            assertThrows(ContextTerminatedException.class, pull::recv);
            // Later calls fail the same way until the socket is closed.
            assertThrows(ContextTerminatedException.class, () -> pull.recv(Socket.DONTWAIT));
            pull.close();
        });
        receiver.awaitBlocked(PROMPTLY);

        ctx.shutdown();
        receiver.join(PROMPTLY);
        assertThrows(ContextTerminatedException.class, () -> pair[1].send("too late"));
        assertThrows(ContextTerminatedException.class, () -> ctx.socket(SocketType.PAIR));
        pair[1].close();
        Contexts.close(ctx);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void shouldEndASendBlockedAtTheHighWaterMarkWithContextTerminatedWhenTheContextCloses(Transport transport) {
        Socket[] pair = connectedPair(transport);
        Socket push = pair[1];
        push.set(SocketOption.SNDHWM, 1);
        Worker<Void> sender = Worker.run("sender", () -> {
            byte[] chunk = new byte[1024];
            // Nobody reads: the sends fill pipes and buffers, then one blocks until the context ends.
            assertThrows(ContextTerminatedException.class, () -> {
                while (true) {
                    push.send(chunk);
                }
            });
            push.close();
        });
        sender.awaitBlocked(PROMPTLY);

        Contexts.close(ctx);
        sender.join(PROMPTLY);
    }

    /**
     * zmq_poll(3), ETERM: "At least one of the members of the items array refers to a socket whose associated
     * context was terminated."
     */
    @ParameterizedTest
    @EnumSource(Transport.class)
    void shouldEndAPollBlockedInAnotherThreadWithContextTerminatedWhenTheContextCloses(Transport transport) {
        Socket pull = connectedPair(transport)[0];
        Worker<Void> poller = Worker.run("poller", () -> {
            Poller p = new Poller();
            p.register(pull, Poller.POLLIN);
            assertThrows(ContextTerminatedException.class, () -> p.poll(-1));
        });
        poller.awaitBlocked(PROMPTLY);

        Contexts.close(ctx);
        poller.join(PROMPTLY);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void shouldEndAPollBlockedInAnotherThreadWithContextTerminatedOnShutdown(Transport transport) {
        Socket pull = connectedPair(transport)[0];
        Worker<Void> poller = Worker.run("poller", () -> {
            Poller p = new Poller();
            p.register(pull, Poller.POLLIN);
            assertThrows(ContextTerminatedException.class, () -> p.poll(-1));
            pull.close();
        });
        poller.awaitBlocked(PROMPTLY);

        ctx.shutdown();
        poller.join(PROMPTLY);
    }

    /**
     * DESIGN.md: "Thread.interrupt() on a blocked call returns control to the caller". A close that waits for
     * LINGER -1 to deliver to a peer that never comes returns when its thread is interrupted, with the interrupt
     * status kept.
     */
    @ParameterizedTest
    @EnumSource(names = {"TCP", "IPC"})
    void shouldReturnFromAContextCloseWaitingOnLingerWhenItsThreadIsInterrupted(Transport transport) {
        Socket push = ctx.socket(SocketType.PUSH);
        push.connect(transport.unusedEndpoint());
        assertTrue(push.trySend("never delivered"));
        Worker<Boolean> closer = Worker.start("closer", () -> {
            ctx.close();
            return Thread.currentThread().isInterrupted();
        });
        closer.awaitBlocked(PROMPTLY);

        closer.thread().interrupt();
        assertTrue(closer.join(PROMPTLY), "the interrupt status stays set");
        assertTrue(ctx.isTerminated());
    }

    /**
     * A peer that completes the handshake and then never reads: what is queued can never be delivered, so with
     * LINGER 100 closing the context gives up after about 100 ms instead of waiting for ever.
     */
    @ParameterizedTest
    @EnumSource(names = {"TCP", "IPC"})
    void shouldNotHangPastLingerWhenThePeerStopsReading(Transport transport) {
        Socket push = ctx.socket(SocketType.PUSH);
        push.set(SocketOption.SNDHWM, 10);
        push.set(SocketOption.SNDBUF, 4096);
        try (MonitorProbe events = MonitorProbe.attach(ctx, push);
                ScriptedZmtpPeer.Listener listener = ScriptedZmtpPeer.listen(transport)) {
            push.connect(listener.endpoint());
            ScriptedZmtpPeer stuck = listener.accept();
            stuck.handshake("PULL");
            events.await(Type.HANDSHAKE_SUCCEEDED);

            // Fill the pipe and the socket buffers until a send would block.
            byte[] chunk = new byte[16 * 1024];
            int sent = 0;
            long deadline = System.nanoTime() + PROMPTLY.toNanos();
            push.set(SocketOption.SNDTIMEO, 100);
            while (push.send(chunk)) {
                sent++;
                assertTrue(System.nanoTime() - deadline < 0, "the peer's buffers never filled, " + sent + " sent");
            }
            assertFalse(push.trySend(chunk), "a send would block now");

            push.set(SocketOption.LINGER, 100);
            long start = System.nanoTime();
            Contexts.close(ctx);
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertTrue(ms >= 75, "context close returned after " + ms + " ms, before LINGER 100 ran out");
            assertTrue(ms < 4_000, "context close took " + ms + " ms with LINGER 100");
            stuck.expectClosed();
            stuck.close();
        }
    }
}

package org.zmq4j.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zmq4j.SocketType.PULL;
import static org.zmq4j.SocketType.PUSH;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.zmq4j.Context;
import org.zmq4j.Socket;
import org.zmq4j.SocketOption;
import org.zmq4j.testing.Worker;

/**
 * SNDHWM and RCVHWM changed on a connected socket. zmq_setsockopt(3) lists them among the options that take effect
 * at once (libzmq-behaviour.md §1.5), and libzmq's test_sockopt_hwm changes them before and after connecting and
 * lowers them while the queue is full without losing a message.
 */
class HighWaterMarkOptionTest {
    /**
     * Over inproc the limit of a direction is the sender's SNDHWM plus the receiver's RCVHWM, counted exactly: 1 + 1
     * when connecting, 5 + 1 once SNDHWM is raised to 5 on the connected socket.
     */
    @Test
    void shouldApplyARaisedSndhwmToAConnectedPipe() {
        try (Context ctx = new Context();
                Socket push = Spec.socket(ctx, PUSH);
                Socket pull = Spec.socket(ctx, PULL)) {
            connectInproc(push, 1, pull, 1);
            assertEquals(2, Spec.sendUntilRefused(push, 4), "SNDHWM 1 + RCVHWM 1");

            push.set(SocketOption.SNDHWM, 5);
            assertEquals(4, sendUntilRefused(push, 2), "SNDHWM 5 + RCVHWM 1 = 6 queued in all");
            Spec.assertReceivesNumbered(pull, 6);
        }
    }

    /**
     * An inproc connect made before the bind: once the PULL binds, the limit is the PUSH's SNDHWM plus the PULL's
     * RCVHWM (1 + 3), not a sum guessed from the PUSH's own HWMs (1 + 1,000), as libzmq sets it at bind.
     */
    @Test
    void shouldTakeTheBindersRcvhwmForAConnectMadeBeforeTheBind() {
        try (Context ctx = new Context();
                Socket push = Spec.socket(ctx, PUSH);
                Socket pull = Spec.socket(ctx, PULL)) {
            String endpoint = Transport.INPROC.unboundEndpoint();
            push.set(SocketOption.SNDHWM, 1);
            push.connect(endpoint);
            pull.set(SocketOption.RCVHWM, 3);
            pull.bind(endpoint);
            assertEquals(4, sendUntilRefused(push, 0), "SNDHWM 1 + RCVHWM 3");
            Spec.assertReceivesNumbered(pull, 4);

            push.set(SocketOption.SNDHWM, 2);
            assertEquals(5, sendUntilRefused(push, 0), "SNDHWM 2 + the binder's RCVHWM 3");
            Spec.assertReceivesNumbered(pull, 5);
        }
    }

    /**
     * Lowered below what is queued, the limit refuses new messages until the receiver has taken enough, and nothing
     * queued is lost: all 6 arrive, then the lower limit (1 + 1) holds.
     */
    @Test
    void shouldLowerTheLimitOfAFullPipeWithoutLosingWhatItHolds() {
        try (Context ctx = new Context();
                Socket push = Spec.socket(ctx, PUSH);
                Socket pull = Spec.socket(ctx, PULL)) {
            connectInproc(push, 5, pull, 1);
            assertEquals(6, Spec.sendUntilRefused(push, 4));

            push.set(SocketOption.SNDHWM, 1);
            assertTrue(Spec.cannotSend(push), "6 queued, limit now 2");
            Spec.assertReceivesNumbered(pull, 6);
            assertEquals(2, Spec.sendUntilRefused(push, 4), "SNDHWM 1 + RCVHWM 1 once the queue is empty");
            Spec.assertReceivesNumbered(pull, 2);
        }
    }

    /** RCVHWM raised on the receiving socket raises the limit of messages coming to it, as SNDHWM does. */
    @Test
    void shouldApplyARaisedRcvhwmToAConnectedPipe() {
        try (Context ctx = new Context();
                Socket push = Spec.socket(ctx, PUSH);
                Socket pull = Spec.socket(ctx, PULL)) {
            connectInproc(push, 1, pull, 1);
            assertEquals(2, Spec.sendUntilRefused(push, 4));

            pull.set(SocketOption.RCVHWM, 3);
            // The sending socket adopts the change when it next handles its commands, as any send does first.
            assertEquals(2, sendUntilRefused(push, 2), "SNDHWM 1 + RCVHWM 3 = 4 queued in all");
            Spec.assertReceivesNumbered(pull, 4);
        }
    }

    private static void connectInproc(Socket push, int sndHwm, Socket pull, int rcvHwm) {
        pull.set(SocketOption.RCVHWM, rcvHwm);
        push.set(SocketOption.SNDHWM, sndHwm);
        push.connect(Transport.INPROC.bind(pull));
    }

    /** Sends messages numbered from {@code first} until one is refused; returns how many were taken. */
    private static int sendUntilRefused(Socket push, int first) {
        int i = first;
        while (push.send(Spec.numbered(i, 4), Socket.DONTWAIT)) {
            i++;
        }
        return i - first;
    }

    /**
     * Over a connection the change reaches the connection's side of the pipe too. SNDHWM lowered from 1000 to 1 on a
     * connected PUSH: a stream of 5,000 blocking sends must keep flowing. The connection wakes the sender every
     * (hwm + 1) / 2 messages it takes; had it kept counting to 500 under a limit of 1, the sender would wait forever.
     */
    @TransportTest
    void shouldKeepAStreamFlowingAfterSndhwmIsLoweredOnAConnectedSocket(Transport transport) {
        int n = 5_000;
        try (Context ctx = new Context();
                Socket push = Spec.socket(ctx, PUSH);
                Socket pull = Spec.socket(ctx, PULL)) {
            push.connect(transport.bind(pull));
            push.set(SocketOption.SNDTIMEO, Spec.TIMEOUT_MS);
            assertTrue(push.send(Spec.numbered(0, 4)));
            Spec.assertReceivesNumbered(pull, 1); // connected: the pipe exists on both sides

            push.set(SocketOption.SNDHWM, 1);
            pull.set(SocketOption.RCVHWM, 1);
            Worker<Void> sender = Worker.run("sender", () -> {
                for (int i = 0; i < n; i++) {
                    assertTrue(push.send(Spec.numbered(i, 4)), "send " + i + " timed out: the sender was never woken");
                }
            });
            Spec.assertReceivesNumbered(pull, n);
            sender.join(Duration.ofMillis(Spec.TIMEOUT_MS));
            assertFalse(pull.hasMore());
        }
    }

    /**
     * Limits changed again and again by both sockets while messages stream (each socket changes its own, on its own
     * thread): every message arrives, in order, and no side is left waiting for a wake-up that an earlier limit
     * would have sent.
     */
    @TransportTest
    void shouldKeepEveryMessageWhileBothSidesKeepChangingTheirLimits(Transport transport) {
        int n = 20_000;
        int[] limits = {1, 1000, 2, 0, 7, 500, 3};
        try (Context ctx = new Context();
                Socket push = Spec.socket(ctx, PUSH);
                Socket pull = Spec.socket(ctx, PULL)) {
            push.connect(transport.bind(pull));
            push.set(SocketOption.SNDTIMEO, Spec.TIMEOUT_MS);
            Worker<Void> sender = Worker.run("sender", () -> {
                for (int i = 0; i < n; i++) {
                    if (i % 97 == 0) {
                        push.set(SocketOption.SNDHWM, limits[(i / 97) % limits.length]);
                    }
                    assertTrue(push.send(Spec.numbered(i, 4)), "send " + i + " timed out");
                }
            });
            for (int i = 0; i < n; i++) {
                if (i % 89 == 0) {
                    pull.set(SocketOption.RCVHWM, limits[(i / 89 + 3) % limits.length]);
                }
                Spec.assertReceivesNumberedRange(pull, i, i + 1);
            }
            sender.join(Duration.ofMillis(Spec.TIMEOUT_MS));
        }
    }
}

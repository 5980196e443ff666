package org.zmq4j.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.zmq4j.Context;
import org.zmq4j.MonitorEvent;
import org.zmq4j.MonitorEvent.Type;
import org.zmq4j.Socket;
import org.zmq4j.SocketOption;
import org.zmq4j.SocketType;
import org.zmq4j.testing.Contexts;
import org.zmq4j.testing.MonitorProbe;
import org.zmq4j.testing.Transport;

/**
 * Peers may start, stop and restart in any order. 37/ZMTP 3.1: "The peer SHALL treat an unexpected connection
 * close as a temporary error, and SHOULD reconnect", and "if a peer reconnects more than once, it should increase
 * the delay between reconnects".
 */
class StartOrderTest {
    private static final int TIMEOUT_MS = 5_000;

    private Context ctx;

    @BeforeEach
    void createContext() {
        ctx = new Context();
    }

    @AfterEach
    void closeContext() {
        Contexts.close(ctx);
    }

    private Socket socket(SocketType type) {
        Socket s = ctx.socket(type);
        s.set(SocketOption.LINGER, 0);
        s.set(SocketOption.RCVTIMEO, TIMEOUT_MS);
        return s;
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void shouldDeliverMessagesSentBeforeThePeerBoundWhenConnectCameFirst(Transport transport) {
        String endpoint = transport.unusedEndpoint();
        try (Socket push = socket(SocketType.PUSH); Socket pull = socket(SocketType.PULL)) {
            push.connect(endpoint);
            for (int i = 0; i < 10; i++) {
                assertTrue(push.trySend("early " + i), "queued while nobody is bound");
            }

            pull.bind(endpoint);

            for (int i = 0; i < 10; i++) {
                assertEquals("early " + i, pull.recvStr());
            }
            push.send("late");
            assertEquals("late", pull.recvStr());
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"TCP", "IPC"})
    void shouldReconnectWithGrowingBackOffAndDeliverAgainWhenTheBoundPeerRestarts(Transport transport) {
        try (Socket push = socket(SocketType.PUSH)) {
            push.set(SocketOption.RECONNECT_IVL, 20);
            push.set(SocketOption.RECONNECT_IVL_MAX, 400);
            try (MonitorProbe events = MonitorProbe.attach(ctx, push)) {
                Socket first = socket(SocketType.PULL);
                first.bind(transport.bindEndpoint());
                String endpoint = first.lastEndpoint();
                push.connect(endpoint);
                push.send("to the first");
                assertEquals("to the first", first.recvStr());

                first.close();
                events.await(Type.DISCONNECTED);
                // Nobody listens: each attempt fails and the next waits longer (RECONNECT_IVL doubling up to
                // RECONNECT_IVL_MAX, plus up to RECONNECT_IVL of jitter, as libzmq).
                List<Long> intervals = new ArrayList<>();
                while (intervals.size() < 3) {
                    intervals.add(events.await(Type.CONNECT_RETRIED).value());
                }
                assertTrue(intervals.get(0) < intervals.get(1) && intervals.get(1) < intervals.get(2),
                        "growing reconnect intervals " + intervals);
                assertTrue(intervals.get(2) <= 400 + 20, "capped near RECONNECT_IVL_MAX " + intervals);

                push.send("queued while down");
                try (Socket second = socket(SocketType.PULL)) {
                    second.bind(endpoint);
                    assertEquals("queued while down", second.recvStr());
                    push.send("to the second");
                    assertEquals("to the second", second.recvStr());
                }
            }
        }
    }

    /**
     * Closing a socket and binding a new one to the same endpoint at once, fifty times: each new listener is the
     * one that serves (for ipc, the closed listener's cleanup must not unlink the new socket file).
     */
    @ParameterizedTest
    @EnumSource(names = {"TCP", "IPC"})
    void shouldServeFromANewSocketBoundToTheEndpointOfOneJustClosed(Transport transport) {
        String endpoint = transport.unusedEndpoint();
        try (Socket push = socket(SocketType.PUSH); MonitorProbe events = MonitorProbe.attach(ctx, push)) {
            push.set(SocketOption.RECONNECT_IVL, 10);
            push.connect(endpoint);
            for (int round = 0; round < 50; round++) {
                try (Socket pull = socket(SocketType.PULL)) {
                    pull.bind(endpoint);
                    push.send("round " + round);
                    assertEquals("round " + round, pull.recvStr(), "round " + round);
                }
                // What is sent before the PUSH sees the old connection end may go down it and be lost, as in
                // libzmq; after DISCONNECTED it waits in the queue for the next connection.
                events.await(Type.DISCONNECTED);
            }
        }
    }

    /**
     * 29/PUBSUB via libzmq: a subscriber keeps its subscriptions and sends them again to whatever publisher it
     * reconnects to, so a new PUB on the old endpoint delivers the subscribed topic, and only that topic.
     */
    @ParameterizedTest
    @EnumSource(names = {"TCP", "IPC"})
    void shouldResubscribeAfterReconnectSoANewPublisherOnTheSameEndpointDeliversTheTopic(Transport transport) {
        try (Socket sub = socket(SocketType.SUB)) {
            sub.set(SocketOption.RECONNECT_IVL, 20);
            sub.set(SocketOption.RCVTIMEO, 20);
            sub.subscribe("weather");
            try (MonitorProbe events = MonitorProbe.attach(ctx, sub)) {
                Socket first = socket(SocketType.PUB);
                first.bind(transport.bindEndpoint());
                String endpoint = first.lastEndpoint();
                sub.connect(endpoint);
                assertEquals("weather 1", publishUntilReceived(first, sub, "weather 1"));
                first.close();
                events.await(Type.DISCONNECTED);

                try (Socket second = socket(SocketType.PUB)) {
                    second.bind(endpoint);
                    assertEquals("weather 2", publishUntilReceived(second, sub, "weather 2"));
                }
            }
        }
    }

    /**
     * A PUB drops messages until the subscription arrives (29/PUBSUB), and nothing tells the application when it
     * has: publish a filtered-out message and the wanted one until the wanted one comes through, within a
     * deadline. Fails if a message of the other topic ever arrives.
     */
    private static String publishUntilReceived(Socket pub, Socket sub, String wanted) {
        long deadline = System.nanoTime() + TIMEOUT_MS * 1_000_000L;
        while (System.nanoTime() - deadline < 0) {
            pub.send("sports " + wanted);
            pub.send(wanted);
            String got = sub.recvStr(); // RCVTIMEO bounds each round
            if (got != null) {
                assertFalse(got.startsWith("sports"), "unsubscribed topic delivered: " + got);
                return got;
            }
        }
        throw new AssertionError("no '" + wanted + "' within " + TIMEOUT_MS + " ms");
    }

    @ParameterizedTest
    @EnumSource(names = {"TCP", "IPC"})
    void shouldSeeTheDisconnectOfARestartedPeerAsAMonitorEvent(Transport transport) {
        try (Socket pull = socket(SocketType.PULL); MonitorProbe events = MonitorProbe.attach(ctx, pull)) {
            pull.set(SocketOption.RECONNECT_IVL, 20);
            String endpoint = transport.unusedEndpoint();
            pull.connect(endpoint);
            for (int round = 0; round < 3; round++) {
                try (Socket push = socket(SocketType.PUSH)) {
                    push.bind(endpoint);
                    MonitorEvent e = events.await(Type.HANDSHAKE_SUCCEEDED);
                    assertEquals(endpoint, e.endpoint());
                    push.send("round " + round);
                    assertEquals("round " + round, pull.recvStr());
                }
                events.await(Type.DISCONNECTED);
            }
        }
    }
}

package org.zmq4j.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.zmq4j.Message;
import org.zmq4j.MonitorEvent;
import org.zmq4j.Socket;
import org.zmq4j.SocketOption;
import org.zmq4j.SocketType;
import org.zmq4j.interop.LibzmqPeer.PeerOption;

/**
 * ZMTP 3.1 heartbeats (PING and PONG) between zmq4j and libzmq: connections that heartbeat stay up, and a libzmq
 * peer that hangs (SIGSTOP: its connection stays open but silent) is dropped, whether zmq4j heartbeats itself or
 * libzmq asked for it with a PING TTL.
 */
class HeartbeatInteropTest extends InteropTestSupport {
    private static final int INTERVAL = 50;
    private static final int TIMEOUT = 250;
    private static final int TTL = 500;
    /**
     * Twenty intervals of heartbeats and nothing else. What should happen in it cannot be observed from outside,
     * so this is a fixed time: long enough for heartbeats to flow, and for a broken PING or PONG to cost the
     * connection, four times over.
     */
    private static final Duration HEARTBEATS_ONLY = Duration.ofMillis(20 * INTERVAL);

    // 37/ZMTP 3.1: "When a peer receives a PING command it SHALL respond with a PONG command that echoes the
    // ping-context" ... "a peer SHOULD treat any incoming traffic (not just a PONG reply) as a sign of life."

    @ParameterizedTest(name = "{0}")
    @MethodSource("setups")
    void shouldKeepTheConnectionWhileZmq4jAndLibzmqHeartbeat(Setup setup) {
        Socket dealer = socket(SocketType.DEALER);
        dealer.set(SocketOption.HEARTBEAT_IVL, INTERVAL);
        dealer.set(SocketOption.HEARTBEAT_TIMEOUT, TIMEOUT);
        EventLog events = new EventLog(dealer);
        LibzmqPeer router = attach(dealer, SocketType.ROUTER, setup,
                PeerOption.of(SocketOption.HEARTBEAT_IVL, INTERVAL),
                PeerOption.of(SocketOption.HEARTBEAT_TIMEOUT, TIMEOUT));
        send(dealer, Message.of("before"));
        byte[] id = router.recv().frame(0);

        assertNull(router.recv(HEARTBEATS_ONLY));
        events.assertNone(MonitorEvent.Type.DISCONNECTED);
        send(dealer, Message.of("after"));
        Message after = router.recv();
        assertArrayEquals(id, after.frame(0), "libzmq ROUTER gave the connection a new routing id: it reconnected");
        router.send(Message.of(id, bytes("reply")));
        assertMessage(Message.of("reply"), receive(dealer));
    }

    // 37/ZMTP 3.1: "A peer SHOULD consider the connection dead in these cases: If it sends a PING command and does
    // not receive any traffic within some timeout."

    @ParameterizedTest(name = "{0}")
    @MethodSource("setups")
    void shouldDropAHungLibzmqPeerThatStopsAnsweringPings(Setup setup) {
        Socket dealer = socket(SocketType.DEALER);
        dealer.set(SocketOption.HEARTBEAT_IVL, INTERVAL);
        dealer.set(SocketOption.HEARTBEAT_TIMEOUT, TIMEOUT);
        EventLog events = new EventLog(dealer);
        LibzmqPeer router = attach(dealer, SocketType.ROUTER, setup);
        send(dealer, Message.of("before"));
        router.recv();

        router.freeze();
        events.await(MonitorEvent.Type.DISCONNECTED);
    }

    // 37/ZMTP 3.1: "If it receives a PING command with a non-zero TTL and then does not receive any further traffic
    // within that TTL." libzmq sends HEARTBEAT_TTL in its PINGs for this; zmq4j here does not heartbeat itself.

    @ParameterizedTest(name = "{0}")
    @MethodSource("setups")
    void shouldDropAHungLibzmqPeerOnceThePingTtlItSentRunsOut(Setup setup) {
        Socket router = socket(SocketType.ROUTER);
        EventLog events = new EventLog(router);
        LibzmqPeer dealer = attach(router, SocketType.DEALER, setup,
                PeerOption.of(SocketOption.HEARTBEAT_IVL, INTERVAL),
                PeerOption.of(SocketOption.HEARTBEAT_TIMEOUT, TIMEOUT),
                PeerOption.of(SocketOption.HEARTBEAT_TTL, TTL));
        dealer.send("before");
        receive(router);

        // Heartbeats flow first, so zmq4j holds a PING with the TTL when the peer hangs, and has answered them all.
        assertNull(dealer.recv(HEARTBEATS_ONLY));
        events.assertNone(MonitorEvent.Type.DISCONNECTED);
        dealer.freeze();
        events.await(MonitorEvent.Type.DISCONNECTED);
    }
}

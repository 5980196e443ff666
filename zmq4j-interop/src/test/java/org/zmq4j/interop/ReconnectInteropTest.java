package org.zmq4j.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.zmq4j.Message;
import org.zmq4j.MonitorEvent;
import org.zmq4j.Socket;
import org.zmq4j.SocketOption;
import org.zmq4j.SocketType;
import org.zmq4j.interop.LibzmqPeer.PeerOption;

/**
 * A libzmq peer that crashes (SIGKILL) and starts again on the same endpoint: a zmq4j socket that connected
 * reconnects by itself and traffic resumes, and a zmq4j socket that bound takes the new connection. The tests wait
 * for zmq4j's monitor events, never for a fixed time.
 */
class ReconnectInteropTest extends InteropTestSupport {
    // 30/PIPELINE, PUSH: "SHALL create this queue when initiating an outgoing connection to a peer, and SHALL
    // maintain the queue whether or not the connection is established."

    @ParameterizedTest(name = "{0}")
    @MethodSource("transports")
    void shouldReconnectPushToRestartedLibzmqPullAndDeliverWhatWasQueuedMeanwhile(Transport transport) {
        String endpoint = fixedEndpoint(transport);
        LibzmqPeer pull = bindPeer(SocketType.PULL, endpoint);
        Socket push = socket(SocketType.PUSH);
        EventLog events = new EventLog(push);
        push.connect(endpoint);
        send(push, Message.of("before restart"));
        assertMessage(Message.of("before restart"), pull.recv());

        pull.kill();
        events.await(MonitorEvent.Type.DISCONNECTED);
        send(push, Message.of("queued while down"));
        LibzmqPeer restarted = bindPeer(SocketType.PULL, endpoint);
        events.await(MonitorEvent.Type.HANDSHAKE_SUCCEEDED);
        send(push, large("after restart", 8));
        assertMessage(Message.of("queued while down"), restarted.recv());
        assertMessage(large("after restart", 8), restarted.recv());
    }

    // 29/PUBSUB: a PUB sends "only to subscribers who have a matching subscription", and the restarted PUB knows of
    // none until zmq4j's SUB subscribes again on the new connection; a matching message proves that it did.

    @ParameterizedTest(name = "{0}")
    @MethodSource("transports")
    void shouldResubscribeToRestartedLibzmqPub(Transport transport) {
        String endpoint = fixedEndpoint(transport);
        LibzmqPeer pub = bindPeer(SocketType.PUB, endpoint);
        Socket sub = socket(SocketType.SUB);
        EventLog events = new EventLog(sub);
        sub.subscribe("A");
        sub.connect(endpoint);
        awaitMatching("A-warm-up", () -> {
            pub.send("B-warm-up");
            pub.send("A-warm-up");
            return receive(sub, POLL_STEP);
        });

        pub.kill();
        events.await(MonitorEvent.Type.DISCONNECTED);
        LibzmqPeer restarted = bindPeer(SocketType.PUB, endpoint);
        awaitMatching("A-after-restart", () -> {
            restarted.send("B-after-restart");
            restarted.send("A-after-restart");
            return receive(sub, POLL_STEP);
        });
        restarted.send(large("B-unwanted-large", 9));
        restarted.send(large("A-large", 10));
        assertMessage(large("A-large", 10), nextMatching("A-after-restart", () -> receive(sub)));
    }

    // 28/REQREP, ROUTER: "SHALL create a double queue when a peer connects to it. If this peer disconnects, the
    // ROUTER socket SHALL destroy its double queue", so the routing id is free for the restarted peer.

    @ParameterizedTest(name = "{0}")
    @MethodSource("transports")
    void shouldRouteToRestartedLibzmqDealerUnderItsRoutingIdAgain(Transport transport) {
        Socket router = socket(SocketType.ROUTER);
        EventLog events = new EventLog(router);
        router.bind(bindEndpoint(transport));
        PeerOption id = PeerOption.of(SocketOption.ROUTING_ID, "peer-A");
        LibzmqPeer dealer = connectPeer(SocketType.DEALER, router.lastEndpoint(), id);
        dealer.send("before restart");
        assertMessage(Message.of("peer-A", "before restart"), receive(router));

        dealer.kill();
        events.await(MonitorEvent.Type.DISCONNECTED);
        LibzmqPeer restarted = connectPeer(SocketType.DEALER, router.lastEndpoint(), id);
        restarted.send("after restart");
        assertMessage(Message.of("peer-A", "after restart"), receive(router));
        send(router, Message.of("peer-A", "reply after restart"));
        assertMessage(Message.of("reply after restart"), restarted.recv());
    }

    /** An endpoint to bind again after a restart: a port that was free a moment ago, or a path in the temp dir. */
    private String fixedEndpoint(Transport transport) {
        if (transport == Transport.IPC) {
            return bindEndpoint(transport);
        }
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "tcp://127.0.0.1:" + s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

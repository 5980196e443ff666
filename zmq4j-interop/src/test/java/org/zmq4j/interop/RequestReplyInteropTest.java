package org.zmq4j.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.zmq4j.Message;
import org.zmq4j.Socket;
import org.zmq4j.SocketOption;
import org.zmq4j.SocketType;
import org.zmq4j.interop.LibzmqPeer.PeerOption;

/**
 * REQ, REP, DEALER and ROUTER against libzmq's, each side in each role, over every transport with either side
 * binding (28/REQREP). Every exchange carries a multipart message with an empty frame and then a 1 MiB one.
 */
class RequestReplyInteropTest extends InteropTestSupport {
    private static final byte[] EMPTY = new byte[0];
    private static final byte[] PEER_A = "peer-A".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PEER_B = "peer-B".getBytes(StandardCharsets.US_ASCII);

    // 28/REQREP, REQ: "SHALL prefix the outgoing message with an empty delimiter frame."

    @ParameterizedTest(name = "{0}")
    @MethodSource("setups")
    void shouldExchangeRequestsAndRepliesWithLibzmqRep(Setup setup) {
        Socket req = socket(SocketType.REQ);
        LibzmqPeer rep = attach(req, SocketType.REP, setup);
        for (int round = 0; round < 2; round++) {
            Message request = round == 0 ? multipart("request") : large("request", round);
            Message reply = round == 0 ? multipart("reply") : large("reply", -round);
            send(req, request);
            assertMessage(request, rep.recv());
            rep.send(reply);
            assertMessage(reply, receive(req));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("setups")
    void shouldAnswerLibzmqReqFromZmq4jRep(Setup setup) {
        Socket rep = socket(SocketType.REP);
        LibzmqPeer req = attach(rep, SocketType.REQ, setup);
        for (int round = 0; round < 2; round++) {
            Message request = round == 0 ? multipart("request") : large("request", round);
            Message reply = round == 0 ? multipart("reply") : large("reply", -round);
            req.send(request);
            assertMessage(request, receive(rep));
            send(rep, reply);
            assertMessage(reply, req.recv());
        }
    }

    // 28/REQREP, ROUTER: "SHALL prefix each incoming message with a frame containing the identity of the
    // originating double queue."

    @ParameterizedTest(name = "{0}")
    @MethodSource("setups")
    void shouldRouteRepliesFromLibzmqRouterToAnonymousZmq4jReq(Setup setup) {
        Socket req = socket(SocketType.REQ);
        LibzmqPeer router = attach(req, SocketType.ROUTER, setup);
        for (int round = 0; round < 2; round++) {
            Message request = round == 0 ? multipart("request") : large("request", round);
            Message reply = round == 0 ? multipart("reply") : large("reply", -round);
            send(req, request);
            byte[] id = routingIdOf(router.recv(), request);
            router.send(prefixed(reply, id, EMPTY));
            assertMessage(reply, receive(req));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("setups")
    void shouldRouteRepliesFromZmq4jRouterToAnonymousLibzmqReq(Setup setup) {
        Socket router = socket(SocketType.ROUTER);
        LibzmqPeer req = attach(router, SocketType.REQ, setup);
        for (int round = 0; round < 2; round++) {
            Message request = round == 0 ? multipart("request") : large("request", round);
            Message reply = round == 0 ? multipart("reply") : large("reply", -round);
            req.send(request);
            byte[] id = routingIdOf(receive(router), request);
            send(router, prefixed(reply, id, EMPTY));
            assertMessage(reply, req.recv());
        }
    }

    // 28/REQREP, REP: "SHALL remove and store the address envelope, including the delimiter." ... "SHALL prepend
    // the address envelope and delimiter."

    @ParameterizedTest(name = "{0}")
    @MethodSource("setups")
    void shouldExchangeWithLibzmqRepFromZmq4jDealerWithExplicitDelimiter(Setup setup) {
        Socket dealer = socket(SocketType.DEALER);
        LibzmqPeer rep = attach(dealer, SocketType.REP, setup);
        for (int round = 0; round < 2; round++) {
            Message request = round == 0 ? multipart("request") : large("request", round);
            Message reply = round == 0 ? multipart("reply") : large("reply", -round);
            send(dealer, prefixed(request, EMPTY));
            assertMessage(request, rep.recv());
            rep.send(reply);
            assertMessage(prefixed(reply, EMPTY), receive(dealer));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("setups")
    void shouldAnswerLibzmqDealerFromZmq4jRep(Setup setup) {
        Socket rep = socket(SocketType.REP);
        LibzmqPeer dealer = attach(rep, SocketType.DEALER, setup);
        for (int round = 0; round < 2; round++) {
            Message request = round == 0 ? multipart("request") : large("request", round);
            Message reply = round == 0 ? multipart("reply") : large("reply", -round);
            dealer.send(prefixed(request, EMPTY));
            assertMessage(request, receive(rep));
            send(rep, reply);
            assertMessage(prefixed(reply, EMPTY), dealer.recv());
        }
    }

    // 37/ZMTP 3.1: "A REQ, DEALER, or ROUTER peer connecting to a ROUTER MAY announce its identity, which is used
    // as an addressing mechanism by the ROUTER socket."

    @ParameterizedTest(name = "{0}")
    @MethodSource("setups")
    void shouldSeeZmq4jDealerRoutingIdAtLibzmqRouter(Setup setup) {
        Socket dealer = socket(SocketType.DEALER);
        dealer.set(SocketOption.ROUTING_ID, PEER_A);
        LibzmqPeer router = attach(dealer, SocketType.ROUTER, setup);
        for (int round = 0; round < 2; round++) {
            Message request = round == 0 ? multipart("request") : large("request", round);
            Message reply = round == 0 ? multipart("reply") : large("reply", -round);
            send(dealer, request);
            assertMessage(prefixed(request, PEER_A), router.recv());
            router.send(prefixed(reply, PEER_A));
            assertMessage(reply, receive(dealer));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("setups")
    void shouldSeeLibzmqDealerRoutingIdAtZmq4jRouter(Setup setup) {
        Socket router = socket(SocketType.ROUTER);
        LibzmqPeer dealer = attach(router, SocketType.DEALER, setup, PeerOption.of(SocketOption.ROUTING_ID, PEER_A));
        for (int round = 0; round < 2; round++) {
            Message request = round == 0 ? multipart("request") : large("request", round);
            Message reply = round == 0 ? multipart("reply") : large("reply", -round);
            dealer.send(request);
            assertMessage(prefixed(request, PEER_A), receive(router));
            send(router, prefixed(reply, PEER_A));
            assertMessage(reply, dealer.recv());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("setups")
    void shouldRouteByRoutingIdFromZmq4jRouterToTwoLibzmqDealers(Setup setup) {
        Socket router = socket(SocketType.ROUTER);
        List<LibzmqPeer> attached = attachEach(router, SocketType.DEALER, setup,
                new PeerOption[] {PeerOption.of(SocketOption.ROUTING_ID, PEER_A)},
                new PeerOption[] {PeerOption.of(SocketOption.ROUTING_ID, PEER_B)});
        Map<String, LibzmqPeer> dealers = Map.of("peer-A", attached.get(0), "peer-B", attached.get(1));
        dealers.forEach((id, dealer) -> dealer.send("hello from " + id));
        for (int i = 0; i < 2; i++) {
            Message m = receive(router);
            assertEquals(2, m.size(), () -> describe(m));
            assertEquals("hello from " + m.string(0), m.string(1));
        }
        for (String id : new String[] {"peer-B", "peer-A"}) {
            send(router, Message.of(id, "for " + id));
            assertMessage(Message.of("for " + id), dealers.get(id).recv());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("setups")
    void shouldRouteByRoutingIdFromLibzmqRouterToTwoZmq4jDealers(Setup setup) {
        Map<String, Socket> dealers = new HashMap<>();
        for (byte[] id : new byte[][] {PEER_A, PEER_B}) {
            Socket dealer = socket(SocketType.DEALER);
            dealer.set(SocketOption.ROUTING_ID, id);
            dealers.put(new String(id, StandardCharsets.US_ASCII), dealer);
        }
        LibzmqPeer router;
        if (setup.binder() == Binder.LIBZMQ) {
            router = bindPeer(SocketType.ROUTER, bindEndpoint(setup.transport()));
            dealers.values().forEach(d -> d.connect(router.endpoint()));
        } else {
            Socket first = dealers.get("peer-A");
            Socket second = dealers.get("peer-B");
            first.bind(bindEndpoint(setup.transport()));
            second.bind(bindEndpoint(setup.transport()));
            router = connectPeer(SocketType.ROUTER, first.lastEndpoint());
            router.connectAlso(second.lastEndpoint());
        }
        dealers.forEach((id, dealer) -> send(dealer, Message.of("hello from " + id)));
        for (int i = 0; i < 2; i++) {
            Message m = router.recv();
            assertEquals(2, m.size(), () -> describe(m));
            assertEquals("hello from " + m.string(0), m.string(1));
        }
        for (String id : new String[] {"peer-B", "peer-A"}) {
            router.send(id, "for " + id);
            assertMessage(Message.of("for " + id), receive(dealers.get(id)));
        }
    }

    // 37/ZMTP 3.1: "identity = 0*255OCTET"; "The first octet of the Identity SHALL NOT be zero".

    @ParameterizedTest(name = "{0}")
    @MethodSource("setups")
    void shouldCarryTheLongestRoutingIdBetweenZmq4jAndLibzmq(Setup setup) {
        byte[] longest = payload(255, 7);
        longest[0] = 'L';
        Socket router = socket(SocketType.ROUTER);
        LibzmqPeer dealer = attach(router, SocketType.DEALER, setup, PeerOption.of(SocketOption.ROUTING_ID, longest));
        dealer.send("to zmq4j");
        assertMessage(Message.of(longest, bytes("to zmq4j")), receive(router));
        send(router, Message.of(longest, bytes("back to libzmq")));
        assertMessage(Message.of("back to libzmq"), dealer.recv());

        Socket zmq4jDealer = socket(SocketType.DEALER);
        zmq4jDealer.set(SocketOption.ROUTING_ID, longest);
        LibzmqPeer libzmqRouter = attach(zmq4jDealer, SocketType.ROUTER, setup);
        send(zmq4jDealer, Message.of("to libzmq"));
        assertMessage(Message.of(longest, bytes("to libzmq")), libzmqRouter.recv());
        libzmqRouter.send(Message.of(longest, bytes("back to zmq4j")));
        assertMessage(Message.of("back to zmq4j"), receive(zmq4jDealer));
    }

    /** Checks that a ROUTER received [routing id, "", request...] from a REQ and returns the id it made up. */
    private static byte[] routingIdOf(Message received, Message request) {
        assertTrue(received.size() > 2 && received.frame(0).length > 0, () -> "no routing id in " + describe(received));
        byte[] id = received.frame(0);
        assertMessage(prefixed(request, id, EMPTY), received);
        return id;
    }
}

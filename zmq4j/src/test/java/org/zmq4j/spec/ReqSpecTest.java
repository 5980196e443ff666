package org.zmq4j.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zmq4j.SocketType.REP;
import static org.zmq4j.SocketType.REQ;
import static org.zmq4j.SocketType.ROUTER;
import static org.zmq4j.spec.Spec.assertReceives;
import static org.zmq4j.spec.Spec.send;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.zmq4j.Context;
import org.zmq4j.Socket;
import org.zmq4j.SocketOption;
import org.zmq4j.SocketStateException;

/** 28/REQREP, "The REQ Socket Type" (libzmq's test_spec_req). */
class ReqSpecTest {

    /** "SHALL send and then receive exactly one message at a time." */
    @TransportTest
    void shouldRefuseASecondRequestBeforeTheReply(Transport transport) {
        try (Context ctx = new Context();
                Socket rep = Spec.socket(ctx, REP);
                Socket req = Spec.socket(ctx, REQ)) {
            req.connect(transport.bind(rep));

            send(req, "first");
            assertThrows(SocketStateException.class, () -> req.send("second"));
            assertReceives(rep, "first");
            send(rep, "reply");
            assertReceives(req, "reply");
            assertThrows(SocketStateException.class, () -> req.recv(Socket.DONTWAIT));
            send(req, "second");
            assertReceives(rep, "second");
        }
    }

    /** "SHALL send and then receive exactly one message at a time." */
    @TransportTest
    void shouldRefuseToReceiveBeforeSendingARequest(Transport transport) {
        try (Context ctx = new Context();
                Socket rep = Spec.socket(ctx, REP);
                Socket req = Spec.socket(ctx, REQ)) {
            req.connect(transport.bind(rep));

            assertThrows(SocketStateException.class, () -> req.recv(Socket.DONTWAIT));
            send(req, "request");
            assertReceives(rep, "request");
        }
    }

    /**
     * "A delimiter, consisting of an empty frame, added by the REQ socket." and "SHALL prefix the outgoing message
     * with an empty delimiter frame."
     */
    @TransportTest
    void shouldPrefixEachRequestWithAnEmptyDelimiterFrame(Transport transport) {
        try (Context ctx = new Context();
                Socket router = Spec.socket(ctx, ROUTER);
                Socket req = Spec.socket(ctx, REQ)) {
            req.set(SocketOption.ROUTING_ID, Spec.bytes("client"));
            req.connect(transport.bind(router));

            send(req, "hello", "world");
            assertReceives(router, "client", "", "hello", "world");
            send(router, "client", "", "reply");
            assertReceives(req, "reply");
        }
    }

    /**
     * "The request and reply messages SHALL have this format on the wire: A delimiter, consisting of an empty
     * frame, added by the REQ socket. One or more data frames, comprising the message visible to the application."
     */
    @TransportTest
    void shouldDiscardRepliesWithoutTheDelimiter(Transport transport) {
        try (Context ctx = new Context();
                Socket router = Spec.socket(ctx, ROUTER);
                Socket req = Spec.socket(ctx, REQ)) {
            req.set(SocketOption.ROUTING_ID, Spec.bytes("client"));
            req.connect(transport.bind(router));
            send(req, "request");
            assertReceives(router, "client", "", "request");

            send(router, "client", "no delimiter");
            send(router, "client", "not empty", "", "misplaced delimiter");
            send(router, "client", "", "good");
            assertReceives(req, "good");
        }
    }

    /** "SHALL route outgoing messages to connected peers using a round-robin strategy." */
    @TransportTest
    void shouldRoundRobinRequestsAcrossReplyPeers(Transport transport) {
        try (Context ctx = new Context();
                Socket rep0 = Spec.socket(ctx, REP);
                Socket rep1 = Spec.socket(ctx, REP);
                Socket rep2 = Spec.socket(ctx, REP);
                Socket req = Spec.socket(ctx, REQ)) {
            Socket[] reps = {rep0, rep1, rep2};
            for (Socket rep : reps) {
                req.connect(transport.bind(rep));
            }

            List<Integer> servedBy = new ArrayList<>();
            for (int n = 0; n < 2 * reps.length; n++) {
                send(req, "request-" + n);
                int k = Spec.readable(reps);
                assertReceives(reps[k], "request-" + n);
                send(reps[k], "reply-" + n);
                assertReceives(req, "reply-" + n);
                servedBy.add(k);
            }
            assertEquals(reps.length, new HashSet<>(servedBy.subList(0, reps.length)).size(),
                    "each peer gets one request per round: " + servedBy);
            assertEquals(servedBy.subList(0, reps.length), servedBy.subList(reps.length, 2 * reps.length),
                    "the rotation repeats: " + servedBy);
        }
    }

    /** "SHALL block on sending, or return a suitable error, when it has no connected peers." */
    @TransportTest
    void shouldBlockSendingWhileItHasNoPeers(Transport transport) throws InterruptedException {
        try (Context ctx = new Context();
                Socket req = Spec.socket(ctx, REQ);
                Socket rep = Spec.socket(ctx, REP)) {
            String endpoint = transport.bind(req);

            assertFalse(req.send("refused", Socket.DONTWAIT));
            req.set(SocketOption.SNDTIMEO, 50);
            assertFalse(req.send("timed out"));

            Thread connector = new Thread(() -> rep.connect(endpoint));
            req.set(SocketOption.SNDTIMEO, Spec.TIMEOUT_MS);
            connector.start();
            assertTrue(req.send("blocked until a peer came"));
            connector.join();
            assertReceives(rep, "blocked until a peer came");
        }
    }

    /** "SHALL NOT discard messages that it cannot send to a connected peer." */
    @TransportTest
    void shouldKeepARequestQueuedUntilThePeerIsReachable(Transport transport) {
        try (Context ctx = new Context();
                Socket req = Spec.socket(ctx, REQ);
                Socket rep = Spec.socket(ctx, REP)) {
            String endpoint = transport.unboundEndpoint();
            req.connect(endpoint);

            assertTrue(req.send("sent before the peer existed", Socket.DONTWAIT));
            rep.bind(endpoint);
            assertReceives(rep, "sent before the peer existed");
            send(rep, "reply");
            assertReceives(req, "reply");
        }
    }

    /**
     * "SHALL accept an incoming message only from the last peer that it sent a request to." and "SHALL discard
     * silently any messages received from other peers."
     */
    @TransportTest
    void shouldAcceptTheReplyOnlyFromThePeerItSentTheRequestTo(Transport transport) {
        try (Context ctx = new Context();
                Socket router0 = Spec.socket(ctx, ROUTER);
                Socket router1 = Spec.socket(ctx, ROUTER);
                Socket router2 = Spec.socket(ctx, ROUTER);
                Socket req = Spec.socket(ctx, REQ)) {
            Socket[] routers = {router0, router1, router2};
            req.set(SocketOption.ROUTING_ID, Spec.bytes("A"));
            for (Socket router : routers) {
                req.connect(transport.bind(router));
            }
            // One round trip with every peer, so each knows the REQ and can address it.
            for (int n = 0; n < routers.length; n++) {
                send(req, "hello");
                int k = Spec.readable(routers);
                assertReceives(routers[k], "A", "", "hello");
                send(routers[k], "A", "", "welcome");
                assertReceives(req, "welcome");
            }

            send(req, "ABC");
            int asked = Spec.readable(routers);
            assertReceives(routers[asked], "A", "", "ABC");
            for (int j = 0; j < routers.length; j++) {
                if (j != asked) {
                    send(routers[j], "A", "", "WRONG");
                }
            }
            send(routers[asked], "A", "", "GOOD");
            assertReceives(req, "GOOD");
        }
    }
}

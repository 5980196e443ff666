package org.zmq4j.spec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zmq4j.SocketType.DEALER;
import static org.zmq4j.SocketType.ROUTER;
import static org.zmq4j.spec.Spec.assertReceives;
import static org.zmq4j.spec.Spec.send;

import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.zmq4j.Context;
import org.zmq4j.HostUnreachableException;
import org.zmq4j.Message;
import org.zmq4j.Socket;
import org.zmq4j.SocketOption;

/**
 * 28/REQREP, "The ROUTER Socket Type" (libzmq's test_spec_router and test_router_mandatory). Peers are DEALERs.
 * "SHALL deliver the resulting messages to its calling application" is exercised by every test.
 */
class RouterSpecTest {

    private static Socket dealer(Context ctx, String routingId) {
        Socket d = Spec.socket(ctx, DEALER);
        d.set(SocketOption.ROUTING_ID, Spec.bytes(routingId));
        return d;
    }

    /**
     * "SHALL maintain a double queue for each connected peer, allowing outgoing and incoming messages to be queued
     * independently."
     */
    @TransportTest
    void shouldQueueOutgoingAndIncomingMessagesIndependently(Transport transport) {
        try (Context ctx = new Context();
                Socket router = Spec.socket(ctx, ROUTER);
                Socket peer = dealer(ctx, "P")) {
            peer.connect(transport.bind(router));
            send(peer, "hello");
            assertReceives(router, "P", "hello");

            for (int i = 0; i < 10; i++) {
                send(router, "P", "out-" + i);
                send(peer, "in-" + i);
            }
            for (int i = 0; i < 10; i++) {
                assertReceives(peer, "out-" + i);
            }
            for (int i = 0; i < 10; i++) {
                assertReceives(router, "P", "in-" + i);
            }
        }
    }

    /**
     * "SHALL create a double queue when initiating an outgoing connection to a peer, and SHALL maintain the double
     * queue whether or not the connection is established."
     */
    @TransportTest
    void shouldQueueMessagesForAPeerItConnectsToBeforeThePeerExists(Transport transport) {
        try (Context ctx = new Context();
                Socket router = Spec.socket(ctx, ROUTER);
                Socket peer = Spec.socket(ctx, DEALER)) {
            router.set(SocketOption.ROUTER_MANDATORY, true);
            router.set(SocketOption.CONNECT_ROUTING_ID, Spec.bytes("later"));
            String endpoint = transport.unboundEndpoint();
            router.connect(endpoint);

            assertTrue(router.send(Message.of("later", "early"), Socket.DONTWAIT));
            peer.bind(endpoint);
            assertReceives(peer, "early");
            send(peer, "back");
            assertReceives(router, "later", "back");
        }
    }

    /**
     * "SHALL create a double queue when a peer connects to it. If this peer disconnects, the ROUTER socket SHALL
     * destroy its double queue and SHALL discard any messages it contains."
     */
    @TransportTest
    void shouldDestroyTheQueueOfAPeerThatDisconnects(Transport transport) {
        try (Context ctx = new Context();
                Socket router = Spec.socket(ctx, ROUTER);
                Socket peer = dealer(ctx, "B")) {
            router.set(SocketOption.ROUTER_MANDATORY, true);
            String endpoint = transport.bind(router);
            peer.connect(endpoint);
            send(peer, "hello");
            assertReceives(router, "B", "hello");
            send(router, "B", "queued for the first connection");

            peer.disconnect(endpoint);
            Spec.await("the ROUTER has dropped the queue of B", () -> isUnroutable(router, "B"));

            peer.connect(endpoint);
            send(peer, "hello again");
            assertReceives(router, "B", "hello again");
            send(router, "B", "for the second connection");
            assertReceives(peer, "for the second connection");
        }
    }

    /** With ROUTER_MANDATORY: true if {@code id} names no queue; otherwise sends it a probe message. */
    private static boolean isUnroutable(Socket router, String id) {
        try {
            router.sendMore(Spec.bytes(id));
        } catch (HostUnreachableException e) {
            return true;
        }
        router.send("probe");
        return false;
    }

    /** "SHALL identify each double queue using a unique "identity" binary string." */
    @TransportTest
    void shouldGiveEachPeerADistinctIdentity(Transport transport) {
        try (Context ctx = new Context();
                Socket router = Spec.socket(ctx, ROUTER);
                Socket peer0 = Spec.socket(ctx, DEALER);
                Socket peer1 = Spec.socket(ctx, DEALER);
                Socket peer2 = Spec.socket(ctx, DEALER)) {
            Socket[] peers = {peer0, peer1, peer2};
            String endpoint = transport.bind(router);
            for (int i = 0; i < peers.length; i++) {
                peers[i].connect(endpoint);
                send(peers[i], "from-" + i);
            }

            Set<ByteBuffer> ids = new HashSet<>();
            for (int n = 0; n < peers.length; n++) {
                Message m = Spec.receive(router);
                assertEquals(2, m.size());
                assertTrue(m.frame(0).length > 0, "an identity is never empty");
                ids.add(ByteBuffer.wrap(m.frame(0)));
                assertTrue(router.send(Message.of(m.frame(0), Spec.bytes("to-" + m.string(1).substring(5)))));
            }
            assertEquals(peers.length, ids.size(), "identities are unique");
            for (int i = 0; i < peers.length; i++) {
                assertReceives(peers[i], "to-" + i);
            }
        }
    }

    /** "SHOULD allow the peer to specify its identity explicitly through the Identity metadata property." */
    @TransportTest
    void shouldUseTheIdentityThePeerAnnounces(Transport transport) {
        try (Context ctx = new Context();
                Socket router = Spec.socket(ctx, ROUTER);
                Socket peer = Spec.socket(ctx, DEALER)) {
            byte[] id = {(byte) 0xFF, 0, 'i', 'd'};
            peer.set(SocketOption.ROUTING_ID, id);
            peer.connect(transport.bind(router));

            send(peer, "hello");
            Message m = Spec.receive(router);
            assertArrayEquals(id, m.frame(0));
        }
    }

    /**
     * "SHALL receive incoming messages from its peers using a fair-queuing strategy." ({@link FairQueueing}: exact
     * rounds over inproc, no starvation over every transport)
     */
    @TransportTest
    void shouldFairQueueIncomingMessages(Transport transport) {
        try (Context ctx = new Context();
                Socket router = Spec.socket(ctx, ROUTER);
                Socket busy = dealer(ctx, "busy");
                Socket quiet = dealer(ctx, "quiet")) {
            String endpoint = transport.bind(router);
            busy.connect(endpoint);
            quiet.connect(endpoint);
            Socket[] peers = {busy, quiet};
            if (transport == Transport.INPROC) {
                for (int round = 0; round < 3; round++) {
                    for (int i = 0; i < peers.length; i++) {
                        send(peers[i], FairQueueing.body(i, round));
                    }
                }
                FairQueueing.assertOneFromEachPeerPerRound(peers.length, 3, () -> Spec.receive(router).string(1));
            }

            try (Flood flood = new Flood(busy, Message.of("flood"))) {
                assertReceives(router, "busy", "flood");
                send(quiet, "quiet");
                flood.receiveUntil(router, "quiet", () -> { });
            }
        }
    }

    /** "SHALL prefix each incoming message with a frame containing the identity of the originating double queue." */
    @TransportTest
    void shouldPrefixEachIncomingMessageWithTheSendersIdentity(Transport transport) {
        try (Context ctx = new Context();
                Socket router = Spec.socket(ctx, ROUTER);
                Socket alice = dealer(ctx, "alice");
                Socket bob = dealer(ctx, "bob")) {
            String endpoint = transport.bind(router);
            alice.connect(endpoint);
            bob.connect(endpoint);

            send(alice, "a-1", "a-2");
            assertReceives(router, "alice", "a-1", "a-2");
            send(bob, "b-1", "", "b-3");
            assertReceives(router, "bob", "b-1", "", "b-3");
        }
    }

    /** "SHALL remove the first frame from each outgoing message and use this as the identity of a double queue." */
    @TransportTest
    void shouldTakeTheFirstFrameOfEachOutgoingMessageAsTheIdentity(Transport transport) {
        try (Context ctx = new Context();
                Socket router = Spec.socket(ctx, ROUTER);
                Socket peer = dealer(ctx, "P")) {
            peer.connect(transport.bind(router));
            send(peer, "hello");
            assertReceives(router, "P", "hello");

            send(router, "P", "x", "", "z");
            assertReceives(peer, "x", "", "z");
        }
    }

    /** "SHALL route the message to the outgoing queue if that queue exists, and has space." */
    @TransportTest
    void shouldRouteEachMessageToThePeerItNames(Transport transport) {
        try (Context ctx = new Context();
                Socket router = Spec.socket(ctx, ROUTER);
                Socket one = dealer(ctx, "one");
                Socket two = dealer(ctx, "two")) {
            String endpoint = transport.bind(router);
            for (Socket peer : new Socket[] {one, two}) {
                peer.connect(endpoint);
                send(peer, "hello");
                Spec.receive(router);
            }

            send(router, "two", "for two");
            send(router, "one", "for one");
            send(router, "two", "for two again");
            assertReceives(one, "for one");
            assertReceives(two, "for two");
            assertReceives(two, "for two again");
        }
    }

    /**
     * "SHALL either silently drop the message, or return an error, depending on configuration, if the queue does
     * not exist, or is full." (no configuration: unknown identity)
     */
    @TransportTest
    void shouldSilentlyDropMessagesForAnUnknownIdentity(Transport transport) {
        try (Context ctx = new Context();
                Socket router = Spec.socket(ctx, ROUTER);
                Socket peer = dealer(ctx, "P")) {
            peer.connect(transport.bind(router));
            send(peer, "hello");
            assertReceives(router, "P", "hello");

            assertTrue(router.send(Message.of("nobody", "lost")));
            send(router, "P", "delivered");
            assertReceives(peer, "delivered");
        }
    }

    /**
     * "SHALL either silently drop the message, or return an error, depending on configuration, if the queue does
     * not exist, or is full." (ROUTER_MANDATORY: unknown identity)
     */
    @TransportTest
    void shouldReportAnUnknownIdentityWhenRoutingIsMandatory(Transport transport) {
        try (Context ctx = new Context();
                Socket router = Spec.socket(ctx, ROUTER);
                Socket peer = dealer(ctx, "P")) {
            router.set(SocketOption.ROUTER_MANDATORY, true);
            peer.connect(transport.bind(router));
            send(peer, "hello");
            assertReceives(router, "P", "hello");

            assertThrows(HostUnreachableException.class, () -> router.sendMore("nobody"));
            send(router, "P", "delivered");
            assertReceives(peer, "delivered");
        }
    }

    /**
     * "SHALL either silently drop the message, or return an error, depending on configuration, if the queue does
     * not exist, or is full." (no configuration: full queue) and "SHALL NOT block on sending."
     */
    @TransportTest
    void shouldDropMessagesForAPeerWhoseQueueIsFullWithoutBlocking(Transport transport) {
        try (Context ctx = new Context();
                Socket router = Spec.socket(ctx, ROUTER);
                Socket peer = dealer(ctx, "P")) {
            router.set(SocketOption.SNDHWM, 1);
            peer.set(SocketOption.RCVHWM, 1);
            peer.connect(transport.bind(router));
            send(peer, "hello");
            assertReceives(router, "P", "hello");

            byte[] id = Spec.bytes("P");
            List<Integer> received = Spec.sendBurstThenDrain(router, m -> Message.of(id, m), peer, 1000);
            Spec.assertSomeDroppedRestInOrder(received, 1000);
        }
    }

    /**
     * "SHALL either silently drop the message, or return an error, depending on configuration, if the queue does
     * not exist, or is full." (ROUTER_MANDATORY: full queue)
     */
    @TransportTest
    void shouldRefuseMessagesForAFullPeerWhenRoutingIsMandatory(Transport transport) {
        try (Context ctx = new Context();
                Socket router = Spec.socket(ctx, ROUTER);
                Socket peer = dealer(ctx, "P")) {
            router.set(SocketOption.ROUTER_MANDATORY, true);
            router.set(SocketOption.SNDHWM, 1);
            peer.set(SocketOption.RCVHWM, 1);
            peer.connect(transport.bind(router));
            send(peer, "hello");
            assertReceives(router, "P", "hello");

            byte[] id = Spec.bytes("P");
            int accepted = 0;
            while (router.send(id, Socket.SNDMORE | Socket.DONTWAIT)) {
                assertTrue(router.send(Spec.numbered(accepted, 16 * 1024)));
                accepted++;
                assertTrue(accepted < 1_000_000, "a peer that reads nothing never filled up");
            }
            assertTrue(accepted > 0, "an empty queue accepts a message");
            Spec.assertReceivesNumbered(peer, accepted);
            // Nothing of the refused message was queued: sent again it arrives once, right after the others.
            assertTrue(router.send(Message.of(id, Spec.numbered(accepted, 4))));
            Spec.assertReceivesNumberedRange(peer, accepted, accepted + 1);
        }
    }
}

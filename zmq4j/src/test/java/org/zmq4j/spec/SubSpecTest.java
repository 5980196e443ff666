package org.zmq4j.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zmq4j.SocketType.PUB;
import static org.zmq4j.SocketType.SUB;
import static org.zmq4j.spec.Spec.assertReceivesIgnoringSync;

import org.zmq4j.Context;
import org.zmq4j.Message;
import org.zmq4j.Socket;
import org.zmq4j.SocketType;
import org.zmq4j.ZmqException;

/**
 * 29/PUBSUB, "The SUB Socket Type". Prefix filtering is in {@link SubscriptionSpecTest}. Not checked: "If this
 * publisher disconnects, the SUB socket SHALL destroy its queue and SHALL discard any messages it contains" — the
 * messages a SUB already holds stay readable in libzmq, and nothing else of the queue is visible to the API.
 */
class SubSpecTest {

    /** "MAY be connected to any number of PUB or XPUB publishers, and SHALL only receive messages." */
    @TransportTest
    void shouldRefuseToSend(Transport transport) {
        try (Context ctx = new Context();
                Socket pub = Spec.socket(ctx, PUB);
                Socket sub = PubSubScenarios.subscriber(ctx, SUB, transport.bind(pub))) {
            ZmqException e = assertThrows(ZmqException.class, () -> sub.send("upstream"));
            assertEquals(ZmqException.ENOTSUP, e.errorCode());
        }
    }

    /**
     * "SHALL create a queue when initiating an outgoing connection to a publisher, and SHALL maintain the queue
     * whether or not the connection is established."
     */
    @TransportTest
    void shouldReceiveFromAPublisherItConnectedToBeforeThePublisherBound(Transport transport) {
        try (Context ctx = new Context();
                Socket sub = Spec.socket(ctx, SUB);
                Socket pub = Spec.socket(ctx, PUB)) {
            String endpoint = transport.unboundEndpoint();
            sub.subscribe("");
            sub.connect(endpoint);
            pub.bind(endpoint);

            Spec.awaitSubscribed(pub, sub);
            assertTrue(pub.send("hello"));
            assertReceivesIgnoringSync(sub, "hello");
        }
    }

    /** "SHALL silently discard messages if the queue for a publisher is full." */
    @TransportTest
    void shouldDiscardMessagesWhenItsQueueIsFull(Transport transport) {
        PubSubScenarios.fullSubscriberQueueDropsMessages(transport, PUB, SUB);
    }

    /**
     * "SHALL receive incoming messages from its publishers using a fair-queuing strategy." ({@link FairQueueing}: exact
     * rounds over inproc, no starvation over every transport)
     */
    @TransportTest
    void shouldFairQueueIncomingMessages(Transport transport) {
        fairQueueFromPublishers(transport, SUB);
    }

    /** Shared with {@link XSubSpecTest}: a subscriber of {@code type} fair-queues from two PUBs. */
    static void fairQueueFromPublishers(Transport transport, SocketType type) {
        try (Context ctx = new Context();
                Socket sub = Spec.socket(ctx, type);
                Socket busy = Spec.socket(ctx, PUB);
                Socket quiet = Spec.socket(ctx, PUB)) {
            Spec.subscribe(sub, "");
            sub.connect(transport.bind(busy));
            sub.connect(transport.bind(quiet));
            Socket[] peers = {busy, quiet};
            if (transport == Transport.INPROC) {
                for (Socket pub : peers) {
                    Spec.awaitSubscribed(pub, sub);
                }
                for (int round = 0; round < 3; round++) {
                    for (int i = 0; i < peers.length; i++) {
                        assertTrue(peers[i].send(FairQueueing.body(i, round)));
                    }
                }
                FairQueueing.assertOneFromEachPeerPerRound(peers.length, 3,
                        () -> Spec.receiveIgnoringSync(sub).string(0));
            }

            try (Flood flood = new Flood(busy, Message.of("flood"))) {
                Spec.assertReceivesIgnoringSync(sub, "flood");
                flood.receiveUntil(sub, "quiet", () -> assertTrue(quiet.send("quiet")));
            }
        }
    }

    /** "SHALL not modify incoming messages in any way." */
    @TransportTest
    void shouldDeliverMessagesUnmodified(Transport transport) {
        PubSubScenarios.messagesPassUnmodified(transport, PUB, SUB);
    }
}

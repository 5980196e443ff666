package org.zmq4j.spec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zmq4j.SocketType.SUB;
import static org.zmq4j.SocketType.XPUB;
import static org.zmq4j.SocketType.XSUB;
import static org.zmq4j.spec.Spec.assertReceives;
import static org.zmq4j.spec.Spec.send;
import static org.zmq4j.spec.Spec.subscription;

import org.zmq4j.Context;
import org.zmq4j.Message;
import org.zmq4j.Socket;

/**
 * 29/PUBSUB, "The XPUB Socket Type". Subscription messages reach the application as libzmq passes them: 0x01
 * (subscribe) or 0x00 (cancel) followed by the topic.
 */
class XPubSpecTest {

    /**
     * "SHALL maintain a double queue for each connected subscriber, allowing outgoing and incoming messages to be
     * queued independently."
     */
    @TransportTest
    void shouldQueueOutgoingAndIncomingMessagesIndependently(Transport transport) {
        try (Context ctx = new Context();
                Socket xpub = Spec.socket(ctx, XPUB);
                Socket xsub = Spec.socket(ctx, XSUB)) {
            xsub.connect(transport.bind(xpub));
            Spec.subscribe(xsub, "");
            assertArrayEquals(subscription(true, new byte[0]), Spec.receive(xpub).frame(0));

            for (int i = 0; i < 10; i++) {
                send(xpub, "down", "" + i);
                send(xsub, "up", "" + i);
            }
            for (int i = 0; i < 10; i++) {
                assertReceives(xsub, "down", "" + i);
            }
            for (int i = 0; i < 10; i++) {
                assertReceives(xpub, "up", "" + i);
            }
        }
    }

    /**
     * "SHALL create a double queue when initiating an outgoing connection to a subscriber, and SHALL maintain the
     * double queue whether or not the connection is established."
     */
    @TransportTest
    void shouldExchangeWithASubscriberItConnectedToBeforeTheSubscriberBound(Transport transport) {
        try (Context ctx = new Context();
                Socket xpub = Spec.socket(ctx, XPUB);
                Socket xsub = Spec.socket(ctx, XSUB)) {
            String endpoint = transport.unboundEndpoint();
            xpub.connect(endpoint);
            Spec.subscribe(xsub, "A");
            xsub.bind(endpoint);

            // The XSUB sends its subscriptions when it handles the new connection, in one of its own calls: poll
            // both sockets.
            assertEquals(0, Spec.readable(xpub, xsub));
            assertArrayEquals(subscription(true, Spec.bytes("A")), Spec.receive(xpub).frame(0));
            send(xpub, "A-1");
            assertReceives(xsub, "A-1");
        }
    }

    /**
     * "SHALL create a double queue when a subscriber connects to it. If this subscriber disconnects, the XPUB
     * socket SHALL destroy its double queue and SHALL discard any messages it contains."
     */
    @TransportTest
    void shouldDiscardMessagesQueuedForASubscriberThatDisconnects(Transport transport) {
        PubSubScenarios.disconnectDestroysTheSubscribersQueue(transport, XPUB);
    }

    /** "SHALL not modify outgoing messages in any way." */
    @TransportTest
    void shouldPublishMessagesUnmodified(Transport transport) {
        PubSubScenarios.messagesPassUnmodified(transport, XPUB, SUB);
    }

    /** "SHALL perform a binary comparison of the subscription against the start of the first frame of the message." */
    @TransportTest
    void shouldMatchSubscriptionsAsBinaryPrefixesOfTheFirstFrame(Transport transport) {
        PubSubScenarios.subscriptionIsABinaryPrefixOfTheFirstFrame(transport, XPUB);
    }

    /** "SHALL silently drop the message if the queue for a subscriber is full." and "SHALL NOT block on sending." */
    @TransportTest
    void shouldDropMessagesForASubscriberWhoseQueueIsFullWithoutBlocking(Transport transport) {
        PubSubScenarios.fullSubscriberQueueDropsMessages(transport, XPUB, SUB);
    }

    /** "SHALL maintain a double queue for each connected subscriber" (a slow one does not hold back others). */
    @TransportTest
    void shouldKeepAQueuePerSubscriberSoASlowOneDoesNotHoldBackOthers(Transport transport) {
        PubSubScenarios.slowSubscriberDoesNotHoldBackOthers(transport, XPUB);
    }

    /**
     * "SHALL receive incoming messages from its subscribers using a fair-queuing strategy." Only starvation is
     * checked ({@link FairQueueing}): libzmq's XPUB takes all a subscriber has queued when it reads that
     * subscriber's pipe, so strict rounds do not hold there either.
     */
    @TransportTest
    void shouldFairQueueIncomingMessagesSoABusySubscriberCannotStarveAnother(Transport transport) {
        try (Context ctx = new Context();
                Socket xpub = Spec.socket(ctx, XPUB);
                Socket busy = Spec.socket(ctx, XSUB);
                Socket quiet = Spec.socket(ctx, XSUB)) {
            String endpoint = transport.bind(xpub);
            busy.connect(endpoint);
            try (Flood flood = new Flood(busy, Message.of("flood"))) {
                assertReceives(xpub, "flood"); // the busy subscriber is attached first
                quiet.connect(endpoint);
                send(quiet, "quiet");
                flood.receiveUntil(xpub, "quiet", () -> { });
            }
        }
    }

    /** "SHALL deliver these messages to its calling application." */
    @TransportTest
    void shouldDeliverMessagesFromSubscribersToTheApplication(Transport transport) {
        try (Context ctx = new Context();
                Socket xpub = Spec.socket(ctx, XPUB);
                Socket xsub = Spec.socket(ctx, XSUB)) {
            xsub.connect(transport.bind(xpub));

            send(xsub, "hello", "", "world");
            assertReceives(xpub, "hello", "", "world");
        }
    }

    /**
     * "SHALL receive subscribe and unsubscribe requests from subscribers depending on the transport protocol used."
     * and "SHALL deliver these commands to its calling application."
     */
    @TransportTest
    void shouldDeliverSubscribeAndUnsubscribeRequestsToTheApplication(Transport transport) {
        try (Context ctx = new Context();
                Socket xpub = Spec.socket(ctx, XPUB);
                Socket sub = Spec.socket(ctx, SUB)) {
            sub.connect(transport.bind(xpub));

            sub.subscribe("topic");
            assertArrayEquals(subscription(true, Spec.bytes("topic")), Spec.receive(xpub).frame(0));
            sub.unsubscribe("topic");
            assertArrayEquals(subscription(false, Spec.bytes("topic")), Spec.receive(xpub).frame(0));
        }
    }

    /**
     * "SHALL, if the subscriber peer disconnects prematurely, generate a suitable unsubscribe request for the
     * calling application."
     */
    @TransportTest
    void shouldReportAnUnsubscribeWhenASubscriberDisconnects(Transport transport) {
        try (Context ctx = new Context();
                Socket xpub = Spec.socket(ctx, XPUB)) {
            String endpoint = transport.bind(xpub);
            try (Socket sub = Spec.socket(ctx, SUB)) {
                sub.connect(endpoint);
                sub.subscribe("topic");
                assertArrayEquals(subscription(true, Spec.bytes("topic")), Spec.receive(xpub).frame(0));
            }
            assertArrayEquals(subscription(false, Spec.bytes("topic")), Spec.receive(xpub).frame(0));
            assertTrue(xpub.send("nobody listens"));
        }
    }
}

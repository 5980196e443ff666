package org.zmq4j.spec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zmq4j.SocketType.PUB;
import static org.zmq4j.SocketType.XPUB;
import static org.zmq4j.SocketType.XSUB;
import static org.zmq4j.spec.Spec.assertReceives;
import static org.zmq4j.spec.Spec.assertReceivesIgnoringSync;
import static org.zmq4j.spec.Spec.send;
import static org.zmq4j.spec.Spec.subscription;

import java.util.List;
import org.zmq4j.Context;
import org.zmq4j.Message;
import org.zmq4j.Socket;
import org.zmq4j.SocketOption;

/**
 * 29/PUBSUB, "The XSUB Socket Type". Subscriptions are messages: 0x01 (subscribe) or 0x00 (cancel) + topic. Not
 * checked: "If this publisher disconnects, the XSUB socket SHALL destroy its double queue and SHALL discard any
 * messages it contains" (see {@link SubSpecTest}).
 */
class XSubSpecTest {

    /**
     * "SHALL maintain a double queue for each connected publisher, allowing outgoing and incoming messages to be
     * queued independently."
     */
    @TransportTest
    void shouldQueueOutgoingAndIncomingMessagesIndependently(Transport transport) {
        try (Context ctx = new Context();
                Socket xsub = Spec.socket(ctx, XSUB);
                Socket xpub = Spec.socket(ctx, XPUB)) {
            Spec.subscribe(xsub, "");
            xpub.connect(transport.bind(xsub));
            assertEquals(0, Spec.readable(xpub, xsub));
            assertArrayEquals(subscription(true, new byte[0]), Spec.receive(xpub).frame(0));

            for (int i = 0; i < 10; i++) {
                send(xsub, "up", "" + i);
                send(xpub, "down", "" + i);
            }
            for (int i = 0; i < 10; i++) {
                assertReceives(xpub, "up", "" + i);
            }
            for (int i = 0; i < 10; i++) {
                assertReceives(xsub, "down", "" + i);
            }
        }
    }

    /**
     * "SHALL create a double queue when initiating an outgoing connection to a publisher, and SHALL maintain the
     * double queue whether or not the connection is established."
     */
    @TransportTest
    void shouldQueueForAPublisherItConnectedToBeforeThePublisherBound(Transport transport) {
        try (Context ctx = new Context();
                Socket xsub = Spec.socket(ctx, XSUB);
                Socket xpub = Spec.socket(ctx, XPUB)) {
            String endpoint = transport.unboundEndpoint();
            xsub.connect(endpoint);
            Spec.subscribe(xsub, "A");
            send(xsub, "up", "early");
            xpub.bind(endpoint);

            assertArrayEquals(subscription(true, Spec.bytes("A")), Spec.receive(xpub).frame(0));
            assertReceives(xpub, "up", "early");
            send(xpub, "A-1");
            assertReceives(xsub, "A-1");
        }
    }

    /** "SHALL not modify incoming messages in any way." */
    @TransportTest
    void shouldDeliverIncomingMessagesUnmodified(Transport transport) {
        PubSubScenarios.messagesPassUnmodified(transport, PUB, XSUB);
    }

    /** "SHALL silently discard messages if the incoming queue for a publisher is full." */
    @TransportTest
    void shouldDiscardMessagesWhenItsIncomingQueueIsFull(Transport transport) {
        PubSubScenarios.fullSubscriberQueueDropsMessages(transport, PUB, XSUB);
    }

    /**
     * "SHALL receive incoming messages from its publishers using a fair-queuing strategy." ({@link FairQueueing}: exact
     * rounds over inproc, no starvation over every transport)
     */
    @TransportTest
    void shouldFairQueueIncomingMessages(Transport transport) {
        SubSpecTest.fairQueueFromPublishers(transport, XSUB);
    }

    /** "SHALL not modify outgoing messages in any way." */
    @TransportTest
    void shouldSendMessagesUpstreamUnmodified(Transport transport) {
        try (Context ctx = new Context();
                Socket xsub = Spec.socket(ctx, XSUB);
                Socket xpub = Spec.socket(ctx, XPUB)) {
            xsub.connect(transport.bind(xpub));

            Message sent = Message.of(PubSubScenarios.BINARY, new byte[0], PubSubScenarios.BINARY);
            assertTrue(xsub.send(sent));
            Spec.assertFrames(sent, Spec.receive(xpub));
        }
    }

    /** "SHALL send all messages to all connected publishers." */
    @TransportTest
    void shouldSendEachMessageToEveryPublisher(Transport transport) {
        try (Context ctx = new Context();
                Socket xsub = Spec.socket(ctx, XSUB);
                Socket xpub0 = Spec.socket(ctx, XPUB);
                Socket xpub1 = Spec.socket(ctx, XPUB)) {
            xsub.connect(transport.bind(xpub0));
            xsub.connect(transport.bind(xpub1));

            send(xsub, "to", "all");
            assertReceives(xpub0, "to", "all");
            assertReceives(xpub1, "to", "all");
        }
    }

    /**
     * "SHALL silently drop the message if the outgoing queue for a publisher is full." and "SHALL NOT block on
     * sending."
     */
    @TransportTest
    void shouldDropMessagesForAPublisherWhoseQueueIsFullWithoutBlocking(Transport transport) {
        try (Context ctx = new Context();
                Socket xsub = Spec.socket(ctx, XSUB);
                Socket xpub = Spec.socket(ctx, XPUB)) {
            xsub.set(SocketOption.SNDHWM, 1);
            xpub.set(SocketOption.RCVHWM, 1);
            xsub.connect(transport.bind(xpub));
            send(xsub, "up", "hello");
            assertReceives(xpub, "up", "hello");

            byte[] up = Spec.bytes("up");
            List<Integer> received = Spec.sendBurstThenDrain(xsub, m -> Message.of(up, m), xpub, 1000);
            Spec.assertSomeDroppedRestInOrder(received, 1000);
        }
    }

    /** "SHALL accept subscription commands from its calling application." */
    @TransportTest
    void shouldTakeSubscriptionsAsMessagesFromTheApplication(Transport transport) {
        try (Context ctx = new Context();
                Socket xsub = Spec.socket(ctx, XSUB);
                Socket pub = Spec.socket(ctx, PUB)) {
            xsub.connect(transport.bind(pub));
            assertTrue(xsub.send(subscription(true, Spec.bytes("A"))));
            Spec.awaitSubscribed(pub, xsub);

            assertTrue(pub.send("B-1"));
            assertTrue(pub.send("A-1"));
            assertReceivesIgnoringSync(xsub, "A-1");
        }
    }

    /** "SHALL send subscribe and unsubscribe requests to publishers depending on the transport protocol used." */
    @TransportTest
    void shouldSendSubscribeAndUnsubscribeRequestsToPublishers(Transport transport) {
        try (Context ctx = new Context();
                Socket xsub = Spec.socket(ctx, XSUB);
                Socket xpub = Spec.socket(ctx, XPUB)) {
            xsub.connect(transport.bind(xpub));

            assertTrue(xsub.send(subscription(true, Spec.bytes("topic"))));
            assertArrayEquals(subscription(true, Spec.bytes("topic")), Spec.receive(xpub).frame(0));
            assertTrue(xsub.send(subscription(false, Spec.bytes("topic"))));
            assertArrayEquals(subscription(false, Spec.bytes("topic")), Spec.receive(xpub).frame(0));
        }
    }
}

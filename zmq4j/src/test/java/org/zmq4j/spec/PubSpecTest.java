package org.zmq4j.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zmq4j.SocketType.PUB;
import static org.zmq4j.SocketType.SUB;
import static org.zmq4j.SocketType.XSUB;
import static org.zmq4j.spec.Spec.assertReceivesIgnoringSync;

import org.zmq4j.Context;
import org.zmq4j.Message;
import org.zmq4j.Poller;
import org.zmq4j.Socket;
import org.zmq4j.ZmqException;

/**
 * 29/PUBSUB, "The PUB Socket Type". Subscribers wait for their subscriptions to reach the publisher by
 * poll-publishing ({@link Spec#awaitSubscribed}).
 */
class PubSpecTest {

    /** "MAY be connected to any number of SUB or XSUB subscribers, and SHALL only send messages." */
    @TransportTest
    void shouldRefuseToReceive(Transport transport) {
        try (Context ctx = new Context();
                Socket pub = Spec.socket(ctx, PUB);
                Socket sub = PubSubScenarios.subscriber(ctx, SUB, transport.bind(pub))) {
            Spec.awaitSubscribed(pub, sub);

            ZmqException e = assertThrows(ZmqException.class, () -> pub.recv(Socket.DONTWAIT));
            assertEquals(ZmqException.ENOTSUP, e.errorCode());
        }
    }

    /** "SHALL maintain a single outgoing message queue for each connected subscriber." */
    @TransportTest
    void shouldKeepAQueuePerSubscriberSoASlowOneDoesNotHoldBackOthers(Transport transport) {
        PubSubScenarios.slowSubscriberDoesNotHoldBackOthers(transport, PUB);
    }

    /**
     * "SHALL create a queue when initiating an outgoing connection to a subscriber, and SHALL maintain the queue
     * whether or not the connection is established."
     */
    @TransportTest
    void shouldPublishToASubscriberItConnectedToBeforeTheSubscriberBound(Transport transport) {
        PubSubScenarios.publisherConnectsBeforeSubscriberBinds(transport, PUB);
    }

    /**
     * "SHALL create a queue when a subscriber connects to it. If this subscriber disconnects, the PUB socket SHALL
     * destroy its queue and SHALL discard any messages it contains."
     */
    @TransportTest
    void shouldDiscardMessagesQueuedForASubscriberThatDisconnects(Transport transport) {
        PubSubScenarios.disconnectDestroysTheSubscribersQueue(transport, PUB);
    }

    /** "SHALL silently discard any messages that subscribers send it." */
    @TransportTest
    void shouldDiscardMessagesThatSubscribersSend(Transport transport) {
        try (Context ctx = new Context();
                Socket pub = Spec.socket(ctx, PUB);
                Socket xsub = Spec.socket(ctx, XSUB)) {
            xsub.connect(transport.bind(pub));
            assertTrue(xsub.send(Message.of("upstream", "1")));
            assertTrue(xsub.send(Message.of("upstream", "2")));
            Spec.subscribe(xsub, "");
            Spec.awaitSubscribed(pub, xsub);

            assertEquals(0, pub.events() & Poller.POLLIN);
            assertThrows(ZmqException.class, () -> pub.recv(Socket.DONTWAIT));
            assertTrue(pub.send("still publishing"));
            assertReceivesIgnoringSync(xsub, "still publishing");
        }
    }

    /** "SHALL not modify outgoing messages in any way." */
    @TransportTest
    void shouldPublishMessagesUnmodified(Transport transport) {
        PubSubScenarios.messagesPassUnmodified(transport, PUB, SUB);
    }

    /** "SHALL perform a binary comparison of the subscription against the start of the first frame of the message." */
    @TransportTest
    void shouldMatchSubscriptionsAsBinaryPrefixesOfTheFirstFrame(Transport transport) {
        PubSubScenarios.subscriptionIsABinaryPrefixOfTheFirstFrame(transport, PUB);
    }

    /** "SHALL silently drop the message if the queue for a subscriber is full." and "SHALL NOT block on sending." */
    @TransportTest
    void shouldDropMessagesForASubscriberWhoseQueueIsFullWithoutBlocking(Transport transport) {
        PubSubScenarios.fullSubscriberQueueDropsMessages(transport, PUB, SUB);
    }

    /** "SHALL receive subscribe and unsubscribe requests from subscribers depending on the transport protocol used." */
    @TransportTest
    void shouldApplySubscribeAndUnsubscribeRequests(Transport transport) {
        PubSubScenarios.subscribeAndCancelRequestsTakeEffect(transport, PUB);
    }

    /** "SHALL NOT deliver these commands to its calling application." */
    @TransportTest
    void shouldNotDeliverSubscriptionsToTheApplication(Transport transport) {
        try (Context ctx = new Context();
                Socket pub = Spec.socket(ctx, PUB);
                Socket sub = Spec.socket(ctx, SUB)) {
            sub.connect(transport.bind(pub));
            sub.subscribe("A");
            sub.unsubscribe("A");
            sub.subscribe("B");
            Spec.awaitSubscribed(pub, sub);

            assertEquals(0, pub.events() & Poller.POLLIN, "a subscription is readable");
            assertThrows(ZmqException.class, () -> pub.recv(Socket.DONTWAIT));
        }
    }
}

package org.zmq4j.spec;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zmq4j.SocketType.PUB;
import static org.zmq4j.SocketType.SUB;
import static org.zmq4j.SocketType.XSUB;
import static org.zmq4j.spec.Spec.assertReceivesIgnoringSync;

import org.zmq4j.Context;
import org.zmq4j.Socket;

/**
 * 37/ZMTP 3.1, "The Publish-Subscribe Pattern": how subscriptions match and add up. Tests with a SUB check what
 * the application sees; tests with an XSUB, which does not filter, check what the publisher sends.
 */
class SubscriptionSpecTest {

    private static void publish(Socket pub, String... messages) {
        for (String m : messages) {
            assertTrue(pub.send(m));
        }
    }

    /** "A subscription of "A" SHALL match all messages starting with "A"." */
    @TransportTest
    void shouldDeliverOnlyMessagesThatStartWithTheSubscription(Transport transport) {
        try (Context ctx = new Context();
                Socket pub = Spec.socket(ctx, PUB);
                Socket sub = Spec.socket(ctx, SUB)) {
            sub.connect(transport.bind(pub));
            sub.subscribe("A");
            Spec.awaitSubscribed(pub, sub);

            publish(pub, "B", "A", "BA", "AB", "a", "A-end");
            assertReceivesIgnoringSync(sub, "A");
            assertReceivesIgnoringSync(sub, "AB");
            assertReceivesIgnoringSync(sub, "A-end");
        }
    }

    /** "An empty subscription SHALL match all messages." */
    @TransportTest
    void shouldDeliverEveryMessageForAnEmptySubscription(Transport transport) {
        try (Context ctx = new Context();
                Socket pub = Spec.socket(ctx, PUB);
                Socket sub = Spec.socket(ctx, SUB)) {
            sub.connect(transport.bind(pub));
            sub.subscribe("");
            Spec.awaitSubscribed(pub, sub);

            publish(pub, "A", "", "\u00ff", "z");
            for (String m : new String[] {"A", "", "\u00ff", "z"}) {
                assertReceivesIgnoringSync(sub, m);
            }
        }
    }

    /** "Subscriptions SHALL be additive and SHALL NOT be idempotent." (additive) */
    @TransportTest
    void shouldDeliverMessagesMatchingAnyOfSeveralSubscriptions(Transport transport) {
        try (Context ctx = new Context();
                Socket pub = Spec.socket(ctx, PUB);
                Socket sub = Spec.socket(ctx, SUB)) {
            sub.connect(transport.bind(pub));
            sub.subscribe("A");
            sub.subscribe("B");
            Spec.awaitSubscribed(pub, sub);

            publish(pub, "A-1", "C-1", "B-1", "C-2", "A-2");
            assertReceivesIgnoringSync(sub, "A-1");
            assertReceivesIgnoringSync(sub, "B-1");
            assertReceivesIgnoringSync(sub, "A-2");
        }
    }

    /** "That is, subscribing to "A" and "" is the same as subscribing to "" alone." */
    @TransportTest
    void shouldSendAMessageMatchingSeveralSubscriptionsOnlyOnce(Transport transport) {
        try (Context ctx = new Context();
                Socket pub = Spec.socket(ctx, PUB);
                Socket xsub = Spec.socket(ctx, XSUB)) {
            xsub.connect(transport.bind(pub));
            Spec.subscribe(xsub, "A");
            Spec.subscribe(xsub, "");
            Spec.awaitSubscribed(pub, xsub);

            publish(pub, "A-1", "B-1", "A-2");
            assertReceivesIgnoringSync(xsub, "A-1");
            assertReceivesIgnoringSync(xsub, "B-1");
            assertReceivesIgnoringSync(xsub, "A-2");
        }
    }

    /**
     * "Subscribing to "A" and "A" counts as two subscriptions, and would require two CANCEL commands to undo."
     * (at the publisher)
     */
    @TransportTest
    void shouldKeepPublishingATopicSubscribedTwiceUntilBothAreCancelled(Transport transport) {
        try (Context ctx = new Context();
                Socket pub = Spec.socket(ctx, PUB);
                Socket xsub = Spec.socket(ctx, XSUB)) {
            xsub.connect(transport.bind(pub));
            Spec.subscribe(xsub, "Z");
            twiceSubscribedTopicNeedsTwoCancels(pub, xsub);
        }
    }

    /**
     * "Subscribing to "A" and "A" counts as two subscriptions, and would require two CANCEL commands to undo."
     * (through a SUB's SUBSCRIBE and UNSUBSCRIBE options)
     */
    @TransportTest
    void shouldKeepDeliveringATopicSubscribedTwiceUntilBothAreUnsubscribed(Transport transport) {
        try (Context ctx = new Context();
                Socket pub = Spec.socket(ctx, PUB);
                Socket sub = Spec.socket(ctx, SUB)) {
            sub.connect(transport.bind(pub));
            sub.subscribe("Z");
            twiceSubscribedTopicNeedsTwoCancels(pub, sub);
        }
    }

    /** The subscriber holds "Z", which ends each round: what arrives before it is what "A" let through. */
    private static void twiceSubscribedTopicNeedsTwoCancels(Socket pub, Socket subscriber) {
        Spec.subscribe(subscriber, "A");
        Spec.subscribe(subscriber, "A");
        Spec.unsubscribe(subscriber, "A");
        Spec.awaitSubscribed(pub, subscriber);
        publish(pub, "A-1", "Z-1");
        assertReceivesIgnoringSync(subscriber, "A-1");
        assertReceivesIgnoringSync(subscriber, "Z-1");

        Spec.unsubscribe(subscriber, "A");
        Spec.awaitSubscribed(pub, subscriber);
        publish(pub, "A-2", "Z-2");
        assertReceivesIgnoringSync(subscriber, "Z-2");
    }

    /** "When using ZMTP, message filtering SHALL happen at the publisher side (the PUB or XPUB socket)." */
    @TransportTest
    void shouldFilterAtThePublisher(Transport transport) {
        try (Context ctx = new Context();
                Socket pub = Spec.socket(ctx, PUB);
                Socket xsub = Spec.socket(ctx, XSUB)) {
            xsub.connect(transport.bind(pub));
            Spec.subscribe(xsub, "A");
            Spec.awaitSubscribed(pub, xsub);

            publish(pub, "B-1", "B-2", "A-1");
            assertReceivesIgnoringSync(xsub, "A-1");
        }
    }
}

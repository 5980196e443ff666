package org.zmq4j.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zmq4j.spec.Spec.assertReceivesIgnoringSync;

import java.util.List;
import org.zmq4j.Context;
import org.zmq4j.Message;
import org.zmq4j.Socket;
import org.zmq4j.SocketOption;
import org.zmq4j.SocketType;

/**
 * Scenarios that 29/PUBSUB states in the same words for PUB and XPUB, or for SUB and XSUB; each spec test class
 * quotes its own sentence and runs the scenario with its socket type.
 */
final class PubSubScenarios {
    static final byte[] BINARY = {(byte) 0xFF, 0, 1, (byte) 0x80, 0};

    private PubSubScenarios() {}

    /** A subscriber of {@code type} connected to {@code endpoint} and subscribed to everything. */
    static Socket subscriber(Context ctx, SocketType type, String endpoint) {
        Socket s = Spec.socket(ctx, type);
        s.connect(endpoint);
        Spec.subscribe(s, "");
        return s;
    }

    /** One queue per subscriber: a subscriber that reads nothing does not hold back one that keeps up. */
    static void slowSubscriberDoesNotHoldBackOthers(Transport transport, SocketType publisherType) {
        try (Context ctx = new Context();
                Socket pub = Spec.socket(ctx, publisherType)) {
            pub.set(SocketOption.SNDHWM, 10);
            String endpoint = transport.bind(pub);
            try (Socket slow = Spec.socket(ctx, SocketType.SUB);
                    Socket fast = subscriber(ctx, SocketType.SUB, endpoint)) {
                slow.set(SocketOption.RCVHWM, 10);
                slow.connect(endpoint);
                slow.subscribe("");
                Spec.awaitSubscribed(pub, slow);
                Spec.awaitSubscribed(pub, fast);

                for (int i = 0; i < 10_000; i++) {
                    assertTrue(pub.send(Spec.numbered(i, 1024)));
                    Message m = Spec.receiveIgnoringSync(fast);
                    assertEquals(i, Spec.number(m.frame(0)), "the subscriber that keeps up lost a message");
                }
            }
        }
    }

    /** A publisher that connects first queues for its subscriber until the subscriber binds. */
    static void publisherConnectsBeforeSubscriberBinds(Transport transport, SocketType publisherType) {
        try (Context ctx = new Context();
                Socket pub = Spec.socket(ctx, publisherType);
                Socket sub = Spec.socket(ctx, SocketType.SUB)) {
            String endpoint = transport.unboundEndpoint();
            pub.connect(endpoint);
            sub.subscribe("");
            sub.bind(endpoint);

            Spec.awaitSubscribed(pub, sub);
            assertTrue(pub.send("hello"));
            assertReceivesIgnoringSync(sub, "hello");
        }
    }

    /** Messages queued for a subscriber that disconnects never reach its next connection. */
    static void disconnectDestroysTheSubscribersQueue(Transport transport, SocketType publisherType) {
        try (Context ctx = new Context();
                Socket pub = Spec.socket(ctx, publisherType);
                Socket sub = Spec.socket(ctx, SocketType.SUB)) {
            String endpoint = transport.bind(pub);
            sub.subscribe("");
            sub.connect(endpoint);
            Spec.awaitSubscribed(pub, sub);
            for (int i = 0; i < 3; i++) {
                assertTrue(pub.send("old-" + i));
            }

            sub.disconnect(endpoint);
            sub.connect(endpoint);
            List<Message> meanwhile = Spec.awaitSubscribed(pub, sub);
            assertEquals(List.of(), meanwhile, "messages queued for the first connection arrived");
            assertTrue(pub.send("new"));
            assertReceivesIgnoringSync(sub, "new");
        }
    }

    /** Messages go through unmodified: frames, empty frames and every byte value. */
    static void messagesPassUnmodified(Transport transport, SocketType publisherType, SocketType subscriberType) {
        try (Context ctx = new Context();
                Socket pub = Spec.socket(ctx, publisherType)) {
            try (Socket sub = subscriber(ctx, subscriberType, transport.bind(pub))) {
                Spec.awaitSubscribed(pub, sub);

                Message sent = Message.of(BINARY, new byte[0], BINARY);
                assertTrue(pub.send(sent));
                Spec.assertFrames(sent, Spec.receiveIgnoringSync(sub));
            }
        }
    }

    /**
     * The publisher compares subscriptions with the start of the first frame, byte for byte. The subscriber is an
     * XSUB, which does not filter, so what arrives is what the publisher chose to send.
     */
    static void subscriptionIsABinaryPrefixOfTheFirstFrame(Transport transport, SocketType publisherType) {
        byte[] topic = {(byte) 0xFF, 0};
        try (Context ctx = new Context();
                Socket pub = Spec.socket(ctx, publisherType);
                Socket xsub = Spec.socket(ctx, SocketType.XSUB)) {
            xsub.connect(transport.bind(pub));
            Spec.subscribe(xsub, topic);
            Spec.awaitSubscribed(pub, xsub);

            assertTrue(pub.send(new byte[] {(byte) 0xFF, 0, 'A'}));
            assertTrue(pub.send(new byte[] {(byte) 0xFF, 1}));
            assertTrue(pub.send(new byte[] {(byte) 0xFE, 0}));
            assertTrue(pub.send(new byte[] {(byte) 0xFF}));
            assertTrue(pub.send(Message.of(Spec.bytes("other"), topic)));
            assertTrue(pub.send(Message.of(topic, Spec.bytes("second"))));

            Spec.assertFrames(Message.of(new byte[] {(byte) 0xFF, 0, 'A'}), Spec.receiveIgnoringSync(xsub));
            Spec.assertFrames(Message.of(topic, Spec.bytes("second")), Spec.receiveIgnoringSync(xsub));
        }
    }

    /** A subscriber that reads nothing loses messages, in order, and the publisher never blocks. */
    static void fullSubscriberQueueDropsMessages(Transport transport, SocketType publisherType,
            SocketType subscriberType) {
        try (Context ctx = new Context();
                Socket pub = Spec.socket(ctx, publisherType)) {
            pub.set(SocketOption.SNDHWM, 1);
            String endpoint = transport.bind(pub);
            try (Socket sub = Spec.socket(ctx, subscriberType)) {
                sub.set(SocketOption.RCVHWM, 1);
                sub.connect(endpoint);
                Spec.subscribe(sub, "");
                Spec.awaitSubscribed(pub, sub);

                List<Integer> received = Spec.sendBurstThenDrain(pub, Message::of, sub, 1000);
                Spec.assertSomeDroppedRestInOrder(received, 1000);
            }
        }
    }

    /** The publisher applies subscribe and cancel requests: an XSUB (no filter of its own) sees the effect. */
    static void subscribeAndCancelRequestsTakeEffect(Transport transport, SocketType publisherType) {
        try (Context ctx = new Context();
                Socket pub = Spec.socket(ctx, publisherType);
                Socket xsub = Spec.socket(ctx, SocketType.XSUB)) {
            xsub.connect(transport.bind(pub));
            Spec.subscribe(xsub, "A");
            Spec.subscribe(xsub, "Z");
            Spec.awaitSubscribed(pub, xsub);
            for (String m : new String[] {"B-1", "A-1", "Z-1"}) {
                assertTrue(pub.send(m));
            }
            assertReceivesIgnoringSync(xsub, "A-1");
            assertReceivesIgnoringSync(xsub, "Z-1");

            Spec.unsubscribe(xsub, "A");
            Spec.awaitSubscribed(pub, xsub);
            for (String m : new String[] {"A-2", "Z-2"}) {
                assertTrue(pub.send(m));
            }
            assertReceivesIgnoringSync(xsub, "Z-2");
        }
    }
}

package org.zmq4j.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.zmq4j.Message;
import org.zmq4j.Socket;
import org.zmq4j.SocketOption;
import org.zmq4j.SocketType;
import org.zmq4j.interop.LibzmqPeer.PeerOption;

/**
 * PUB, SUB, XPUB and XSUB against libzmq's, each side in each role, over every transport with either side binding
 * (29/PUBSUB). libzmq 4.3 speaks ZMTP 3.1, so subscriptions travel as SUBSCRIBE and CANCEL commands both ways and
 * reach an XPUB application as messages of 0x01 or 0x00 and the topic.
 */
class PublishSubscribeInteropTest extends InteropTestSupport {
    // 29/PUBSUB, PUB: "SHALL perform a binary comparison of the subscription against the start of the first frame
    // of the message." A new subscriber misses what was published before its subscription arrived (the slow
    // joiner), so each test first publishes until one matching message gets through.

    @ParameterizedTest(name = "{0}")
    @MethodSource("setups")
    void shouldDeliverOnlyMatchingMessagesFromLibzmqPubToZmq4jSub(Setup setup) {
        Socket sub = socket(SocketType.SUB);
        sub.subscribe("A");
        LibzmqPeer pub = attach(sub, SocketType.PUB, setup);
        awaitMatching("A-warm-up", () -> {
            pub.send("B-warm-up");
            pub.send("A-warm-up");
            return receive(sub, POLL_STEP);
        });
        pub.send("B-unwanted");
        pub.send(multipart("A-multipart"));
        pub.send(large("B-unwanted-large", 1));
        pub.send(large("A-large", 2));
        assertMessage(multipart("A-multipart"), nextMatching("A-warm-up", () -> receive(sub)));
        assertMessage(large("A-large", 2), receive(sub));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("setups")
    void shouldDeliverOnlyMatchingMessagesFromZmq4jPubToLibzmqSub(Setup setup) {
        Socket pub = socket(SocketType.PUB);
        LibzmqPeer sub = attach(pub, SocketType.SUB, setup, PeerOption.of(SocketOption.SUBSCRIBE, "A"));
        awaitMatching("A-warm-up", () -> {
            send(pub, Message.of("B-warm-up"));
            send(pub, Message.of("A-warm-up"));
            return sub.recv(POLL_STEP);
        });
        send(pub, Message.of("B-unwanted"));
        send(pub, multipart("A-multipart"));
        send(pub, large("B-unwanted-large", 1));
        send(pub, large("A-large", 2));
        assertMessage(multipart("A-multipart"), nextMatching("A-warm-up", sub::recv));
        assertMessage(large("A-large", 2), sub.recv());
    }

    // 37/ZMTP 3.1: "To create a subscription, the SUB or XSUB peer SHALL send a SUBSCRIBE command" ... "To cancel a
    // subscription, the SUB or XSUB peer SHALL send a CANCEL command". 29/PUBSUB, XPUB: "SHALL deliver these
    // commands to its calling application."

    @ParameterizedTest(name = "{0}")
    @MethodSource("setups")
    void shouldPassZmq4jSubSubscriptionsToLibzmqXpubApplication(Setup setup) {
        Socket sub = socket(SocketType.SUB);
        LibzmqPeer xpub = attach(sub, SocketType.XPUB, setup);
        sub.subscribe("topic");
        assertMessage(Message.of(subscription(1, "topic")), recvServicing(xpub, sub));
        xpub.send(multipart("topic-multipart"));
        xpub.send(large("topic-large", 3));
        assertMessage(multipart("topic-multipart"), receive(sub));
        assertMessage(large("topic-large", 3), receive(sub));
        sub.unsubscribe("topic");
        assertMessage(Message.of(subscription(0, "topic")), xpub.recv());

        // 37/ZMTP 3.1: "An empty subscription SHALL match all messages."
        sub.subscribe("");
        assertMessage(Message.of(subscription(1, "")), xpub.recv());
        xpub.send("anything");
        assertMessage(Message.of("anything"), receive(sub));
        sub.unsubscribe("");
        assertMessage(Message.of(subscription(0, "")), xpub.recv());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("setups")
    void shouldPassLibzmqSubSubscriptionsToZmq4jXpubApplication(Setup setup) {
        Socket xpub = socket(SocketType.XPUB);
        LibzmqPeer sub = attach(xpub, SocketType.SUB, setup, PeerOption.of(SocketOption.SUBSCRIBE, "topic"));
        assertMessage(Message.of(subscription(1, "topic")), receive(xpub));
        send(xpub, multipart("topic-multipart"));
        send(xpub, large("topic-large", 3));
        assertMessage(multipart("topic-multipart"), sub.recv());
        assertMessage(large("topic-large", 3), sub.recv());
        sub.set(SocketOption.UNSUBSCRIBE, "topic");
        assertMessage(Message.of(subscription(0, "topic")), receive(xpub));

        // 37/ZMTP 3.1: "An empty subscription SHALL match all messages."
        sub.set(SocketOption.SUBSCRIBE, "");
        assertMessage(Message.of(subscription(1, "")), receive(xpub));
        send(xpub, Message.of("anything"));
        assertMessage(Message.of("anything"), sub.recv());
        sub.set(SocketOption.UNSUBSCRIBE, "");
        assertMessage(Message.of(subscription(0, "")), receive(xpub));
    }

    // 29/PUBSUB, XPUB: "SHALL, if the subscriber peer disconnects prematurely, generate a suitable unsubscribe
    // request for the calling application." The XPUB binds here: one that connected keeps the subscriber's queue,
    // and its subscriptions, for the reconnection, and libzmq says nothing then.

    @ParameterizedTest(name = "{0}")
    @MethodSource("transports")
    void shouldCancelTheSubscriptionsOfALibzmqSubscriberThatDies(Transport transport) {
        Socket xpub = socket(SocketType.XPUB);
        LibzmqPeer sub = attach(xpub, SocketType.SUB, new Setup(transport, Binder.ZMQ4J),
                PeerOption.of(SocketOption.SUBSCRIBE, "A"), PeerOption.of(SocketOption.SUBSCRIBE, "B"));
        Set<String> subscribed = Set.of(describe(receive(xpub)), describe(receive(xpub)));
        assertEquals(Set.of(describe(Message.of(subscription(1, "A"))), describe(Message.of(subscription(1, "B")))),
                subscribed);

        sub.kill();
        Set<String> cancelled = Set.of(describe(receive(xpub)), describe(receive(xpub)));
        assertEquals(Set.of(describe(Message.of(subscription(0, "A"))), describe(Message.of(subscription(0, "B")))),
                cancelled);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transports")
    void shouldCancelTheSubscriptionOfAZmq4jSubscriberThatCloses(Transport transport) {
        Socket sub = socket(SocketType.SUB);
        LibzmqPeer xpub = attach(sub, SocketType.XPUB, new Setup(transport, Binder.LIBZMQ));
        sub.subscribe("A");
        assertMessage(Message.of(subscription(1, "A")), recvServicing(xpub, sub));

        sub.close();
        assertMessage(Message.of(subscription(0, "A")), xpub.recv());
    }

    // 29/PUBSUB, PUB: "SHALL maintain a single outgoing message queue for each connected subscriber", filtered by
    // that subscriber's subscriptions.

    @ParameterizedTest(name = "{0}")
    @MethodSource("setups")
    void shouldSendEachLibzmqSubscriberOnlyWhatItSubscribedTo(Setup setup) {
        Socket pub = socket(SocketType.PUB);
        List<LibzmqPeer> subs = attachEach(pub, SocketType.SUB, setup,
                new PeerOption[] {PeerOption.of(SocketOption.SUBSCRIBE, "A")},
                new PeerOption[] {PeerOption.of(SocketOption.SUBSCRIBE, "AB")});
        LibzmqPeer a = subs.get(0);
        LibzmqPeer ab = subs.get(1);
        boolean[] joined = new boolean[2];
        awaitTrue("both subscribers to receive a warm-up message", () -> {
            send(pub, Message.of("AB-warm-up"));
            joined[0] |= a.recv(POLL_STEP) != null;
            joined[1] |= ab.recv(POLL_STEP) != null;
            return joined[0] && joined[1];
        });
        send(pub, Message.of("B-for-nobody"));
        send(pub, Message.of("A-only"));
        send(pub, large("AB-both", 11));
        assertMessage(Message.of("A-only"), nextMatching("AB-warm-up", a::recv));
        assertMessage(large("AB-both", 11), a.recv());
        assertMessage(large("AB-both", 11), nextMatching("AB-warm-up", ab::recv));
    }

    // 29/PUBSUB, XSUB: "SHALL accept subscription commands from its calling application." ... "SHALL send subscribe
    // and unsubscribe requests to publishers depending on the transport protocol used."

    @ParameterizedTest(name = "{0}")
    @MethodSource("setups")
    void shouldFilterZmq4jXpubMessagesBySubscriptionsFromLibzmqXsub(Setup setup) {
        Socket xpub = socket(SocketType.XPUB);
        LibzmqPeer xsub = attach(xpub, SocketType.XSUB, setup);
        xsub.send(Message.of(subscription(1, "A")));
        xsub.send(Message.of(subscription(1, "C")));
        assertMessage(Message.of(subscription(1, "A")), receive(xpub));
        assertMessage(Message.of(subscription(1, "C")), receive(xpub));
        send(xpub, Message.of("B-unwanted"));
        send(xpub, multipart("A-multipart"));
        send(xpub, large("A-large", 4));
        assertMessage(multipart("A-multipart"), xsub.recv());
        assertMessage(large("A-large", 4), xsub.recv());

        xsub.send(Message.of(subscription(0, "A")));
        assertMessage(Message.of(subscription(0, "A")), receive(xpub));
        send(xpub, Message.of("A-after-cancel"));
        send(xpub, Message.of("C-still-subscribed"));
        assertMessage(Message.of("C-still-subscribed"), xsub.recv());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("setups")
    void shouldFilterLibzmqXpubMessagesBySubscriptionsFromZmq4jXsub(Setup setup) {
        Socket xsub = socket(SocketType.XSUB);
        LibzmqPeer xpub = attach(xsub, SocketType.XPUB, setup);
        send(xsub, Message.of(subscription(1, "A")));
        send(xsub, Message.of(subscription(1, "C")));
        assertMessage(Message.of(subscription(1, "A")), recvServicing(xpub, xsub));
        assertMessage(Message.of(subscription(1, "C")), xpub.recv());
        xpub.send("B-unwanted");
        xpub.send(multipart("A-multipart"));
        xpub.send(large("A-large", 4));
        assertMessage(multipart("A-multipart"), receive(xsub));
        assertMessage(large("A-large", 4), receive(xsub));

        send(xsub, Message.of(subscription(0, "A")));
        assertMessage(Message.of(subscription(0, "A")), xpub.recv());
        xpub.send("A-after-cancel");
        xpub.send("C-still-subscribed");
        assertMessage(Message.of("C-still-subscribed"), receive(xsub));
    }

    /** An XSUB's subscription message as XPUB's application sees it: 1 (subscribe) or 0 (cancel), then the topic. */
    private static byte[] subscription(int subscribe, String topic) {
        byte[] t = bytes(topic);
        byte[] b = new byte[t.length + 1];
        b[0] = (byte) subscribe;
        System.arraycopy(t, 0, b, 1, t.length);
        return b;
    }
}

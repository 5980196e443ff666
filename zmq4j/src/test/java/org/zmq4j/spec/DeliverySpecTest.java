package org.zmq4j.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zmq4j.SocketType.DEALER;
import static org.zmq4j.SocketType.PAIR;
import static org.zmq4j.SocketType.PUB;
import static org.zmq4j.SocketType.PULL;
import static org.zmq4j.SocketType.PUSH;
import static org.zmq4j.SocketType.XSUB;
import static org.zmq4j.spec.Spec.assertReceivesIgnoringSync;

import java.util.concurrent.atomic.AtomicReference;
import org.zmq4j.Context;
import org.zmq4j.Message;
import org.zmq4j.Poller;
import org.zmq4j.Socket;
import org.zmq4j.SocketOption;

/** 37/ZMTP 3.1, "Socket Semantics": the rules that apply to all sockets. */
class DeliverySpecTest {
    private static final int MANY = 100_000;

    /** "A message SHALL be sent or received atomically; that is, all frames or none." */
    @TransportTest
    void shouldMakeAllFramesOfAMessageAvailableWithTheFirst(Transport transport) {
        try (Context ctx = new Context();
                Socket a = Spec.socket(ctx, DEALER);
                Socket b = Spec.socket(ctx, DEALER)) {
            b.connect(transport.bind(a));

            for (int n = 0; n < 20; n++) {
                Message sent = new Message();
                for (int f = 0; f < 8; f++) {
                    sent.add(Spec.numbered(n * 8 + f, 64 * 1024));
                }
                assertTrue(a.send(sent));
            }
            for (int n = 0; n < 20; n++) {
                assertEquals(n * 8, Spec.number(b.recv()));
                for (int f = 1; f < 8; f++) {
                    assertTrue(b.hasMore());
                    byte[] frame = b.recv(Socket.DONTWAIT);
                    assertNotNull(frame, "frame " + f + " of message " + n + " came after the first");
                    assertEquals(n * 8 + f, Spec.number(frame));
                }
                assertFalse(b.hasMore());
            }
        }
    }

    /** "A message SHALL be sent or received atomically; that is, all frames or none." (routing) */
    @TransportTest
    void shouldRouteAllFramesOfAMessageToTheSamePeer(Transport transport) {
        try (Context ctx = new Context();
                Socket push = Spec.socket(ctx, PUSH);
                Socket pull0 = Spec.socket(ctx, PULL);
                Socket pull1 = Spec.socket(ctx, PULL)) {
            push.connect(transport.bind(pull0));
            push.connect(transport.bind(pull1));

            for (int n = 0; n < 10; n++) {
                assertTrue(push.send(Message.of("" + n, "" + n, "" + n)));
            }
            for (Socket pull : new Socket[] {pull0, pull1}) {
                for (int i = 0; i < 5; i++) {
                    Message m = Spec.receive(pull);
                    assertEquals(3, m.size());
                    assertEquals(m.string(0), m.string(1));
                    assertEquals(m.string(0), m.string(2));
                }
            }
        }
    }

    /**
     * "A message SHALL be sent or received atomically; that is, all frames or none." (the peer leaves in the middle
     * of a message: what was sent of it never reaches a later connection)
     */
    @TransportTest
    void shouldDropTheRestOfAMessageWhosePeerLeftMidway(Transport transport) {
        try (Context ctx = new Context();
                Socket push = Spec.socket(ctx, PUSH);
                Socket pull = Spec.socket(ctx, PULL)) {
            push.set(SocketOption.SNDTIMEO, Spec.TIMEOUT_MS);
            String endpoint = transport.bind(push);
            pull.connect(endpoint);
            assertTrue(push.send("hello"));
            Spec.assertReceives(pull, "hello");

            assertTrue(push.sendMore("first"));
            pull.disconnect(endpoint);
            assertTrue(push.send("last"));
            Spec.await("the PUSH has dropped the queue of its only peer", () -> Spec.cannotSend(push));

            pull.connect(endpoint);
            assertTrue(push.send(Message.of("whole", "message")));
            Spec.assertReceives(pull, "whole", "message");
        }
    }

    /** "On sending, the peer SHALL queue all frames of a message in memory until the final frame is sent." */
    @TransportTest
    void shouldHoldBackTheFramesOfAMessageUntilTheLastIsSent(Transport transport) {
        try (Context ctx = new Context();
                Socket a = Spec.socket(ctx, PAIR);
                Socket b = Spec.socket(ctx, PAIR)) {
            b.connect(transport.bind(a));
            assertTrue(b.send("ready"));
            Spec.assertReceives(a, "ready");

            assertTrue(a.sendMore("first"));
            assertTrue(a.sendMore("second"));
            assertEquals(0, b.events() & Poller.POLLIN, "a frame went out before the message was complete");
            assertNull(b.recv(Socket.DONTWAIT));
            assertTrue(a.send("last"));
            Spec.assertReceives(b, "first", "second", "last");
        }
    }

    /** "A message SHALL NOT be delivered more than once to any peer." */
    @TransportTest
    void shouldPublishAMessageOnceToASubscriberWithSeveralMatchingSubscriptions(Transport transport) {
        try (Context ctx = new Context();
                Socket pub = Spec.socket(ctx, PUB);
                Socket xsub = Spec.socket(ctx, XSUB)) {
            xsub.connect(transport.bind(pub));
            for (String topic : new String[] {"A", "AB", "ABC", ""}) {
                Spec.subscribe(xsub, topic);
            }
            Spec.awaitSubscribed(pub, xsub);

            assertTrue(pub.send("ABCD"));
            assertTrue(pub.send("end"));
            assertReceivesIgnoringSync(xsub, "ABCD");
            assertReceivesIgnoringSync(xsub, "end");
        }
    }

    /** "All messages between two immediate peers SHALL be delivered in order." */
    @TransportTest
    void shouldDeliverAHundredThousandMessagesInOrderWithoutLossOrDuplicates(Transport transport) throws Exception {
        try (Context ctx = new Context();
                Socket pull = Spec.socket(ctx, PULL);
                Socket push = Spec.socket(ctx, PUSH)) {
            push.set(SocketOption.SNDTIMEO, Spec.TIMEOUT_MS);
            push.connect(transport.bind(pull));

            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread sender = new Thread(() -> {
                try {
                    for (int i = 0; i <= MANY; i++) {
                        assertTrue(push.send(Spec.numbered(i < MANY ? i : -1, 16)), "send blocked at " + i);
                    }
                } catch (Throwable t) {
                    failure.set(t);
                }
            }, "sender");
            sender.start();
            Spec.assertReceivesNumbered(pull, MANY);
            assertEquals(-1, Spec.number(Spec.receive(pull).frame(0)), "the end marker follows the last message");
            sender.join();
            if (failure.get() != null) {
                throw new AssertionError("sender failed", failure.get());
            }
        }
    }

    /** "All messages between two immediate peers SHALL be delivered in order." (both ways at once) */
    @TransportTest
    void shouldDeliverInOrderInBothDirectionsAtOnce(Transport transport) throws Exception {
        try (Context ctx = new Context();
                Socket a = Spec.socket(ctx, PAIR);
                Socket b = Spec.socket(ctx, PAIR)) {
            b.connect(transport.bind(a));

            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread bSide = new Thread(() -> {
                try {
                    sendAndReceiveNumbered(b, MANY);
                } catch (Throwable t) {
                    failure.set(t);
                }
            }, "b-side");
            bSide.start();
            sendAndReceiveNumbered(a, MANY);
            bSide.join();
            if (failure.get() != null) {
                throw new AssertionError("b's side failed", failure.get());
            }
        }
    }

    /** Sends 0 to count - 1 and checks it receives the same, in order, doing whichever the socket can do now. */
    private static void sendAndReceiveNumbered(Socket s, int count) {
        Poller inOnly = new Poller();
        inOnly.register(s, Poller.POLLIN);
        Poller inOrOut = new Poller();
        inOrOut.register(s, Poller.POLLIN | Poller.POLLOUT);
        int sent = 0;
        int received = 0;
        while (sent < count || received < count) {
            boolean progress = false;
            if (sent < count && s.send(Spec.numbered(sent, 16), Socket.DONTWAIT)) {
                sent++;
                progress = true;
            }
            byte[] frame = s.recv(Socket.DONTWAIT);
            if (frame != null) {
                assertEquals(received, Spec.number(frame), "out of order, lost or duplicated");
                received++;
                progress = true;
            }
            if (!progress) {
                Poller p = sent < count ? inOrOut : inOnly;
                assertTrue(p.poll(Spec.TIMEOUT_MS) > 0,
                        "stalled after sending " + sent + " and receiving " + received);
            }
        }
    }
}

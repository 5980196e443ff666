package org.zmq4j.spec;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zmq4j.SocketType.PAIR;
import static org.zmq4j.spec.Spec.assertReceives;
import static org.zmq4j.spec.Spec.send;

import java.util.concurrent.BlockingQueue;
import org.zmq4j.Context;
import org.zmq4j.Message;
import org.zmq4j.MonitorEvent;
import org.zmq4j.Socket;
import org.zmq4j.SocketOption;

/**
 * 31/EXPAIR, "The PAIR Socket Type". "SHALL receive incoming messages from its single peer if it has one" and
 * "SHALL deliver these to its calling application" are exercised by every test.
 */
class PairSpecTest {

    /** "MAY be connected to at most one PAIR peers, and MAY both send and receive messages." */
    @TransportTest
    void shouldRefuseASecondPeer(Transport transport) {
        try (Context ctx = new Context();
                Socket pair = Spec.socket(ctx, PAIR);
                Socket first = Spec.socket(ctx, PAIR);
                Socket second = Spec.socket(ctx, PAIR)) {
            String endpoint = transport.bind(pair);
            first.connect(endpoint);
            send(first, "from first");
            assertReceives(pair, "from first");

            BlockingQueue<MonitorEvent.Type> secondEvents = Spec.monitor(second);
            second.connect(endpoint);
            assertTrue(second.send("from second", Socket.DONTWAIT), "a connecting PAIR queues before it is refused");
            // The PAIR handles the new connection in one of its own calls (events()); the refused peer then loses
            // its inproc pipe, or sees its tcp/ipc connection closed.
            if (transport == Transport.INPROC) {
                Spec.await("the second peer is refused", () -> pair.events() >= 0 && Spec.cannotSend(second));
            } else {
                Spec.await("the second peer is refused", () -> pair.events() >= 0
                        && secondEvents.contains(MonitorEvent.Type.DISCONNECTED));
            }

            send(first, "still from first");
            assertReceives(pair, "still from first");
            send(pair, "to first");
            assertReceives(first, "to first");
            assertNull(second.recv(Socket.DONTWAIT));
        }
    }

    /** "SHALL not filter or modify outgoing or incoming messages in any way." */
    @TransportTest
    void shouldPassMessagesThroughUnchanged(Transport transport) {
        try (Context ctx = new Context();
                Socket a = Spec.socket(ctx, PAIR);
                Socket b = Spec.socket(ctx, PAIR)) {
            b.connect(transport.bind(a));

            Message sent = Message.of(new byte[0], PubSubScenarios.BINARY, new byte[0]);
            assertTrue(a.send(sent));
            Spec.assertFrames(sent, Spec.receive(b));
            assertTrue(b.send(sent));
            Spec.assertFrames(sent, Spec.receive(a));
        }
    }

    /**
     * "SHALL maintain a double queue for its peer, allowing outgoing and incoming messages to be queued
     * independently."
     */
    @TransportTest
    void shouldQueueOutgoingAndIncomingMessagesIndependently(Transport transport) {
        QueueScenarios.queuesOutgoingAndIncomingIndependently(transport, PAIR);
    }

    /**
     * "SHALL create a double queue when initiating an outgoing connection to a peer, and SHALL maintain the double
     * queue whether or not the connection is established."
     */
    @TransportTest
    void shouldQueueMessagesForAPeerItConnectsToBeforeThePeerExists(Transport transport) {
        QueueScenarios.queuesForAPeerItConnectsToBeforeThePeerExists(transport, PAIR);
    }

    /**
     * "SHALL create a double queue when a peer connects to it. If this peer disconnects, the PAIR socket SHALL
     * destroy its double queue and SHALL discard any messages it contains."
     */
    @TransportTest
    void shouldDestroyTheQueueOfAPeerThatDisconnects(Transport transport) {
        QueueScenarios.destroysTheQueueOfAPeerThatDisconnects(transport, PAIR);
    }

    /**
     * "SHALL consider its peer as available only when it has a outgoing queue that is not full." and "SHALL not
     * accept further messages when it has no available peer."
     */
    @TransportTest
    void shouldRefuseMessagesWhileThePeerHasAFullQueue(Transport transport) {
        try (Context ctx = new Context();
                Socket a = Spec.socket(ctx, PAIR);
                Socket b = Spec.socket(ctx, PAIR)) {
            a.set(SocketOption.SNDHWM, 1);
            b.set(SocketOption.RCVHWM, 1);
            a.connect(transport.bind(b));

            int accepted = Spec.sendUntilRefused(a, 16 * 1024);
            assertTrue(accepted > 0, "an empty queue accepts a message");
            Spec.assertReceivesNumbered(b, accepted);
        }
    }

    /** "SHALL NOT discard messages that it cannot queue." */
    @TransportTest
    void shouldDeliverEveryMessageItAcceptedWhenThePeerCatchesUp(Transport transport) {
        try (Context ctx = new Context();
                Socket a = Spec.socket(ctx, PAIR);
                Socket b = Spec.socket(ctx, PAIR)) {
            a.set(SocketOption.SNDHWM, 1);
            b.set(SocketOption.RCVHWM, 1);
            a.connect(transport.bind(b));

            int accepted = Spec.sendUntilRefused(a, 16 * 1024);
            Spec.assertReceivesNumbered(b, accepted);
            // The refused message is still the application's: sent again, it arrives once, before the next.
            a.set(SocketOption.SNDTIMEO, Spec.TIMEOUT_MS);
            assertTrue(a.send(Spec.numbered(accepted, 4)));
            assertTrue(a.send(Spec.numbered(accepted + 1, 4)));
            Spec.assertReceivesNumberedRange(b, accepted, accepted + 2);
        }
    }

    /** "SHALL block on sending, or return a suitable error, when it has no available peer." */
    @TransportTest
    void shouldBlockSendingUntilAPeerConnects(Transport transport) throws InterruptedException {
        try (Context ctx = new Context();
                Socket pair = Spec.socket(ctx, PAIR);
                Socket peer = Spec.socket(ctx, PAIR)) {
            String endpoint = transport.bind(pair);

            assertFalse(pair.send("refused", Socket.DONTWAIT));
            pair.set(SocketOption.SNDTIMEO, 50);
            assertFalse(pair.send("timed out"));

            Thread connector = new Thread(() -> peer.connect(endpoint));
            pair.set(SocketOption.SNDTIMEO, Spec.TIMEOUT_MS);
            connector.start();
            assertTrue(pair.send("blocked until a peer came"));
            connector.join();
            assertReceives(peer, "blocked until a peer came");
        }
    }
}

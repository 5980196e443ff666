package org.zmq4j.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zmq4j.SocketType.DEALER;
import static org.zmq4j.spec.Spec.assertReceives;
import static org.zmq4j.spec.Spec.send;

import java.util.HashSet;
import java.util.Set;
import org.zmq4j.Context;
import org.zmq4j.Message;
import org.zmq4j.Socket;
import org.zmq4j.SocketOption;

/**
 * 28/REQREP, "The DEALER Socket Type" (libzmq's test_spec_dealer). Peers are DEALERs, which the pattern allows
 * and which show every frame. "SHALL deliver these to its calling application" is exercised by every test.
 */
class DealerSpecTest {

    /** "SHALL not filter or modify outgoing or incoming messages in any way." */
    @TransportTest
    void shouldPassMessagesThroughUnchanged(Transport transport) {
        byte[] binary = {0, 1, (byte) 0xFF, 0, (byte) 0x80};
        try (Context ctx = new Context();
                Socket a = Spec.socket(ctx, DEALER);
                Socket b = Spec.socket(ctx, DEALER)) {
            b.connect(transport.bind(a));

            Message sent = Message.of(new byte[0], binary, new byte[0]);
            assertTrue(b.send(sent));
            Spec.assertFrames(sent, Spec.receive(a));
            assertTrue(a.send(sent));
            Spec.assertFrames(sent, Spec.receive(b));
        }
    }

    /**
     * "SHALL maintain a double queue for each connected peer, allowing outgoing and incoming messages to be queued
     * independently."
     */
    @TransportTest
    void shouldQueueOutgoingAndIncomingMessagesIndependently(Transport transport) {
        QueueScenarios.queuesOutgoingAndIncomingIndependently(transport, DEALER);
    }

    /**
     * "SHALL create a double queue when initiating an outgoing connection to a peer, and SHALL maintain the double
     * queue whether or not the connection is established."
     */
    @TransportTest
    void shouldQueueMessagesForAPeerItConnectsToBeforeThePeerExists(Transport transport) {
        QueueScenarios.queuesForAPeerItConnectsToBeforeThePeerExists(transport, DEALER);
    }

    /**
     * "SHALL create a double queue when a peer connects to it. If this peer disconnects, the DEALER socket SHALL
     * destroy its double queue and SHALL discard any messages it contains."
     */
    @TransportTest
    void shouldDestroyTheQueueOfAPeerThatDisconnects(Transport transport) {
        QueueScenarios.destroysTheQueueOfAPeerThatDisconnects(transport, DEALER);
    }

    /**
     * "SHALL consider a peer as available only when it has a outgoing queue that is not full." and "SHALL not
     * accept further messages when it has no available peers."
     */
    @TransportTest
    void shouldRefuseMessagesWhileItsOnlyPeerHasAFullQueue(Transport transport) {
        try (Context ctx = new Context();
                Socket dealer = Spec.socket(ctx, DEALER);
                Socket peer = Spec.socket(ctx, DEALER)) {
            dealer.set(SocketOption.SNDHWM, 1);
            peer.set(SocketOption.RCVHWM, 1);
            dealer.connect(transport.bind(peer));

            int accepted = Spec.sendUntilRefused(dealer, 16 * 1024);
            assertTrue(accepted > 0, "an empty queue accepts a message");
            Spec.assertReceivesNumbered(peer, accepted);
        }
    }

    /** "SHALL NOT discard messages that it cannot queue." */
    @TransportTest
    void shouldDeliverEveryMessageItAcceptedWhenThePeerCatchesUp(Transport transport) {
        try (Context ctx = new Context();
                Socket dealer = Spec.socket(ctx, DEALER);
                Socket peer = Spec.socket(ctx, DEALER)) {
            dealer.set(SocketOption.SNDHWM, 1);
            peer.set(SocketOption.RCVHWM, 1);
            dealer.connect(transport.bind(peer));

            int accepted = Spec.sendUntilRefused(dealer, 16 * 1024);
            Spec.assertReceivesNumbered(peer, accepted);
            // The refused message is still the application's: sent again, it arrives once, before the next.
            dealer.set(SocketOption.SNDTIMEO, Spec.TIMEOUT_MS);
            assertTrue(dealer.send(Spec.numbered(accepted, 4)));
            assertTrue(dealer.send(Spec.numbered(accepted + 1, 4)));
            Spec.assertReceivesNumberedRange(peer, accepted, accepted + 2);
        }
    }

    /** "SHALL route outgoing messages to available peers using a round-robin strategy." */
    @TransportTest
    void shouldRoundRobinMessagesAcrossPeers(Transport transport) {
        try (Context ctx = new Context();
                Socket dealer = Spec.socket(ctx, DEALER);
                Socket peer0 = Spec.socket(ctx, DEALER);
                Socket peer1 = Spec.socket(ctx, DEALER);
                Socket peer2 = Spec.socket(ctx, DEALER)) {
            Socket[] peers = {peer0, peer1, peer2};
            for (Socket peer : peers) {
                dealer.connect(transport.bind(peer));
            }

            for (int n = 0; n < 2 * peers.length; n++) {
                assertTrue(dealer.send(Spec.numbered(n, 4)));
            }
            Set<Integer> firstRound = new HashSet<>();
            for (Socket peer : peers) {
                int first = Spec.number(Spec.receive(peer).frame(0));
                int second = Spec.number(Spec.receive(peer).frame(0));
                assertEquals(first + peers.length, second, "a peer gets one message per round");
                firstRound.add(first);
            }
            assertEquals(Set.of(0, 1, 2), firstRound);
        }
    }

    /** "SHALL block on sending, or return a suitable error, when it has no available peers." */
    @TransportTest
    void shouldBlockSendingUntilAPeerConnects(Transport transport) throws InterruptedException {
        try (Context ctx = new Context();
                Socket dealer = Spec.socket(ctx, DEALER);
                Socket peer = Spec.socket(ctx, DEALER)) {
            String endpoint = transport.bind(dealer);

            assertFalse(dealer.send("refused", Socket.DONTWAIT));
            dealer.set(SocketOption.SNDTIMEO, 50);
            assertFalse(dealer.send("timed out"));

            Thread connector = new Thread(() -> peer.connect(endpoint));
            dealer.set(SocketOption.SNDTIMEO, Spec.TIMEOUT_MS);
            connector.start();
            assertTrue(dealer.send("blocked until a peer came"));
            connector.join();
            assertReceives(peer, "blocked until a peer came");
        }
    }

    /**
     * "SHALL receive incoming messages from its peers using a fair-queuing strategy." ({@link FairQueueing}: exact
     * rounds over inproc, no starvation over every transport)
     */
    @TransportTest
    void shouldFairQueueIncomingMessages(Transport transport) {
        FairQueueing.assertFairQueuesPlainMessages(transport, DEALER, DEALER);
    }
}

package org.zmq4j.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zmq4j.SocketType.PULL;
import static org.zmq4j.SocketType.PUSH;
import static org.zmq4j.spec.Spec.assertReceives;
import static org.zmq4j.spec.Spec.send;

import java.util.HashSet;
import java.util.Set;
import org.zmq4j.Context;
import org.zmq4j.Message;
import org.zmq4j.Socket;
import org.zmq4j.SocketOption;
import org.zmq4j.ZmqException;

/** 30/PIPELINE, "The PUSH Socket Type" (libzmq's test_spec_pushpull). */
class PushSpecTest {

    /** "MAY be connected to any number of PULL peers, and SHALL only send messages." */
    @TransportTest
    void shouldRefuseToReceive(Transport transport) {
        try (Context ctx = new Context();
                Socket push = Spec.socket(ctx, PUSH);
                Socket pull = Spec.socket(ctx, PULL)) {
            pull.connect(transport.bind(push));

            ZmqException e = assertThrows(ZmqException.class, () -> push.recv(Socket.DONTWAIT));
            assertEquals(ZmqException.ENOTSUP, e.errorCode());
        }
    }

    /** "SHALL not filter or modify outgoing messages in any way." */
    @TransportTest
    void shouldSendMessagesUnmodified(Transport transport) {
        try (Context ctx = new Context();
                Socket push = Spec.socket(ctx, PUSH);
                Socket pull = Spec.socket(ctx, PULL)) {
            pull.connect(transport.bind(push));

            Message sent = Message.of(PubSubScenarios.BINARY, new byte[0], PubSubScenarios.BINARY);
            assertTrue(push.send(sent));
            Spec.assertFrames(sent, Spec.receive(pull));
        }
    }

    /** "SHALL maintain an outgoing message queue for each connected peer." */
    @TransportTest
    void shouldHoldEachPeersMessagesInItsOwnQueue(Transport transport) {
        try (Context ctx = new Context();
                Socket push = Spec.socket(ctx, PUSH);
                Socket pull0 = Spec.socket(ctx, PULL);
                Socket pull1 = Spec.socket(ctx, PULL)) {
            push.connect(transport.bind(pull0));
            push.connect(transport.bind(pull1));

            for (int n = 0; n < 20; n++) {
                assertTrue(push.send(Spec.numbered(n, 4)));
            }
            // One peer reads all of its share before the other reads anything.
            int first = Spec.number(Spec.receive(pull1).frame(0));
            for (int i = 1; i < 10; i++) {
                assertEquals(first + 2 * i, Spec.number(Spec.receive(pull1).frame(0)));
            }
            for (int i = 0; i < 10; i++) {
                assertEquals(1 - first + 2 * i, Spec.number(Spec.receive(pull0).frame(0)));
            }
        }
    }

    /**
     * "SHALL create this queue when initiating an outgoing connection to a peer, and SHALL maintain the queue
     * whether or not the connection is established."
     */
    @TransportTest
    void shouldQueueMessagesForAPeerItConnectsToBeforeThePeerExists(Transport transport) {
        try (Context ctx = new Context();
                Socket push = Spec.socket(ctx, PUSH);
                Socket pull = Spec.socket(ctx, PULL)) {
            String endpoint = transport.unboundEndpoint();
            push.connect(endpoint);

            for (int i = 0; i < 3; i++) {
                assertTrue(push.send("early-" + i, Socket.DONTWAIT));
            }
            pull.bind(endpoint);
            for (int i = 0; i < 3; i++) {
                assertReceives(pull, "early-" + i);
            }
        }
    }

    /**
     * "SHALL create this queue when a peer connects to it. If this peer disconnects, the PUSH socket SHALL destroy
     * its queue and SHALL discard any messages it contains."
     */
    @TransportTest
    void shouldDestroyTheQueueOfAPeerThatDisconnects(Transport transport) {
        try (Context ctx = new Context();
                Socket push = Spec.socket(ctx, PUSH);
                Socket pull = Spec.socket(ctx, PULL)) {
            push.set(SocketOption.SNDTIMEO, Spec.TIMEOUT_MS);
            String endpoint = transport.bind(push);
            pull.connect(endpoint);
            send(push, "hello");
            assertReceives(pull, "hello");
            send(push, "queued for the first connection");

            pull.disconnect(endpoint);
            Spec.await("the PUSH has dropped the queue of its only peer", () -> Spec.cannotSend(push));
            assertFalse(push.send("no peer", Socket.DONTWAIT));

            pull.connect(endpoint);
            send(push, "for the second connection");
            assertReceives(pull, "for the second connection");
        }
    }

    /**
     * "SHALL consider a peer as available only when it has a outgoing queue that is not full." and "SHALL not
     * accept further messages when it has no available peers."
     */
    @TransportTest
    void shouldRefuseMessagesWhileItsOnlyPeerHasAFullQueue(Transport transport) {
        try (Context ctx = new Context();
                Socket push = Spec.socket(ctx, PUSH);
                Socket pull = Spec.socket(ctx, PULL)) {
            push.set(SocketOption.SNDHWM, 1);
            pull.set(SocketOption.RCVHWM, 1);
            push.connect(transport.bind(pull));

            int accepted = Spec.sendUntilRefused(push, 16 * 1024);
            assertTrue(accepted > 0, "an empty queue accepts a message");
            Spec.assertReceivesNumbered(pull, accepted);
        }
    }

    /** "SHALL NOT discard messages that it cannot queue." */
    @TransportTest
    void shouldDeliverEveryMessageItAcceptedWhenThePeerCatchesUp(Transport transport) {
        try (Context ctx = new Context();
                Socket push = Spec.socket(ctx, PUSH);
                Socket pull = Spec.socket(ctx, PULL)) {
            push.set(SocketOption.SNDHWM, 1);
            pull.set(SocketOption.RCVHWM, 1);
            push.connect(transport.bind(pull));

            int accepted = Spec.sendUntilRefused(push, 16 * 1024);
            Spec.assertReceivesNumbered(pull, accepted);
            // The refused message is still the application's: sent again, it arrives once, before the next.
            push.set(SocketOption.SNDTIMEO, Spec.TIMEOUT_MS);
            assertTrue(push.send(Spec.numbered(accepted, 4)));
            assertTrue(push.send(Spec.numbered(accepted + 1, 4)));
            Spec.assertReceivesNumberedRange(pull, accepted, accepted + 2);
        }
    }

    /** "SHALL route outgoing messages to available peers using a round-robin strategy." */
    @TransportTest
    void shouldRoundRobinMessagesAcrossPeers(Transport transport) {
        try (Context ctx = new Context();
                Socket push = Spec.socket(ctx, PUSH);
                Socket pull0 = Spec.socket(ctx, PULL);
                Socket pull1 = Spec.socket(ctx, PULL);
                Socket pull2 = Spec.socket(ctx, PULL)) {
            Socket[] pulls = {pull0, pull1, pull2};
            for (Socket pull : pulls) {
                push.connect(transport.bind(pull));
            }

            for (int n = 0; n < 2 * pulls.length; n++) {
                assertTrue(push.send(Spec.numbered(n, 4)));
            }
            Set<Integer> firstRound = new HashSet<>();
            for (Socket pull : pulls) {
                int first = Spec.number(Spec.receive(pull).frame(0));
                assertEquals(first + pulls.length, Spec.number(Spec.receive(pull).frame(0)),
                        "a peer gets one message per round");
                firstRound.add(first);
            }
            assertEquals(Set.of(0, 1, 2), firstRound);
        }
    }

    /** "SHALL block on sending, or return a suitable error, when it has no available peers." */
    @TransportTest
    void shouldBlockSendingUntilAPeerConnects(Transport transport) throws InterruptedException {
        try (Context ctx = new Context();
                Socket push = Spec.socket(ctx, PUSH);
                Socket pull = Spec.socket(ctx, PULL)) {
            String endpoint = transport.bind(push);

            assertFalse(push.send("refused", Socket.DONTWAIT));
            push.set(SocketOption.SNDTIMEO, 50);
            assertFalse(push.send("timed out"));

            Thread connector = new Thread(() -> pull.connect(endpoint));
            push.set(SocketOption.SNDTIMEO, Spec.TIMEOUT_MS);
            connector.start();
            assertTrue(push.send("blocked until a peer came"));
            connector.join();
            assertReceives(pull, "blocked until a peer came");
        }
    }
}

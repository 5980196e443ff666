package org.zmq4j.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zmq4j.SocketType.PULL;
import static org.zmq4j.SocketType.PUSH;
import static org.zmq4j.spec.Spec.assertReceives;
import static org.zmq4j.spec.Spec.send;

import org.zmq4j.Context;
import org.zmq4j.Message;
import org.zmq4j.Socket;
import org.zmq4j.SocketOption;
import org.zmq4j.ZmqException;

/**
 * 30/PIPELINE, "The PULL Socket Type" (libzmq's test_spec_pushpull). Not checked: "If this peer disconnects, the
 * PULL socket SHALL destroy its queue and SHALL discard any messages it contains" — libzmq still delivers what had
 * arrived, and nothing else of the queue is visible to the API. "SHALL deliver these to its calling application"
 * is exercised by every test.
 */
class PullSpecTest {

    /** "MAY be connected to any number of PUSH peers, and SHALL only receive messages." */
    @TransportTest
    void shouldRefuseToSend(Transport transport) {
        try (Context ctx = new Context();
                Socket pull = Spec.socket(ctx, PULL);
                Socket push = Spec.socket(ctx, PUSH)) {
            push.connect(transport.bind(pull));

            ZmqException e = assertThrows(ZmqException.class, () -> pull.send("upstream"));
            assertEquals(ZmqException.ENOTSUP, e.errorCode());
        }
    }

    /** "SHALL not filter or modify incoming messages in any way." */
    @TransportTest
    void shouldDeliverMessagesUnmodified(Transport transport) {
        try (Context ctx = new Context();
                Socket pull = Spec.socket(ctx, PULL);
                Socket push = Spec.socket(ctx, PUSH)) {
            push.connect(transport.bind(pull));

            Message sent = Message.of(new byte[0], PubSubScenarios.BINARY, new byte[0]);
            assertTrue(push.send(sent));
            Spec.assertFrames(sent, Spec.receive(pull));
        }
    }

    /** "SHALL maintain an incoming queue for each connected peer." */
    @TransportTest
    void shouldKeepEachPeersMessagesInOrder(Transport transport) {
        try (Context ctx = new Context();
                Socket pull = Spec.socket(ctx, PULL);
                Socket push0 = Spec.socket(ctx, PUSH);
                Socket push1 = Spec.socket(ctx, PUSH)) {
            String endpoint = transport.bind(pull);
            push0.connect(endpoint);
            push1.connect(endpoint);

            for (int i = 0; i < 500; i++) {
                send(push0, "0", "" + i);
                send(push1, "1", "" + i);
            }
            int[] next = new int[2];
            for (int n = 0; n < 1000; n++) {
                Message m = Spec.receive(pull);
                int peer = Integer.parseInt(m.string(0));
                assertEquals(next[peer]++, Integer.parseInt(m.string(1)), "peer " + peer + " out of order");
            }
        }
    }

    /**
     * "SHALL create this queue when initiating an outgoing connection to a peer, and SHALL maintain the queue
     * whether or not the connection is established."
     */
    @TransportTest
    void shouldReceiveFromAPeerItConnectedToBeforeThePeerBound(Transport transport) {
        try (Context ctx = new Context();
                Socket pull = Spec.socket(ctx, PULL);
                Socket push = Spec.socket(ctx, PUSH)) {
            String endpoint = transport.unboundEndpoint();
            pull.connect(endpoint);
            push.bind(endpoint);

            push.set(SocketOption.SNDTIMEO, Spec.TIMEOUT_MS);
            send(push, "hello");
            assertReceives(pull, "hello");
        }
    }

    /**
     * "SHALL receive incoming messages from its peers using a fair-queuing strategy." ({@link FairQueueing}: exact
     * rounds over inproc, no starvation over every transport)
     */
    @TransportTest
    void shouldFairQueueIncomingMessages(Transport transport) {
        FairQueueing.assertFairQueuesPlainMessages(transport, PULL, PUSH);
    }
}

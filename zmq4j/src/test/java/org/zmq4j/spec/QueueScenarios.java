package org.zmq4j.spec;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zmq4j.spec.Spec.assertReceives;
import static org.zmq4j.spec.Spec.send;

import org.zmq4j.Context;
import org.zmq4j.Socket;
import org.zmq4j.SocketOption;
import org.zmq4j.SocketType;

/**
 * The double-queue scenarios that 28/REQREP (DEALER) and 31/EXPAIR (PAIR) state in the same words; each spec test
 * class quotes its own sentence and runs the scenario with its socket type, two sockets of that type talking.
 */
final class QueueScenarios {
    private QueueScenarios() {}

    /** A socket of {@code type} whose blocking sends give up after TIMEOUT_MS (a bound PAIR waits for its peer). */
    private static Socket socket(Context ctx, SocketType type) {
        Socket s = Spec.socket(ctx, type);
        s.set(SocketOption.SNDTIMEO, Spec.TIMEOUT_MS);
        return s;
    }

    /** "…allowing outgoing and incoming messages to be queued independently." */
    static void queuesOutgoingAndIncomingIndependently(Transport transport, SocketType type) {
        try (Context ctx = new Context(); Socket a = socket(ctx, type); Socket b = socket(ctx, type)) {
            b.connect(transport.bind(a));
            for (int i = 0; i < 10; i++) {
                send(a, "a-" + i);
                send(b, "b-" + i);
            }
            for (int i = 0; i < 10; i++) {
                assertReceives(b, "a-" + i);
            }
            for (int i = 0; i < 10; i++) {
                assertReceives(a, "b-" + i);
            }
        }
    }

    /** "…SHALL maintain the double queue whether or not the connection is established." */
    static void queuesForAPeerItConnectsToBeforeThePeerExists(Transport transport, SocketType type) {
        try (Context ctx = new Context(); Socket connecting = socket(ctx, type); Socket peer = socket(ctx, type)) {
            String endpoint = transport.unboundEndpoint();
            connecting.connect(endpoint);
            for (int i = 0; i < 3; i++) {
                assertTrue(connecting.send("early-" + i, Socket.DONTWAIT));
            }
            peer.bind(endpoint);
            for (int i = 0; i < 3; i++) {
                assertReceives(peer, "early-" + i);
            }
            send(peer, "back");
            assertReceives(connecting, "back");
        }
    }

    /** "If this peer disconnects, the … socket SHALL destroy its double queue and SHALL discard any messages…" */
    static void destroysTheQueueOfAPeerThatDisconnects(Transport transport, SocketType type) {
        try (Context ctx = new Context(); Socket bound = socket(ctx, type); Socket peer = socket(ctx, type)) {
            String endpoint = transport.bind(bound);
            peer.connect(endpoint);
            send(peer, "hello");
            assertReceives(bound, "hello");
            send(bound, "queued for the first connection");

            peer.disconnect(endpoint);
            Spec.await("the " + type + " has dropped the queue of its only peer", () -> Spec.cannotSend(bound));
            assertFalse(bound.send("no peer", Socket.DONTWAIT));

            peer.connect(endpoint);
            send(bound, "for the second connection");
            assertReceives(peer, "for the second connection");
        }
    }
}

package org.zmq4j.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import static org.zmq4j.spec.Spec.assertReceives;
import static org.zmq4j.spec.Spec.send;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;
import org.zmq4j.Context;
import org.zmq4j.Message;
import org.zmq4j.Socket;
import org.zmq4j.SocketType;

/**
 * Checks of "SHALL receive incoming messages from its peers using a fair-queuing strategy".
 *
 * <p>Over inproc a send lands in the receiver's queue before it returns, so every peer's queue can be loaded
 * before the first receive and each round checked to take exactly one message from every peer (libzmq's
 * test_spec_* check this after a settle sleep). Over tcp and ipc messages arrive asynchronously and no event says
 * that all of them have; there the tests check, with a {@link Flood}, that a busy peer cannot starve a quiet one.
 */
final class FairQueueing {
    private FairQueueing() {}

    /** The body peer {@code peer} sends in round {@code round}. */
    static String body(int peer, int round) {
        return "p" + peer + "-" + round;
    }

    /**
     * Reads {@code peers} x {@code rounds} bodies (each peer having sent {@link #body} for every round) and checks
     * that each run of {@code peers} consecutive messages holds one message from every peer, in each peer's order.
     */
    static void assertOneFromEachPeerPerRound(int peers, int rounds, Supplier<String> nextBody) {
        for (int round = 0; round < rounds; round++) {
            Set<Integer> seen = new HashSet<>();
            for (int n = 0; n < peers; n++) {
                String b = nextBody.get();
                int peer = Integer.parseInt(b.substring(1, b.indexOf('-')));
                assertEquals(round, Integer.parseInt(b.substring(b.indexOf('-') + 1)),
                        "peer " + peer + " was served twice in round " + round);
                seen.add(peer);
            }
            assertEquals(peers, seen.size(), "round " + round + " skipped a peer");
        }
    }

    /**
     * The check for a receiver that takes plain messages (DEALER, PULL) from two senders: exact rounds over inproc,
     * and over every transport a busy sender cannot starve a quiet one.
     */
    static void assertFairQueuesPlainMessages(Transport transport, SocketType receiverType, SocketType senderType) {
        try (Context ctx = new Context();
                Socket receiver = Spec.socket(ctx, receiverType);
                Socket busy = Spec.socket(ctx, senderType);
                Socket quiet = Spec.socket(ctx, senderType)) {
            String endpoint = transport.bind(receiver);
            busy.connect(endpoint);
            quiet.connect(endpoint);
            Socket[] peers = {busy, quiet};
            if (transport == Transport.INPROC) {
                for (int round = 0; round < 3; round++) {
                    for (int i = 0; i < peers.length; i++) {
                        send(peers[i], body(i, round));
                    }
                }
                assertOneFromEachPeerPerRound(peers.length, 3, () -> Spec.receive(receiver).string(0));
            }

            try (Flood flood = new Flood(busy, Message.of("flood"))) {
                assertReceives(receiver, "flood");
                send(quiet, "quiet");
                flood.receiveUntil(receiver, "quiet", () -> { });
            }
        }
    }
}

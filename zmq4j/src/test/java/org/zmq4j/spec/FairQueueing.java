package org.zmq4j.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;

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
}

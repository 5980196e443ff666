package org.zmq4j.bench.internal.routing;

import java.nio.charset.StandardCharsets;

/**
 * Subscriptions and messages for the matching benchmarks: {@code n} topics "sensor/0000" … and messages whose
 * leading bytes are one of them (a hit) or none of them (a miss).
 */
final class Topics {
    private Topics() {}

    static byte[][] subscriptions(int n) {
        byte[][] topics = new byte[n][];
        for (int i = 0; i < n; i++) {
            topics[i] = String.format("sensor/%04d", i).getBytes(StandardCharsets.US_ASCII);
        }
        return topics;
    }

    /** A message for the middle subscription of {@code n}. */
    static byte[] hit(int n) {
        return String.format("sensor/%04d temperature=21.5", n / 2).getBytes(StandardCharsets.US_ASCII);
    }

    /** A message that shares the first bytes of every subscription but matches none. */
    static byte[] miss() {
        return "sensor/none temperature=21.5".getBytes(StandardCharsets.US_ASCII);
    }
}

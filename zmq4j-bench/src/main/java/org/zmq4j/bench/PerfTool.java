package org.zmq4j.bench;

import java.util.Locale;

/**
 * What the Java perf tools of this module share with libzmq's {@code perf/} tools: argument checks and the result
 * lines, printed exactly as libzmq prints them so that the outputs of any two implementations compare directly.
 */
public final class PerfTool {
    private PerfTool() {}

    /** Exits with libzmq's usage line unless {@code args} has one of the allowed lengths. */
    public static void checkUsage(String[] args, String usage, int... allowedLengths) {
        for (int n : allowedLengths) {
            if (args.length == n) {
                return;
            }
        }
        System.out.println("usage: " + usage);
        System.exit(1);
    }

    /** A non-negative count or size argument; exits on anything else. */
    public static int count(String value, String name) {
        try {
            int n = Integer.parseInt(value);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw fail("bad " + name + ": " + value);
    }

    /** libzmq's tools take an optional {@code <enable_curve>}; these do not implement CURVE. */
    public static void refuseCurve(String[] args, int index) {
        if (args.length > index && !args[index].equals("0")) {
            throw fail("CURVE is not supported by this tool");
        }
    }

    /** Prints the message to stderr and exits with status 1; declared to return so callers can {@code throw}. */
    public static RuntimeException fail(String message) {
        System.err.println(message);
        System.exit(1);
        return new IllegalStateException(message);
    }

    /** local_thr's four lines; the clock covered {@code messageCount} messages (it started at the first one). */
    public static void printThroughput(int messageSize, long messageCount, long elapsedMicros) {
        long elapsed = elapsedMicros == 0 ? 1 : elapsedMicros;
        long throughput = (long) ((double) messageCount / (double) elapsed * 1_000_000);
        double megabits = (double) (throughput * messageSize * 8) / 1_000_000;
        System.out.printf(Locale.ROOT, "message size: %d [B]%n", messageSize);
        System.out.printf(Locale.ROOT, "message count: %d%n", messageCount);
        System.out.printf(Locale.ROOT, "mean throughput: %d [msg/s]%n", throughput);
        System.out.printf(Locale.ROOT, "mean throughput: %.3f [Mb/s]%n", megabits);
    }

    /** remote_lat's three lines; latency is one way: elapsed time over twice the number of round trips. */
    public static void printLatency(int messageSize, long roundtripCount, long elapsedMicros) {
        double latency = (double) elapsedMicros / (roundtripCount * 2);
        System.out.printf(Locale.ROOT, "message size: %d [B]%n", messageSize);
        System.out.printf(Locale.ROOT, "roundtrip count: %d%n", roundtripCount);
        System.out.printf(Locale.ROOT, "average latency: %.3f [us]%n", latency);
    }
}

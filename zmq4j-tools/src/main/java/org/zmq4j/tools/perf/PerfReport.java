package org.zmq4j.tools.perf;

import java.io.PrintStream;
import java.util.Locale;

/** Prints results in exactly the lines of libzmq's perf tools, so numbers from both compare directly. */
final class PerfReport {
    private PerfReport() {}

    /** local_thr and inproc_thr: {@code count} messages over {@code elapsedMicros}, as libzmq computes it. */
    static void throughput(PrintStream out, int size, int count, long elapsedMicros) {
        long elapsed = elapsedMicros == 0 ? 1 : elapsedMicros;
        double throughput = (double) count / (double) elapsed * 1_000_000;
        double megabits = throughput * size * 8 / 1_000_000;
        out.printf(Locale.ROOT, "message size: %d [B]%n", size);
        out.printf(Locale.ROOT, "message count: %d%n", count);
        out.printf(Locale.ROOT, "mean throughput: %d [msg/s]%n", (int) throughput);
        out.printf(Locale.ROOT, "mean throughput: %.3f [Mb/s]%n", megabits);
    }

    /** remote_lat and inproc_lat: the one-way latency, half of the mean round trip. */
    static void latency(PrintStream out, int size, int roundtrips, long elapsedMicros) {
        double latency = (double) elapsedMicros / (roundtrips * 2.0);
        out.printf(Locale.ROOT, "message size: %d [B]%n", size);
        out.printf(Locale.ROOT, "roundtrip count: %d%n", roundtrips);
        out.printf(Locale.ROOT, "average latency: %.3f [us]%n", latency);
    }
}

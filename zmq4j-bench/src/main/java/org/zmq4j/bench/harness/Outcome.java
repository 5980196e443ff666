package org.zmq4j.bench.harness;

/**
 * What one run of a case gave: msg/s for throughput cases, one-way µs for latency cases, or why there is no value.
 *
 * @param value the result when {@link #ok()}
 * @param problem null when the run gave a value; otherwise a short reason for the table's details
 * @param skipped true when the implementation lacks the tool, so the run never started
 */
public record Outcome(double value, String problem, boolean skipped) {

    public static Outcome of(double value) {
        return new Outcome(value, null, false);
    }

    public static Outcome failed(String problem) {
        return new Outcome(Double.NaN, problem, false);
    }

    public static Outcome skipped(String reason) {
        return new Outcome(Double.NaN, reason, true);
    }

    public boolean ok() {
        return problem == null;
    }
}

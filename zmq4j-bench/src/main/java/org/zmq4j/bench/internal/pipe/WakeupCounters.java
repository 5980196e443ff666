package org.zmq4j.bench.internal.pipe;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Wake-ups ({@code readActivated} signals) next to a pipe benchmark's score: JMH reports them per µs like the
 * score, so their ratio is wake-ups per message. Only the benchmark thread updates them.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class WakeupCounters {
    public long wakeups;

    @Setup(Level.Iteration)
    public void reset() {
        wakeups = 0;
    }
}

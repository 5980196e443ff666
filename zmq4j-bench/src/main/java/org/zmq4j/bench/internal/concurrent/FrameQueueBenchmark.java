package org.zmq4j.bench.internal.concurrent;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.zmq4j.internal.concurrent.FrameQueue;

/**
 * The frame queue under a pipe, from one thread: the cost of write, publish (flush) and read without any
 * contention, one message per flush and 100 per flush. The queue recycles its chunks, so a steady stream should
 * allocate nothing.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class FrameQueueBenchmark {
    static final int BATCH = 100;

    private final byte[] frame = new byte[16];
    private FrameQueue queue;

    @Setup
    public void setUp() {
        queue = new FrameQueue();
    }

    @Benchmark
    public Object writeFlushRead() {
        queue.write(frame, 0, true);
        queue.flush();
        return queue.read();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void writeBatchFlushReadAll(Blackhole bh) {
        for (int i = 0; i < BATCH; i++) {
            queue.write(frame, 0, true);
        }
        queue.flush();
        Object f;
        while ((f = queue.read()) != null) {
            bh.consume(f);
        }
    }
}

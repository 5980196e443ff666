package org.zmq4j.bench.internal.pipe;

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
import org.zmq4j.internal.pipe.Pipe;

/**
 * A pipe from one thread: write, flush and read with the high-water-mark bookkeeping of a real socket (HWM 1000).
 * {@code sendRecv} reads the message and stops; {@code sendRecvUntilEmpty} then reads once more and finds the pipe
 * empty, as a receiver that keeps up does, so every flush must wake it: the wake-up handshake per message.
 * {@code batch} sends 100 messages before the reader drains them: one wake-up per 100.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class PipeBenchmark {
    static final int BATCH = 100;

    private final byte[] frame = new byte[16];
    private Pipe writer;
    private Pipe reader;
    private WakeupCounters counters;

    @Setup
    public void setUp() {
        Pipe.Listener readerListener = new NoOpListener() {
            @Override
            public void readActivated(Pipe pipe) {
                counters.wakeups++;
            }
        };
        Pipe[] ends = Pipe.pair(new NoOpListener(), 1000, readerListener, 1000);
        writer = ends[0];
        reader = ends[1];
    }

    @Benchmark
    public byte[] sendRecv(WakeupCounters c) {
        counters = c;
        send();
        return reader.read();
    }

    @Benchmark
    public byte[] sendRecvUntilEmpty(WakeupCounters c) {
        counters = c;
        send();
        byte[] f = reader.read();
        if (reader.read() != null) {
            throw new AssertionError("one message was sent");
        }
        return f;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void batch(WakeupCounters c, Blackhole bh) {
        counters = c;
        for (int i = 0; i < BATCH; i++) {
            send();
        }
        byte[] f;
        while ((f = reader.read()) != null) {
            bh.consume(f);
        }
    }

    private void send() {
        if (!writer.checkWrite()) {
            throw new AssertionError("the reader keeps up, so the pipe is never full");
        }
        writer.write(frame, 0);
        writer.flush();
    }
}

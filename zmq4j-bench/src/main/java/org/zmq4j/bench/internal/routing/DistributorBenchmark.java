package org.zmq4j.bench.internal.routing;

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
import org.zmq4j.bench.internal.pipe.NoOpListener;
import org.zmq4j.internal.pipe.Pipe;
import org.zmq4j.internal.routing.Distributor;

/**
 * A PUB socket's send path to 10 subscribers' pipes (HWM 1000): 100 messages each to all 10, then the peers drain
 * their pipes. Scores and allocation are per message sent (each delivered 10 times), the peers' reads included.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class DistributorBenchmark {
    static final int PIPES = 10;
    static final int BATCH = 100;

    private final byte[] frame = new byte[16];
    private final Distributor dist = new Distributor();
    private Pipe[] peers;

    @Setup
    public void setUp() {
        Pipe.Listener socket = new NoOpListener() {
            @Override
            public void writeActivated(Pipe pipe) {
                dist.activated(pipe);
            }
        };
        peers = Peers.attach(PIPES, socket, dist::attach);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void sendToAll(Blackhole bh) {
        for (int i = 0; i < BATCH; i++) {
            dist.sendToAll(frame, 0);
        }
        Peers.drain(peers, bh);
    }
}

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
import org.zmq4j.internal.routing.FairQueue;

/**
 * A PULL or DEALER socket's receive path over 10 pipes (HWM 1000): the peers write 10 messages each, then the
 * socket receives until every pipe is empty, so each pipe goes to sleep and is re-activated once per batch.
 * Scores and allocation are per message, the peers' writes included.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class FairQueueBenchmark {
    static final int PIPES = 10;
    static final int PER_PIPE = 10;

    private final byte[] frame = new byte[16];
    private final FairQueue fq = new FairQueue();
    private Pipe[] peers;

    @Setup
    public void setUp() {
        Pipe.Listener socket = new NoOpListener() {
            @Override
            public void readActivated(Pipe pipe) {
                fq.activated(pipe);
            }
        };
        peers = Peers.attach(PIPES, socket, fq::attach);
    }

    @Benchmark
    @OperationsPerInvocation(PIPES * PER_PIPE)
    public void recv(Blackhole bh) {
        for (Pipe peer : peers) {
            for (int i = 0; i < PER_PIPE; i++) {
                if (!peer.checkWrite()) {
                    throw new AssertionError("the socket drains every batch, so a pipe always has room");
                }
                peer.write(frame, 0);
            }
            peer.flush();
        }
        byte[] f;
        while ((f = fq.recv()) != null) {
            bh.consume(f);
        }
    }
}

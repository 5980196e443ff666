package org.zmq4j.bench.internal.zmtp;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.zmq4j.internal.zmtp.FrameEncoder;

/**
 * Writing a batch of frames into one buffer (direct or heap), as the engine fills its output buffer before a socket
 * write. 256 B is the first size with a long (9-octet) header. Scores and allocation are per frame.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class FrameEncoderBenchmark {
    static final int FRAMES = 1000;

    @Param({"16", "256", "1024"})
    int size;

    /** A direct buffer (what the engine uses) or a heap one. */
    @Param({"true", "false"})
    boolean direct;

    private ByteBuffer out;
    private byte[] body;

    @Setup
    public void setUp() {
        body = new byte[size];
        int capacity = FRAMES * (FrameEncoder.headerSize(size) + size);
        out = direct ? ByteBuffer.allocateDirect(capacity) : ByteBuffer.allocate(capacity);
    }

    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public int encode() {
        out.clear();
        for (int i = 0; i < FRAMES; i++) {
            FrameEncoder.writeFrame(out, 0, body, 0, size);
        }
        return out.position();
    }

    /** Header only, the body left to a gathering write (how large bodies go out). */
    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public int encodeHeaders() {
        out.clear();
        for (int i = 0; i < FRAMES; i++) {
            FrameEncoder.writeHeader(out, FrameEncoder.MORE, size);
        }
        return out.position();
    }
}

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
import org.openjdk.jmh.infra.Blackhole;
import org.zmq4j.internal.zmtp.FrameDecoder;
import org.zmq4j.internal.zmtp.FrameEncoder;
import org.zmq4j.internal.zmtp.ZmtpException;

/**
 * Parsing a buffer (direct or heap) of many frames, as the engine parses what one socket read brought: whole (the
 * buffer holds every frame) and in 8 KiB reads (frames split across reads). Scores and allocation are per frame; the
 * allocation is the body array each frame is delivered in.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class FrameDecoderBenchmark {
    static final int FRAMES = 1000;
    static final int READ_SIZE = 8192;

    @Param({"16", "256", "1024"})
    int size;

    /** A direct buffer (what the engine uses) or a heap one. */
    @Param({"true", "false"})
    boolean direct;

    private ByteBuffer in;
    private FrameDecoder decoder;
    private FrameDecoder.Sink sink;

    @Setup
    public void setUp(Blackhole bh) {
        int capacity = FRAMES * (FrameEncoder.headerSize(size) + size);
        in = direct ? ByteBuffer.allocateDirect(capacity) : ByteBuffer.allocate(capacity);
        byte[] body = new byte[size];
        for (int i = 0; i < FRAMES; i++) {
            FrameEncoder.writeFrame(in, (i % 2 == 0) ? FrameEncoder.MORE : 0, body, 0, size);
        }
        in.flip();
        decoder = new FrameDecoder(-1);
        sink = (frame, flags) -> {
            bh.consume(frame);
            return true;
        };
    }

    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public boolean decode() throws ZmtpException {
        in.rewind();
        return decoder.decode(in, sink);
    }

    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public boolean decodeInReads() throws ZmtpException {
        boolean refused = false;
        for (int at = 0, end = in.capacity(); at < end; at += READ_SIZE) {
            in.limit(Math.min(end, at + READ_SIZE)).position(at);
            refused |= decoder.decode(in, sink);
        }
        in.limit(in.capacity());
        return refused;
    }
}

package org.zmq4j.bench.internal.pipe;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.infra.Control;
import org.zmq4j.internal.concurrent.ArrayPool;
import org.zmq4j.internal.pipe.FrameArrays;
import org.zmq4j.internal.pipe.Pipe;

/**
 * A stream through a pipe between two threads, as a socket and its session (or two inproc sockets) run one: the
 * writer takes each frame's array from its {@link FrameArrays} and waits (spinning) while the pipe is at its
 * high-water mark of 1,000; the reader reads each frame and recycles its array, which goes back to the writer
 * through the pipe once the reader's own cache is full. The reader also spends a little time on each message
 * ({@link Blackhole#consumeCPU}), as an application does, so the faster writer keeps the pipe at its high-water mark:
 * the normal state of a stream, where the writer, each time the reader has made room, writes half a pipe (two of the
 * queue's chunks of 256 frames) at once.
 *
 * <p>The group's score counts both methods' calls, so messages per µs are {@code recv}'s score, and with
 * {@code -prof gc} the bytes allocated per message are twice {@code gc.alloc.rate.norm}. A writer that got only
 * one of the chunks its reader had finished back allocated the others, and new arrays for the frames whose
 * given-back arrays they held.
 */
@State(Scope.Group)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class PipeStreamBenchmark {
    static final int HWM = 1_000;
    static final int SIZE = 16;
    /** The reader's work per message, in {@link Blackhole#consumeCPU} tokens. */
    static final long READER_WORK = 50;

    private Pipe writer;
    private Pipe reader;
    private FrameArrays writerArrays;
    private FrameArrays readerArrays;

    @Setup
    public void setUp() {
        Pipe[] ends = Pipe.pair(new NoOpListener(), HWM, new NoOpListener(), HWM);
        writer = ends[0];
        reader = ends[1];
        ArrayPool pool = new ArrayPool(64L << 20);
        writerArrays = new FrameArrays(pool);
        readerArrays = new FrameArrays(pool);
        writer.writerArrays = writerArrays;
    }

    @Benchmark
    @Group("stream")
    @GroupThreads(1)
    public void send(Control control) {
        while (!writer.checkWrite()) {
            if (control.stopMeasurement) {
                return;
            }
            Thread.onSpinWait();
        }
        byte[] frame = writerArrays.allocate(SIZE);
        frame[0] = 1;
        writer.write(frame, Pipe.RECYCLABLE);
        writer.flush();
    }

    @Benchmark
    @Group("stream")
    @GroupThreads(1)
    public int recv(Control control) {
        byte[] frame;
        while ((frame = reader.read()) == null) {
            if (control.stopMeasurement) {
                return 0;
            }
            Thread.onSpinWait();
        }
        int first = frame[0];
        readerArrays.recycle(frame, reader);
        Blackhole.consumeCPU(READER_WORK);
        return first;
    }
}

package org.zmq4j.bench.internal.pipe;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.zmq4j.internal.pipe.Pipe;

/**
 * A round trip over a pipe between two threads: the benchmark thread sends one message, an echo thread sends it
 * back. Each side that finds its pipe empty marks itself asleep, and the other side's flush then signals it
 * ({@code readActivated}), which unparks the sleeper. With {@code park} a side parks as soon as its pipe is empty
 * (how application threads block); with {@code spinThenPark} it first polls the pipe up to {@value #SPINS} times,
 * which avoids most parks when both threads have a core of their own (polling alone would starve on a busy
 * machine). The {@code wakeups} counter is the signals per µs, next to round trips per µs: about two per round trip
 * when every message finds the other side asleep.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class PipePingBenchmark {
    static final int SPINS = 1_000;

    @Param({"park", "spinThenPark"})
    String waiting;

    private final byte[] frame = new byte[16];
    private int spins;
    private Pipe ping;
    private Pipe echo;
    private Thread echoThread;
    private volatile Thread pingThread;
    private volatile boolean running;
    private WakeupCounters counters;

    @Setup(Level.Trial)
    public void setUp() {
        spins = waiting.equals("park") ? 0 : SPINS;
        Pipe.Listener pingListener = new NoOpListener() {
            @Override
            public void readActivated(Pipe pipe) {
                // On the echo thread: the benchmark thread found no reply and waits for one.
                LockSupport.unpark(pingThread);
            }
        };
        Pipe.Listener echoListener = new NoOpListener() {
            @Override
            public void readActivated(Pipe pipe) {
                // On the benchmark thread: the echo thread sleeps and must be woken.
                counters.wakeups++;
                LockSupport.unpark(echoThread);
            }
        };
        Pipe[] ends = Pipe.pair(pingListener, 0, echoListener, 0);
        ping = ends[0];
        echo = ends[1];
        running = true;
        echoThread = new Thread(this::echoLoop, "pipe-echo");
        echoThread.setDaemon(true);
        echoThread.start();
    }

    @Setup(Level.Iteration)
    public void onBenchmarkThread() {
        pingThread = Thread.currentThread();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws InterruptedException {
        running = false;
        LockSupport.unpark(echoThread);
        echoThread.join();
    }

    @Benchmark
    public byte[] roundTrip(WakeupCounters c) {
        counters = c;
        ping.write(frame, 0);
        ping.flush();
        byte[] reply = ping.read();
        if (reply == null) {
            c.wakeups++;
            reply = await(ping);
        }
        return reply;
    }

    private void echoLoop() {
        while (running) {
            byte[] f = await(echo);
            if (f != null) {
                echo.write(f, 0);
                echo.flush();
            }
        }
    }

    /** The next frame of {@code end}: polled up to {@code spins} times, then waited for parked; null if stopped. */
    private byte[] await(Pipe end) {
        byte[] f;
        for (int i = 0; i < spins; i++) {
            if ((f = end.read()) != null) {
                return f;
            }
            Thread.onSpinWait();
        }
        while ((f = end.read()) == null && running) {
            LockSupport.park(this);
        }
        return f;
    }
}

package org.zmq4j.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.zmq4j.Context;
import org.zmq4j.MonitorEvent;
import org.zmq4j.Socket;
import org.zmq4j.SocketOption;
import org.zmq4j.SocketType;

/**
 * Reads a socket's monitor events the way a libzmq user does: {@code socket.monitor("inproc://…", ALL)}, a PAIR
 * connected there, {@link MonitorEvent#receive} with RCVTIMEO. Waits have deadlines; a wait that runs out fails
 * the test and lists every event seen so far. Used from the test thread only.
 */
public final class MonitorProbe implements AutoCloseable {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    private static final AtomicInteger NAMES = new AtomicInteger();

    private final Socket pair;
    private final String name;
    private final List<MonitorEvent> seen = new ArrayList<>();

    private MonitorProbe(Socket pair, String name) {
        this.pair = pair;
        this.name = name;
    }

    /** Starts monitoring every event of {@code socket}, which belongs to {@code ctx}. */
    public static MonitorProbe attach(Context ctx, Socket socket) {
        String name = "inproc://mon-" + NAMES.incrementAndGet();
        socket.monitor(name, MonitorEvent.ALL);
        Socket pair = ctx.socket(SocketType.PAIR);
        pair.set(SocketOption.LINGER, 0);
        pair.connect(name);
        return new MonitorProbe(pair, name);
    }

    public String endpoint() {
        return name;
    }

    /** The next event, or null if none comes within {@code timeout}. */
    public MonitorEvent next(Duration timeout) {
        pair.set(SocketOption.RCVTIMEO, (int) Math.max(1, timeout.toMillis()));
        MonitorEvent e = MonitorEvent.receive(pair);
        if (e != null) {
            seen.add(e);
        }
        return e;
    }

    /** The next event; fails if none comes within the default timeout. */
    public MonitorEvent next() {
        MonitorEvent e = next(DEFAULT_TIMEOUT);
        if (e == null) {
            throw new AssertionError("no monitor event within " + DEFAULT_TIMEOUT + "; seen " + seen);
        }
        return e;
    }

    /** Reads events until one of {@code type} comes, skipping others; fails after the default timeout. */
    public MonitorEvent await(MonitorEvent.Type type) {
        return await(e -> e.type() == type, type.toString());
    }

    public MonitorEvent await(Predicate<MonitorEvent> match, String what) {
        long deadline = System.nanoTime() + DEFAULT_TIMEOUT.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            MonitorEvent e = left > 0 ? next(Duration.ofNanos(left)) : null;
            if (e == null) {
                throw new AssertionError("no " + what + " monitor event within " + DEFAULT_TIMEOUT + "; seen "
                        + seen);
            }
            if (match.test(e)) {
                return e;
            }
        }
    }

    /** Every event read so far, in order. */
    public List<MonitorEvent> seen() {
        return seen;
    }

    @Override
    public void close() {
        pair.close();
    }
}

package org.zmq4j.curve.sockets;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.zmq4j.MonitorEvent;
import org.zmq4j.Socket;

/**
 * A socket's monitor events, collected through {@link Socket#monitor(java.util.function.Consumer)} and awaited with
 * deadlines: a wait that runs out fails the test and lists what was seen.
 */
final class Events {
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final LinkedBlockingQueue<MonitorEvent> queue = new LinkedBlockingQueue<>();
    private final List<MonitorEvent> seen = new ArrayList<>();

    private Events() {}

    static Events of(Socket socket) {
        Events e = new Events();
        socket.monitor(e.queue::add);
        return e;
    }

    /** The next event of {@code type}, skipping others. */
    MonitorEvent await(MonitorEvent.Type type) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            MonitorEvent e;
            try {
                e = queue.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                throw new AssertionError(ie);
            }
            if (e == null) {
                throw new AssertionError("no " + type + " within " + TIMEOUT + "; seen " + seen);
            }
            seen.add(e);
            if (e.type() == type) {
                return e;
            }
        }
    }

    /** The first HANDSHAKE_* event of the next connection attempt. */
    MonitorEvent awaitHandshakeOutcome() {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            MonitorEvent e;
            try {
                e = queue.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                throw new AssertionError(ie);
            }
            if (e == null) {
                throw new AssertionError("no handshake outcome within " + TIMEOUT + "; seen " + seen);
            }
            seen.add(e);
            if (e.type().name().startsWith("HANDSHAKE_")) {
                return e;
            }
        }
    }

    /** Every event seen so far or queued now. */
    List<MonitorEvent> drain() {
        queue.drainTo(seen);
        return new ArrayList<>(seen);
    }
}

package org.zmq4j.interop;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.zmq4j.MonitorEvent;
import org.zmq4j.Socket;

/**
 * A zmq4j socket's monitor events, read in the order they happened. The socket's I/O thread adds them; the test
 * thread reads them.
 */
final class EventLog {
    private final LinkedBlockingQueue<MonitorEvent> queue = new LinkedBlockingQueue<>();
    private final List<MonitorEvent> seen = new ArrayList<>();

    EventLog(Socket socket) {
        socket.monitor(queue::add);
    }

    /** Waits up to {@link LibzmqPeer#WAIT} for the next event of {@code type}, passing over other events. */
    MonitorEvent await(MonitorEvent.Type type) {
        long deadline = System.nanoTime() + LibzmqPeer.WAIT.toNanos();
        try {
            while (true) {
                MonitorEvent e = queue.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (e == null) {
                    return fail("no " + type + " event within " + LibzmqPeer.WAIT + "; events so far: " + seen);
                }
                seen.add(e);
                if (e.type() == type) {
                    return e;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted waiting for " + type);
        }
    }

    /** Fails if an event of {@code type} has happened since the last look. */
    void assertNone(MonitorEvent.Type type) {
        for (MonitorEvent e; (e = queue.poll()) != null; ) {
            seen.add(e);
            if (e.type() == type) {
                fail("unexpected " + e + "; events so far: " + seen);
            }
        }
    }
}

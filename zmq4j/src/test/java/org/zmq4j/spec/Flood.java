package org.zmq4j.spec;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.zmq4j.ContextTerminatedException;
import org.zmq4j.Message;
import org.zmq4j.Socket;
import org.zmq4j.SocketOption;

/**
 * A peer that never runs dry: sends one message over and over from its own thread until closed. Fair-queuing
 * tests put a flood on one peer and a single message on another: a fair queue delivers the single message while
 * the flood goes on; a queue that drains one peer first delivers it only when the flood's queue happens to run
 * empty ({@link FairQueueing} has the exact check).
 *
 * <p>The socket belongs to the flood's thread from construction to {@link #close()}; the test closes it after.
 */
final class Flood implements AutoCloseable {
    private final Thread thread;
    private volatile boolean stopped;
    private volatile Throwable failure;

    Flood(Socket socket, Message message) {
        // A short SNDTIMEO keeps a blocked send from outliving close().
        socket.set(SocketOption.SNDTIMEO, 20);
        thread = new Thread(() -> {
            try {
                while (!stopped) {
                    socket.send(message);
                }
            } catch (ContextTerminatedException e) {
                // the test is over
            } catch (Throwable t) {
                failure = t;
            }
        }, "flood-" + socket.type());
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Receives on {@code receiver} until a message whose last frame is {@code marker} arrives, while the flood goes
     * on; {@code beforeEachReceive} runs before every receive. Fails if the marker is starved for TIMEOUT_MS.
     */
    void receiveUntil(Socket receiver, String marker, Runnable beforeEachReceive) {
        byte[] m = Spec.bytes(marker);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Spec.TIMEOUT_MS);
        while (true) {
            beforeEachReceive.run();
            Message msg = Spec.receive(receiver);
            if (Arrays.equals(msg.frame(msg.size() - 1), m)) {
                return;
            }
            if (System.nanoTime() - deadline > 0) {
                fail("\"" + marker + "\" was starved by a flooding peer for " + Spec.TIMEOUT_MS + " ms");
            }
        }
    }

    @Override
    public void close() {
        stopped = true;
        try {
            thread.join(Spec.TIMEOUT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while stopping the flood", e);
        }
        assertFalse(thread.isAlive(), "the flood did not stop");
        if (failure != null) {
            throw new AssertionError("the flood failed", failure);
        }
    }
}

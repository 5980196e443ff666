package org.zmq4j.spec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.zmq4j.Context;
import org.zmq4j.Message;
import org.zmq4j.MonitorEvent;
import org.zmq4j.Poller;
import org.zmq4j.Socket;
import org.zmq4j.SocketOption;
import org.zmq4j.SocketType;

/**
 * Helpers shared by the specification tests; public API only. Every wait here ends on an event (a message, a
 * socket state) or fails at a deadline; none decides an outcome by sleeping.
 */
final class Spec {
    /** How long any single wait may take before the test fails. */
    static final int TIMEOUT_MS = 10_000;
    /** Start of the first frame of the messages used to learn that subscriptions have reached a publisher. */
    static final String SYNC = "\u0000sync";

    private static final byte[] SYNC_BYTES = SYNC.getBytes(StandardCharsets.UTF_8);
    private static final AtomicInteger NEXT_SYNC = new AtomicInteger();

    private Spec() {}

    /** A socket that drops what it still holds at close (LINGER 0) and gives up receiving after TIMEOUT_MS. */
    static Socket socket(Context ctx, SocketType type) {
        Socket s = ctx.socket(type);
        s.set(SocketOption.LINGER, 0);
        s.set(SocketOption.RCVTIMEO, TIMEOUT_MS);
        return s;
    }

    /** Sends a whole message of UTF-8 frames, failing if it would block. */
    static void send(Socket s, String... frames) {
        assertTrue(s.send(Message.of(frames)), () -> s + " could not send " + Arrays.toString(frames));
    }

    /** Receives a whole message, failing if none comes within TIMEOUT_MS. */
    static Message receive(Socket s) {
        Message m = s.recvMessage();
        assertNotNull(m, () -> s + " received nothing within " + TIMEOUT_MS + " ms");
        return m;
    }

    static List<String> strings(Message m) {
        List<String> l = new ArrayList<>(m.size());
        for (byte[] f : m) {
            l.add(new String(f, StandardCharsets.UTF_8));
        }
        return l;
    }

    /** Receives a whole message and checks its frames. */
    static void assertReceives(Socket s, String... frames) {
        assertEquals(List.of(frames), strings(receive(s)), () -> s + " received another message");
    }

    /** Checks two messages have the same frames, byte for byte. */
    static void assertFrames(Message expected, Message actual) {
        assertEquals(expected.size(), actual.size(), "frame count");
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.frame(i), actual.frame(i), "frame " + i);
        }
    }

    /** Receives the next message that is not a {@link #SYNC} message nor a subscription to SYNC. */
    static Message receiveIgnoringSync(Socket s) {
        while (true) {
            Message m = receive(s);
            if (!isSync(m)) {
                return m;
            }
        }
    }

    static void assertReceivesIgnoringSync(Socket s, String... frames) {
        assertEquals(List.of(frames), strings(receiveIgnoringSync(s)), () -> s + " received another message");
    }

    /** A SYNC message, or a subscription message for one (as an XPUB receives it). */
    private static boolean isSync(Message m) {
        byte[] f = m.frame(0);
        return startsWith(f, 0, SYNC_BYTES)
                || (f.length > 0 && (f[0] == 0 || f[0] == 1) && startsWith(f, 1, SYNC_BYTES));
    }

    private static boolean startsWith(byte[] f, int from, byte[] prefix) {
        return f.length - from >= prefix.length
                && Arrays.equals(f, from, from + prefix.length, prefix, 0, prefix.length);
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A subscription message as XSUB sends and XPUB receives it: 0x01 (subscribe) or 0x00 (cancel) + topic. */
    static byte[] subscription(boolean subscribe, byte[] topic) {
        byte[] m = new byte[topic.length + 1];
        m[0] = (byte) (subscribe ? 1 : 0);
        System.arraycopy(topic, 0, m, 1, topic.length);
        return m;
    }

    /** Subscribes a SUB (option) or XSUB (message) to {@code topic}. */
    static void subscribe(Socket subscriber, byte[] topic) {
        if (subscriber.type() == SocketType.XSUB) {
            assertTrue(subscriber.send(subscription(true, topic)));
        } else {
            subscriber.subscribe(topic);
        }
    }

    static void subscribe(Socket subscriber, String topic) {
        subscribe(subscriber, bytes(topic));
    }

    static void unsubscribe(Socket subscriber, byte[] topic) {
        if (subscriber.type() == SocketType.XSUB) {
            assertTrue(subscriber.send(subscription(false, topic)));
        } else {
            subscriber.unsubscribe(topic);
        }
    }

    static void unsubscribe(Socket subscriber, String topic) {
        unsubscribe(subscriber, bytes(topic));
    }

    /**
     * Returns once {@code publisher} knows every subscription {@code subscriber} made before this call: it
     * subscribes to a fresh SYNC topic (which travels after them on the same connection), publishes it until it
     * arrives, then cancels it. A fresh topic each time, so SYNC messages of an earlier call still in flight prove
     * nothing; they may arrive later: read with {@link #receiveIgnoringSync}. Returns the other messages that
     * arrived meanwhile.
     */
    static List<Message> awaitSubscribed(Socket publisher, Socket subscriber) {
        byte[] token = bytes(SYNC + NEXT_SYNC.incrementAndGet());
        List<Message> others = new ArrayList<>();
        subscribe(subscriber, token);
        Poller poller = new Poller();
        poller.register(subscriber, Poller.POLLIN);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MS);
        while (true) {
            assertTrue(publisher.send(token));
            if (poller.poll(10) > 0) {
                Message m;
                while ((m = subscriber.recvMessage(Socket.DONTWAIT)) != null) {
                    if (Arrays.equals(m.frame(0), token)) {
                        unsubscribe(subscriber, token);
                        return others;
                    }
                    if (!isSync(m)) {
                        others.add(m);
                    }
                }
            }
            if (System.nanoTime() - deadline > 0) {
                fail("the subscription did not reach the publisher within " + TIMEOUT_MS + " ms");
            }
        }
    }

    /** Waits until one of {@code sockets} can receive and returns its index. */
    static int readable(Socket... sockets) {
        Poller poller = new Poller();
        for (Socket s : sockets) {
            poller.register(s, Poller.POLLIN);
        }
        assertTrue(poller.poll(TIMEOUT_MS) > 0, "no socket received anything within " + TIMEOUT_MS + " ms");
        for (int i = 0; i < sockets.length; i++) {
            if (poller.pollin(i)) {
                return i;
            }
        }
        throw new AssertionError("poll reported input on no socket");
    }

    /**
     * Waits for a socket state that changes when the socket handles a command from another thread (a peer went
     * away, a pipe ended). The API has no event for a state that clears, so this re-reads the state until it
     * holds, failing at the deadline.
     */
    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MS);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                fail("timed out waiting until " + what);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    /** EVENTS has no POLLOUT: the socket has no peer it could queue a message for. */
    static boolean cannotSend(Socket s) {
        return (s.events() & Poller.POLLOUT) == 0;
    }

    /** A message whose only frame is {@code size} bytes starting with {@code seq} as a big-endian int. */
    static byte[] numbered(int seq, int size) {
        return ByteBuffer.allocate(Math.max(size, 4)).putInt(seq).array();
    }

    static int number(byte[] frame) {
        return ByteBuffer.wrap(frame).getInt();
    }

    /** Records the types of the socket's monitor events, in order. */
    static BlockingQueue<MonitorEvent.Type> monitor(Socket s) {
        BlockingQueue<MonitorEvent.Type> events = new LinkedBlockingQueue<>();
        s.monitor(e -> events.add(e.type()));
        return events;
    }

    /** Waits for a monitor event of {@code type}, dropping the events before it. */
    static void awaitEvent(BlockingQueue<MonitorEvent.Type> events, MonitorEvent.Type type)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MS);
        while (true) {
            MonitorEvent.Type t = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (t == null) {
                fail("no " + type + " event within " + TIMEOUT_MS + " ms");
            }
            if (t == type) {
                return;
            }
        }
    }

    /**
     * Sends numbered messages of {@code size} bytes with DONTWAIT until one is refused; returns how many were
     * accepted (numbers 0 to the result - 1).
     */
    static int sendUntilRefused(Socket s, int size) {
        for (int i = 0; i < 1_000_000; i++) {
            if (!s.send(numbered(i, size), Socket.DONTWAIT)) {
                return i;
            }
        }
        throw new AssertionError(s + " accepted a million messages for a peer that reads none");
    }

    /** Receives numbered messages and checks they are exactly 0 to {@code count} - 1, in order. */
    static void assertReceivesNumbered(Socket s, int count) {
        assertReceivesNumberedRange(s, 0, count);
    }

    /** Receives numbered messages and checks they are exactly {@code from} to {@code to} - 1, in order. */
    static void assertReceivesNumberedRange(Socket s, int from, int to) {
        for (int i = from; i < to; i++) {
            Message m = receive(s);
            assertEquals(i, number(m.frame(m.size() - 1)), "message out of order, lost or duplicated");
        }
    }

    /**
     * Sends {@code count} numbered 64 KiB messages (each wrapped by {@code envelope}) to a receiver that reads
     * none, then sends an end marker and receives one message, alternately, until the marker arrives. Returns the
     * numbers received before it. A send that blocks for TIMEOUT_MS fails the test.
     */
    static List<Integer> sendBurstThenDrain(Socket sender, Function<byte[], Message> envelope, Socket receiver,
            int count) {
        sender.set(SocketOption.SNDTIMEO, TIMEOUT_MS);
        for (int i = 0; i < count; i++) {
            assertTrue(sender.send(envelope.apply(numbered(i, 64 * 1024))), "send blocked at message " + i);
        }
        List<Integer> received = new ArrayList<>();
        while (true) {
            assertTrue(sender.send(envelope.apply(numbered(-1, 4))), "send blocked while draining");
            Message m = receiveIgnoringSync(receiver);
            int n = number(m.frame(m.size() - 1));
            if (n == -1) {
                return received;
            }
            received.add(n);
        }
    }

    /** Checks that a burst lost messages (dropped, not queued without limit) yet kept order and no duplicates. */
    static void assertSomeDroppedRestInOrder(List<Integer> received, int sent) {
        assertTrue(received.size() < sent, "nothing was dropped: " + received.size() + " of " + sent + " arrived");
        for (int i = 1; i < received.size(); i++) {
            assertTrue(received.get(i) > received.get(i - 1), "out of order or duplicated at " + i + ": " + received);
        }
    }
}

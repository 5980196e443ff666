package org.zmq4j.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.zmq4j.SocketType.PAIR;
import static org.zmq4j.SocketType.PUB;
import static org.zmq4j.SocketType.PULL;
import static org.zmq4j.SocketType.PUSH;
import static org.zmq4j.SocketType.REP;
import static org.zmq4j.SocketType.REQ;
import static org.zmq4j.SocketType.SUB;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.zmq4j.Context;
import org.zmq4j.Frame;
import org.zmq4j.Socket;
import org.zmq4j.SocketOption;

/**
 * Frames of up to 1 MiB travel in arrays that are reused once a frame is on the wire or copied into the receiver's
 * buffer (small ones through the pipe they crossed, larger ones through the context's pool), and a {@link Frame}
 * passes its array itself. 30/PIPELINE: PUSH "SHALL not filter or modify outgoing messages in any way", nor PULL
 * "incoming messages"; 29/PUBSUB: the publisher "SHALL not modify outgoing messages" and sends each to every matching
 * subscriber. These tests check that reuse never lets one message's bytes show through another, and that it does
 * reuse: a reused {@link ByteBuffer} or {@link Frame} allocates nothing per message.
 */
class FrameReuseTest {
    /**
     * Octets allocated per message below which nothing is allocated per message: the smallest Java object takes 16.
     * What remains is start-up of the measured stretch and the odd object per many messages.
     */
    private static final int LESS_THAN_AN_OBJECT = 16;

    private static final int[] SIZES = {4096, 65_536, 16, 65_537, 200_000, 100, 1024, 65_536, 16, 2000, 1025, 0};

    /** The array handed out by {@code recv()} is the application's for good: later traffic never touches it. */
    @TransportTest
    void shouldDeliverFramesIntactWhileTheirArraysAreReused(Transport transport) {
        try (Context ctx = new Context();
                Socket push = Spec.socket(ctx, PUSH);
                Socket pull = Spec.socket(ctx, PULL)) {
            pull.connect(transport.bind(push));
            int count = 300;
            ByteBuffer out = ByteBuffer.allocate(200_000);
            ByteBuffer in = ByteBuffer.allocate(200_000);
            List<byte[]> kept = new ArrayList<>();
            List<Integer> keptSeq = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                for (int i = 0; i < count; i++) {
                    int seq = round * count + i;
                    fill(out.clear().limit(SIZES[seq % SIZES.length]), seq);
                    assertTrue(push.send(out, 0));
                }
                for (int i = 0; i < count; i++) {
                    int seq = round * count + i;
                    if (seq % 3 == 0) {
                        byte[] frame = pull.recv();
                        check(ByteBuffer.wrap(frame), SIZES[seq % SIZES.length], seq);
                        kept.add(frame);
                        keptSeq.add(seq);
                    } else {
                        int size = pull.recv(in.clear(), 0);
                        check(in.flip(), size, seq);
                        assertEquals(SIZES[seq % SIZES.length], size);
                    }
                }
            }
            for (int k = 0; k < kept.size(); k++) {
                check(ByteBuffer.wrap(kept.get(k)), kept.get(k).length, keptSeq.get(k));
            }
        }
    }

    /**
     * A {@link Frame} carries multipart messages of every size intact while one frame object on each side is reused,
     * and a received frame can be sent on as it is (a proxy's forward, with no copy).
     */
    @TransportTest
    void shouldCarryFramesIntactAndForwardThemWithoutACopy(Transport transport) {
        try (Context ctx = new Context();
                Socket push = Spec.socket(ctx, PUSH);
                Socket relayIn = Spec.socket(ctx, PULL);
                Socket relayOut = Spec.socket(ctx, PUSH);
                Socket pull = Spec.socket(ctx, PULL)) {
            relayIn.connect(transport.bind(push));
            pull.connect(transport.bind(relayOut));
            Frame out = new Frame();
            Frame relayed = new Frame();
            Frame in = new Frame();
            for (int seq = 0; seq < 2 * SIZES.length; seq++) {
                for (int part = 0; part < 2; part++) {
                    int size = SIZES[(seq + part) % SIZES.length];
                    push.allocate(out, size);
                    fill(ByteBuffer.wrap(out.data()), seq * 2 + part);
                    assertTrue(push.send(out, part == 0 ? Socket.SNDMORE : 0));
                    assertEquals(0, out.size(), "a sent frame is empty");
                }
                for (int part = 0; part < 2; part++) {
                    assertTrue(relayIn.recv(relayed, 0));
                    assertEquals(part == 0, relayed.hasMore());
                    assertTrue(relayOut.send(relayed, relayed.hasMore() ? Socket.SNDMORE : 0));
                }
                for (int part = 0; part < 2; part++) {
                    assertTrue(pull.recv(in, 0));
                    assertEquals(part == 0, in.hasMore());
                    check(ByteBuffer.wrap(in.data()), SIZES[(seq + part) % SIZES.length], seq * 2 + part);
                }
            }
            pull.release(in);
            assertEquals(0, in.size());
        }
    }

    /** inproc hands the sender's array to the receiver itself: zmq_msg_send's zero copy. */
    @Test
    void shouldHandTheSentArrayItselfToAnInprocReceiver() {
        try (Context ctx = new Context();
                Socket push = Spec.socket(ctx, PUSH);
                Socket pull = Spec.socket(ctx, PULL)) {
            pull.connect(Transport.INPROC.bind(push));
            byte[] mine = {1, 2, 3};
            assertTrue(push.send(new Frame(mine), 0));
            Frame in = new Frame();
            assertTrue(pull.recv(in, 0));
            assertSame(mine, in.data());
        }
    }

    /** A receive that finds nothing leaves the frame empty, as zmq_msg_recv's EAGAIN, and releases what it held. */
    @Test
    void shouldLeaveTheFrameEmptyWhenNothingCame() {
        try (Context ctx = new Context();
                Socket pull = Spec.socket(ctx, PULL)) {
            pull.set(SocketOption.RCVTIMEO, 0);
            Frame in = new Frame(new byte[] {7});
            assertFalse(pull.recv(in, Socket.DONTWAIT));
            assertEquals(0, in.size());
        }
    }

    /** One message goes to several subscribers in one array, which none of their connections may give back. */
    @TransportTest
    void shouldGiveEverySubscriberIntactLargeFrames(Transport transport) {
        try (Context ctx = new Context();
                Socket pub = Spec.socket(ctx, PUB);
                Socket sub0 = Spec.socket(ctx, SUB);
                Socket sub1 = Spec.socket(ctx, SUB)) {
            String endpoint = transport.bind(pub);
            sub0.connect(endpoint);
            sub1.connect(endpoint);
            Spec.subscribe(sub0, new byte[] {'L'});
            Spec.subscribe(sub1, new byte[] {'L'});
            Spec.awaitSubscribed(pub, sub0);
            Spec.awaitSubscribed(pub, sub1);
            int count = 200;
            ByteBuffer out = ByteBuffer.allocate(65_536);
            for (int seq = 0; seq < count; seq++) {
                fill(out.clear(), seq);
                out.put(0, (byte) 'L');
                assertTrue(pub.send(out, 0));
            }
            for (Socket sub : List.of(sub0, sub1)) {
                ByteBuffer in = ByteBuffer.allocate(65_536);
                for (int seq = 0; seq < count; ) {
                    int size = sub.recv(in.clear(), 0);
                    if (size < 4096) {
                        continue; // a late synchronisation token
                    }
                    in.flip();
                    assertEquals('L', in.get(0));
                    in.put(0, (byte) pattern(seq, 0));
                    check(in, size, seq);
                    seq++;
                }
            }
        }
    }

    /**
     * The allocation the performance issue asks for: "zero for a reused ByteBuffer/message API". With one buffer
     * reused for sending and one for receiving, the sending thread, the receiving thread and the I/O threads together
     * allocate almost nothing per message, whatever its size up to 1 MiB. Without reuse it would be at least two
     * arrays of the payload's size: 64 octets at 16.
     */
    @Test
    void shouldAllocateNothingPerMessageWithReusedBuffers() {
        for (boolean frames : new boolean[] {false, true}) {
            for (Transport transport : new Transport[] {Transport.TCP, Transport.INPROC}) {
                for (int size : new int[] {16, 1024, 2048, 65_536}) {
                    try (Context ctx = new Context();
                            Socket sender = Spec.socket(ctx, PAIR);
                            Socket receiver = Spec.socket(ctx, PAIR)) {
                        receiver.connect(transport.bind(sender));
                        Exchange exchange = frames ? new FrameExchange(sender, receiver, size)
                                : new BufferExchange(sender, receiver, size);
                        int batch = 50;
                        exchange.run(20 * batch, batch);
                        long before = allocatedByThisAndIoThreads();
                        int measured = 200 * batch;
                        exchange.run(measured, batch);
                        long perMessage = (allocatedByThisAndIoThreads() - before) / measured;
                        assertTrue(perMessage < LESS_THAN_AN_OBJECT, (frames ? "Frame" : "ByteBuffer") + " over "
                                + transport + ": " + perMessage + " octets allocated per message of " + size);
                    }
                }
            }
        }
    }

    /**
     * The same for a stream that fills its pipes: every 20,000 messages the receiver waits until the sender is
     * {@value #AHEAD} messages ahead (three of a queue's chunks; SNDHWM and RCVHWM let it get over 1,000 ahead), then
     * reads on while the sender keeps the pipes full. The arrays given back through the pipe wait in the slots of the
     * chunks the receiver finishes in a row, so every chunk must come back to the writer: when the queue kept only the
     * last one returned, the others went to the collector with the arrays in their slots, and both sides allocated
     * about one array per message (40 octets at 16).
     */
    @Test
    void shouldAllocateNothingPerMessageWhenAStreamFillsItsPipes() throws Exception {
        for (Transport transport : new Transport[] {Transport.TCP, Transport.INPROC}) {
            for (int size : new int[] {16, 1024}) {
                try (Context ctx = new Context();
                        Socket push = Spec.socket(ctx, PUSH);
                        Socket pull = Spec.socket(ctx, PULL)) {
                    pull.connect(transport.bind(push));
                    int warmUp = 100_000;
                    int measured = 200_000;
                    Frame out = new Frame();
                    AtomicLong sent = new AtomicLong();
                    MeasuredThread sender = new MeasuredThread("the sender", warmUp, measured, i -> {
                        push.allocate(out, size);
                        assertTrue(push.send(out, 0));
                        sent.lazySet(i + 1);
                    });
                    Frame in = new Frame();
                    long before = 0;
                    for (int i = 0; i < warmUp + measured; i++) {
                        if (i == warmUp) {
                            before = allocatedByThisAndIoThreads();
                        }
                        if (i % 20_000 == 0) {
                            awaitAhead(sent, i);
                        }
                        assertTrue(pull.recv(in, 0));
                        assertEquals(size, in.size());
                    }
                    long here = allocatedByThisAndIoThreads() - before;
                    long perMessage = (here + sender.allocated()) / measured;
                    assertTrue(perMessage < LESS_THAN_AN_OBJECT, "a stream over " + transport + ": " + perMessage
                            + " octets allocated per message of " + size);
                }
            }
        }
    }

    /**
     * The same with a thread woken for every message: request and reply, each side waiting for the other. 28/REQREP:
     * the REP socket "SHALL remove and store the envelope" and put it back on the reply; the replier echoes the
     * {@link Frame} it received. Each message then posts a command to a sleeping thread's mailbox (and, over tcp, to
     * an I/O thread's task queue), which must not allocate either.
     */
    @Test
    void shouldAllocateNothingPerRoundTripWhenEveryMessageWakesAThread() throws Exception {
        for (Transport transport : new Transport[] {Transport.TCP, Transport.INPROC}) {
            for (int size : new int[] {16, 65_536}) {
                try (Context ctx = new Context();
                        Socket req = Spec.socket(ctx, REQ);
                        Socket rep = Spec.socket(ctx, REP)) {
                    req.set(SocketOption.RCVTIMEO, 10_000); // a failed echo fails the test instead of hanging it
                    rep.set(SocketOption.RCVTIMEO, 10_000);
                    rep.connect(transport.bind(req));
                    int warmUp = 2_000;
                    int measured = 5_000;
                    Frame frame = new Frame();
                    MeasuredThread echo = new MeasuredThread("the echo thread", warmUp, measured, i -> {
                        assertTrue(rep.recv(frame, 0), "a request arrived");
                        assertTrue(rep.send(frame, 0));
                    });
                    Frame out = new Frame();
                    Frame in = new Frame();
                    long before = 0;
                    for (int i = 0; i < warmUp + measured; i++) {
                        if (i == warmUp) {
                            before = allocatedByThisAndIoThreads();
                        }
                        req.allocate(out, size);
                        assertTrue(req.send(out, 0));
                        assertTrue(req.recv(in, 0), "a reply arrived");
                        assertEquals(size, in.size());
                    }
                    long here = allocatedByThisAndIoThreads() - before;
                    long perRoundTrip = (here + echo.allocated()) / measured;
                    assertTrue(perRoundTrip < LESS_THAN_AN_OBJECT, "request-reply over " + transport + ": "
                            + perRoundTrip + " octets allocated per round trip of " + size);
                }
            }
        }
    }

    /** How far ahead the streaming test lets its sender get before reading on: three chunks of a pipe's queue. */
    private static final int AHEAD = 768;

    /** Waits until the sender has sent {@value #AHEAD} messages more than {@code received}, for ten seconds at most. */
    private static void awaitAhead(AtomicLong sent, long received) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (sent.get() < received + AHEAD) {
            if (System.nanoTime() - deadline > 0) {
                fail("the sender got " + (sent.get() - received) + " messages ahead, not " + AHEAD);
            }
            Thread.onSpinWait();
        }
    }

    /** One step of a {@link MeasuredThread}'s loop. */
    private interface Step {
        void run(int i) throws Exception;
    }

    /**
     * A thread that runs a step {@code warmUp + measured} times and counts what it allocates in the measured steps; a
     * failure in it fails the test when its count is asked for.
     */
    private static final class MeasuredThread {
        private final Thread thread;
        private final long[] allocated = new long[2];
        private final AtomicReference<Throwable> failure = new AtomicReference<>();

        MeasuredThread(String name, int warmUp, int measured, Step step) {
            thread = new Thread(() -> {
                try {
                    for (int i = 0; i < warmUp + measured; i++) {
                        if (i == warmUp) {
                            allocated[0] = allocatedBy(Thread.currentThread());
                        }
                        step.run(i);
                    }
                    allocated[1] = allocatedBy(Thread.currentThread());
                } catch (Throwable t) {
                    failure.set(t);
                }
            }, name);
            thread.start();
        }

        /** Waits for the thread to finish; what it allocated in the measured steps. */
        long allocated() throws InterruptedException {
            thread.join(10_000);
            assertFalse(thread.isAlive(), thread.getName() + " finished");
            assertNull(failure.get(), thread.getName() + " failed");
            return allocated[1] - allocated[0];
        }
    }

    /** Sends and receives batches of same-size messages through one of the two reusing APIs. */
    private abstract static class Exchange {
        final Socket sender;
        final Socket receiver;
        final int size;

        Exchange(Socket sender, Socket receiver, int size) {
            this.sender = sender;
            this.receiver = receiver;
            this.size = size;
        }

        abstract void send();

        abstract int receive();

        void run(int count, int batch) {
            for (int done = 0; done < count; done += batch) {
                for (int i = 0; i < batch; i++) {
                    send();
                }
                for (int i = 0; i < batch; i++) {
                    assertEquals(size, receive());
                }
            }
        }
    }

    private static final class BufferExchange extends Exchange {
        private final ByteBuffer out;
        private final ByteBuffer in;

        BufferExchange(Socket sender, Socket receiver, int size) {
            super(sender, receiver, size);
            out = ByteBuffer.allocate(size);
            in = ByteBuffer.allocate(size);
        }

        @Override
        void send() {
            assertTrue(sender.send(out.clear(), 0));
        }

        @Override
        int receive() {
            return receiver.recv(in.clear(), 0);
        }
    }

    private static final class FrameExchange extends Exchange {
        private final Frame out = new Frame();
        private final Frame in = new Frame();

        FrameExchange(Socket sender, Socket receiver, int size) {
            super(sender, receiver, size);
        }

        @Override
        void send() {
            sender.allocate(out, size);
            assertTrue(sender.send(out, 0));
        }

        @Override
        int receive() {
            assertTrue(receiver.recv(in, 0));
            return in.size();
        }
    }

    private static com.sun.management.ThreadMXBean threads() {
        return (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    }

    private static long allocatedBy(Thread t) {
        return threads().getThreadAllocatedBytes(t.getId());
    }

    private static long allocatedByThisAndIoThreads() {
        com.sun.management.ThreadMXBean threads = threads();
        long total = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("zmq4j-IO/")) {
                total += threads.getThreadAllocatedBytes(t.getId());
            }
        }
        return total;
    }

    private static int pattern(int seq, int index) {
        return (seq * 31 + index * 7) & 0xFF;
    }

    private static void fill(ByteBuffer b, int seq) {
        for (int i = b.position(); i < b.limit(); i++) {
            b.put(i, (byte) pattern(seq, i));
        }
    }

    private static void check(ByteBuffer b, int size, int seq) {
        assertEquals(size, b.remaining(), "size of message " + seq);
        for (int i = 0; i < size; i++) {
            if (b.get(i) != (byte) pattern(seq, i)) {
                fail("message " + seq + " differs at octet " + i + " of " + size);
            }
        }
    }
}

package org.zmq4j.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.zmq4j.SocketType.PAIR;
import static org.zmq4j.SocketType.PUB;
import static org.zmq4j.SocketType.PULL;
import static org.zmq4j.SocketType.PUSH;
import static org.zmq4j.SocketType.SUB;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.zmq4j.Context;
import org.zmq4j.Socket;

/**
 * Frames of up to 1 MiB travel in arrays that are reused once a frame is on the wire or copied into the receiver's
 * buffer: small ones through the pipe they crossed, larger ones through the context's pool. 30/PIPELINE: PUSH "SHALL not filter or modify outgoing messages in any way", nor PULL "incoming
 * messages"; 29/PUBSUB: the publisher "SHALL not modify outgoing messages" and sends each to every matching
 * subscriber. These tests check that reuse never lets one message's bytes show through another, and that it does
 * reuse: a reused {@link ByteBuffer} allocates nothing per message.
 */
class FrameReuseTest {
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
     * arrays of the payload's size: 64 octets at 16. What is left is a 24-octet mailbox entry per wake-up of a
     * sleeping thread, which at small sizes carries tens of messages.
     */
    @Test
    void shouldAllocateNothingPerMessageWithReusedBuffers() {
        for (Transport transport : new Transport[] {Transport.TCP, Transport.INPROC}) {
            for (int size : new int[] {16, 1024, 2048, 65_536}) {
                try (Context ctx = new Context();
                        Socket sender = Spec.socket(ctx, PAIR);
                        Socket receiver = Spec.socket(ctx, PAIR)) {
                    receiver.connect(transport.bind(sender));
                    ByteBuffer out = ByteBuffer.allocate(size);
                    ByteBuffer in = ByteBuffer.allocate(size);
                    int batch = 50;
                    exchange(sender, receiver, out, in, 20 * batch, batch);
                    long before = allocatedByThisAndIoThreads();
                    int measured = 200 * batch;
                    exchange(sender, receiver, out, in, measured, batch);
                    long perMessage = (allocatedByThisAndIoThreads() - before) / measured;
                    assertTrue(perMessage < 32,
                            transport + ": " + perMessage + " octets allocated per message of " + size);
                }
            }
        }
    }

    private static void exchange(Socket sender, Socket receiver, ByteBuffer out, ByteBuffer in, int count,
            int batch) {
        int size = out.capacity();
        for (int done = 0; done < count; done += batch) {
            for (int i = 0; i < batch; i++) {
                assertTrue(sender.send(out.clear(), 0));
            }
            for (int i = 0; i < batch; i++) {
                assertEquals(size, receiver.recv(in.clear(), 0));
            }
        }
    }

    private static long allocatedByThisAndIoThreads() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
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

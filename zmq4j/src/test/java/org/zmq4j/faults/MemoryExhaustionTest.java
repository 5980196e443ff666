package org.zmq4j.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zmq4j.Context;
import org.zmq4j.Message;
import org.zmq4j.MonitorEvent.Type;
import org.zmq4j.Poller;
import org.zmq4j.Socket;
import org.zmq4j.SocketOption;
import org.zmq4j.SocketType;
import org.zmq4j.testing.ChildJvm;
import org.zmq4j.testing.MonitorProbe;
import org.zmq4j.testing.ScriptedZmtpPeer;

/**
 * DESIGN.md, Errors: bad input from the network "closes that connection with a monitor event and never harms the
 * socket or other peers". With MAXMSGSIZE at its default (-1) a peer may announce a frame of up to 2 GiB, and the
 * receiver allocates its body when the header arrives, as libzmq does; libzmq drops the connection when that
 * allocation fails (ENOMEM from its decoder). Here the allocation throws an OutOfMemoryError on the connection's I/O
 * thread. Before, that Error ended the thread, and every connection it served, the good one too, waited for ever.
 *
 * <p>The first case runs in a JVM with a 64 MiB heap, where a 1 GiB body cannot be allocated. The second runs in a JVM
 * with too little direct memory for a connection's buffers to grow from 8 KiB to 64 KiB, which they do for speed
 * alone. The third fills the heap of a JVM (48 MiB, the serial collector) so that the application's receive cannot
 * allocate the frames it takes.
 */
class MemoryExhaustionTest {
    @Test
    void shouldDropOnlyTheConnectionWhoseFrameDoesNotFitInTheHeap(@TempDir Path dir) throws Exception {
        String output = ChildJvm.run(dir, List.of("-Xmx64m"), OversizePeer.class);

        assertTrue(output.strip().endsWith("the good peer's message: after"), output);
    }

    /**
     * A socket's thread writes for an idle connection itself, and a large message fills the connection's 8 KiB
     * output buffer, which then grows. When the JVM refused that buffer, its OutOfMemoryError came out of
     * {@code send} although the message had been queued and went on to the wire: an application that retried would
     * have sent it twice. On the I/O thread the same refusal left the connection stuck, and on the reading side,
     * whose input buffer grows in the same way, it did too. Now the connections keep their small buffers.
     */
    @Test
    void shouldSendOnceAndKeepTheConnectionWhenItsBuffersCannotGrow(@TempDir Path dir) throws Exception {
        String output = ChildJvm.run(dir, List.of("-XX:MaxDirectMemorySize=48k"), SmallDirectMemory.class);

        assertEquals("sent; 20000 octets received intact; reply: done", output.strip());
    }

    /**
     * 37/ZMTP 3.1: "A message SHALL be sent or received atomically". A body of 32 KiB to 1 MiB reaches the socket in
     * direct memory and the receiving thread copies it into a new array. When the heap could not hold that array, the
     * frame had already left its pipe and was lost: the next receive returned the rest of the message as if whole,
     * and here, refused again and again, the whole message was gone. Now the frame stays queued, and
     * {@code recvMessage} keeps what it took, until the heap has room.
     */
    @Test
    void shouldReceiveTheWholeMessageOnceTheHeapHasRoom(@TempDir Path dir) throws Exception {
        String output = ChildJvm.run(dir, List.of("-Xmx48m", "-XX:+UseSerialGC"), FullHeap.class);

        Matcher m = Pattern.compile("refused (\\d+) times, (\\d+) of them mid-message; 3 frames intact; then: next")
                .matcher(output.strip());
        assertTrue(m.matches(), output);
        assertTrue(Integer.parseInt(m.group(2)) > 0, "some refusals came after the message's first frame: " + output);
    }

    /**
     * The same for a string: {@code recvStr} took the frame, and the heap then refused the string. The frame was lost,
     * and the next receive returned the message after it. Now the frame stays with the socket until the heap has
     * room for the string.
     */
    @Test
    void shouldReceiveTheStringOnceTheHeapHasRoom(@TempDir Path dir) throws Exception {
        String output = ChildJvm.run(dir, List.of("-Xmx48m", "-XX:+UseSerialGC"), FullHeapString.class);

        Matcher m = Pattern.compile("refused (\\d+) times; the string intact; then: next").matcher(output.strip());
        assertTrue(m.matches(), output);
        assertTrue(Integer.parseInt(m.group(1)) > 0, "the heap refused the string at least once: " + output);
    }

    /**
     * The child: a PUSH sends a string of 20,000 characters, then "next", to a PULL over tcp. Once both are queued,
     * the heap is filled, and the PULL's {@code recvStr} is tried until the string comes ({@link FullHeap}).
     */
    public static final class FullHeapString {
        public static void main(String[] args) {
            try (Context ctx = new Context(1);
                    Context senders = new Context(1)) {
                Socket pull = FullHeap.boundPull(ctx);
                Socket push = FullHeap.connectedPush(senders, pull);
                char[] text = new char[20_000];
                Arrays.fill(text, 'z');
                String sent = new String(text);
                push.send(sent);
                push.send("next");
                FullHeap.awaitIncoming(pull);

                FullHeap heap = new FullHeap();
                String got = null;
                while (got == null) {
                    try {
                        got = pull.recvStr();
                        if (got == null) {
                            throw new AssertionError("nothing left to receive after " + heap.refusals + " refusals");
                        }
                    } catch (OutOfMemoryError e) {
                        heap.refused();
                    }
                }
                heap.release();
                System.out.println("refused " + heap.refusals + " times; the string " + (got.equals(sent) ? "intact"
                        : "damaged (" + got.length() + " characters)") + "; then: " + pull.recvStr());
            }
        }
    }

    /**
     * The child: a PUSH sends a message of three 64 KiB frames to a PULL over tcp. Once it is queued, the heap is
     * filled to within 256 octets, and the PULL's {@code recvMessage} is tried again and again, 16 KiB of the heap
     * given back after each refusal, until the message comes; then the PUSH sends "next".
     */
    public static final class FullHeap {
        private static final int FRAME = 64 * 1024;

        private final List<Object> ballast = new ArrayList<>();
        private final List<byte[]> givenBack = new ArrayList<>();
        int refusals;

        public static void main(String[] args) {
            // Two contexts: the sender's pool keeps the arrays its frames were sent from, which the receiver's copies
            // would otherwise reuse instead of asking the heap.
            try (Context ctx = new Context(1);
                    Context senders = new Context(1)) {
                Socket pull = boundPull(ctx);
                Socket push = connectedPush(senders, pull);
                Message sent = new Message();
                for (int f = 0; f < 3; f++) {
                    byte[] body = new byte[FRAME];
                    Arrays.fill(body, (byte) (f + 1));
                    sent.add(body);
                }
                push.send(sent);
                // Messages reach the socket whole: once it can read, all three frames wait in its pipe.
                awaitIncoming(pull);

                FullHeap heap = new FullHeap();
                int midMessage = 0;
                Message got = null;
                while (got == null) {
                    try {
                        got = pull.recvMessage();
                        if (got == null) {
                            throw new AssertionError("the message is gone after " + heap.refusals + " refusals");
                        }
                    } catch (OutOfMemoryError e) {
                        if (pull.hasMore()) {
                            midMessage++;
                        }
                        heap.refused();
                    }
                }
                heap.release();
                push.send("next"); // what follows the message on the connection comes next, nothing left of it
                boolean intact = got.size() == 3;
                for (int f = 0; f < got.size(); f++) {
                    intact &= Arrays.equals(sent.frame(f), got.frame(f));
                }
                System.out.println("refused " + heap.refusals + " times, " + midMessage + " of them mid-message; "
                        + got.size() + " frames " + (intact ? "intact" : "damaged") + "; then: " + pull.recvStr());
            }
        }

        /** Fills the heap to within 256 octets, keeping 16 KiB blocks to give back one at a time. */
        FullHeap() {
            fill(ballast, 1 << 20);
            fill(givenBack, 16 * 1024);
            fill(ballast, 256);
        }

        /** After a refusal: one 16 KiB block back to the heap. */
        void refused() {
            refusals++;
            if (givenBack.isEmpty()) {
                throw new AssertionError("refused with the 16 KiB blocks all given back");
            }
            givenBack.remove(givenBack.size() - 1);
        }

        void release() {
            ballast.clear();
            givenBack.clear();
        }

        static Socket boundPull(Context ctx) {
            Socket pull = ctx.socket(SocketType.PULL);
            pull.set(SocketOption.LINGER, 0);
            pull.set(SocketOption.RCVTIMEO, 5_000);
            pull.bind("tcp://127.0.0.1:*");
            return pull;
        }

        /** In another context, whose pool keeps the arrays its frames were sent from (see {@link #main}). */
        static Socket connectedPush(Context senders, Socket pull) {
            Socket push = senders.socket(SocketType.PUSH);
            push.set(SocketOption.LINGER, 0);
            push.connect(pull.lastEndpoint());
            return push;
        }

        static void awaitIncoming(Socket pull) {
            Poller poller = new Poller();
            poller.register(pull, Poller.POLLIN);
            if (poller.poll(5_000) != 1) {
                throw new AssertionError("nothing arrived");
            }
        }

        /** Adds blocks of {@code size} octets until the heap refuses one. */
        private static void fill(List<? super byte[]> blocks, int size) {
            try {
                while (true) {
                    blocks.add(new byte[size]);
                }
            } catch (OutOfMemoryError e) {
                // full, to within one block
            }
        }
    }

    /**
     * The child: two PAIRs over tcp, whose four 8 KiB buffers take 32 KiB of the 48 KiB the JVM allows (the pool
     * carries no bodies in direct memory with so little), so neither connection can grow a buffer to 64 KiB.
     */
    public static final class SmallDirectMemory {
        public static void main(String[] args) {
            try (Context ctx = new Context(1)) {
                Socket a = ctx.socket(SocketType.PAIR);
                a.set(SocketOption.LINGER, 0);
                a.bind("tcp://127.0.0.1:*");
                Socket b = ctx.socket(SocketType.PAIR);
                b.set(SocketOption.LINGER, 0);
                b.set(SocketOption.RCVTIMEO, 5_000);
                b.connect(a.lastEndpoint());
                a.send("hello");
                b.recvStr();

                // a's thread waits on its socket and finds nothing: its next send writes for the idle connection.
                a.set(SocketOption.RCVTIMEO, 10);
                if (a.recv() != null) {
                    throw new AssertionError("nothing was sent to a");
                }
                byte[] message = new byte[20_000];
                for (int i = 0; i < message.length; i++) {
                    message[i] = (byte) (i * 31);
                }
                a.send(message);
                System.out.print("sent; ");
                byte[] received = b.recv();
                System.out.print(received.length + " octets received "
                        + (Arrays.equals(message, received) ? "intact" : "damaged"));
                b.send("done");
                a.set(SocketOption.RCVTIMEO, 5_000);
                System.out.println("; reply: " + a.recvStr());
            }
        }
    }

    /**
     * The child: a PULL with one I/O thread serves a good PUSH and a scripted peer that announces a 1 GiB frame. The
     * scripted peer's connection ends with DISCONNECTED, and the good peer's next message still arrives.
     */
    public static final class OversizePeer {
        public static void main(String[] args) {
            try (Context ctx = new Context(1)) {
                Socket pull = ctx.socket(SocketType.PULL);
                pull.set(SocketOption.LINGER, 0);
                pull.set(SocketOption.RCVTIMEO, 5_000);
                MonitorProbe monitor = MonitorProbe.attach(ctx, pull);
                pull.bind("tcp://127.0.0.1:*");
                Socket good = ctx.socket(SocketType.PUSH);
                good.set(SocketOption.LINGER, 0);
                good.connect(pull.lastEndpoint());
                monitor.await(Type.HANDSHAKE_SUCCEEDED);
                good.send("before");
                System.out.println("the good peer's message: " + pull.recvStr());

                try (ScriptedZmtpPeer bad = ScriptedZmtpPeer.connect(pull.lastEndpoint())) {
                    bad.handshake("PUSH");
                    monitor.await(Type.HANDSHAKE_SUCCEEDED);
                    bad.sendBytes(ByteBuffer.allocate(9).put((byte) ScriptedZmtpPeer.LONG).putLong(1L << 30).array());
                    monitor.await(Type.DISCONNECTED);
                    bad.expectClosed();
                }
                System.out.println("the oversize peer was disconnected");

                good.send("after");
                System.out.println("the good peer's message: " + pull.recvStr());
            }
        }
    }
}

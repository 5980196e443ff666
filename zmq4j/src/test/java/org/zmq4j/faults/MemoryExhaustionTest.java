package org.zmq4j.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zmq4j.Context;
import org.zmq4j.MonitorEvent.Type;
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
 * alone.
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

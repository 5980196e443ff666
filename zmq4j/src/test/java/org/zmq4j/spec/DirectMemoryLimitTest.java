package org.zmq4j.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.zmq4j.Context;
import org.zmq4j.Socket;
import org.zmq4j.SocketOption;
import org.zmq4j.SocketType;
import org.zmq4j.testing.ChildJvm;

/**
 * Large bodies come off the wire into direct buffers, and direct memory is limited apart from the heap
 * (-XX:MaxDirectMemorySize). A receiver that falls behind must not use it up: the connection's I/O thread would then
 * die of an OutOfMemoryError in the JDK's own reads, and the socket would wait for ever. Each case runs a JVM with
 * 2 MiB of direct memory in which a PUSH sends 64 MiB in messages of 64 KiB, 1 MiB or 8 MiB to a PULL with no
 * RCVHWM, and the PULL reads nothing until the PUSH's context has closed, that is until all of it has left the PUSH
 * (LINGER -1): by then its connection has taken nearly all of it off the wire into its queue. Before the pool kept
 * within that limit, the first two cases hung with a dead I/O thread.
 *
 * <p>Bodies over 1 MiB are read into arrays, through the JDK's temporary direct buffer. The 8 MiB case hung the same
 * way until the engine asked the JDK for at most 256 KiB per read: the JDK's buffer is as large as what is asked.
 */
class DirectMemoryLimitTest {
    private static final int TOTAL = 64 << 20;

    @ParameterizedTest
    @ValueSource(ints = {64 * 1024, 1 << 20, 8 << 20})
    void shouldDeliverLargeMessagesToALateReaderWithLittleDirectMemory(int size, @TempDir Path dir) throws Exception {
        String output = ChildJvm.run(dir, List.of("-XX:MaxDirectMemorySize=2m"), LateReader.class,
                Integer.toString(size));

        assertEquals("received " + TOTAL / size, output.strip());
    }

    /** The child: all messages leave the PUSH (its context closes, lingering) before the PULL reads one. */
    public static final class LateReader {
        public static void main(String[] args) {
            int size = Integer.parseInt(args[0]);
            int count = TOTAL / size;
            try (Context receiving = new Context();
                    Socket pull = receiving.socket(SocketType.PULL)) {
                pull.set(SocketOption.RCVHWM, 0);
                pull.bind("tcp://127.0.0.1:*");
                try (Context sending = new Context()) {
                    Socket push = sending.socket(SocketType.PUSH);
                    push.connect(pull.lastEndpoint());
                    for (int i = 0; i < count; i++) {
                        byte[] m = new byte[size];
                        m[0] = (byte) i;
                        m[size - 1] = (byte) ~i;
                        push.send(m);
                    }
                    push.close();
                }
                for (int i = 0; i < count; i++) {
                    byte[] m = pull.recv();
                    if (m.length != size || m[0] != (byte) i || m[size - 1] != (byte) ~i) {
                        System.out.println("message " + i + " arrived wrong");
                        System.exit(1);
                    }
                }
                System.out.println("received " + count);
            }
        }
    }
}

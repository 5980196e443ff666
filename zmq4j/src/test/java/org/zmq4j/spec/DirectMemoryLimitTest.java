package org.zmq4j.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.zmq4j.Context;
import org.zmq4j.Socket;
import org.zmq4j.SocketOption;
import org.zmq4j.SocketType;

/**
 * Large bodies come off the wire into direct buffers, and direct memory is limited apart from the heap
 * (-XX:MaxDirectMemorySize). A receiver that falls behind must not use it up: the connection's I/O thread would then
 * die of an OutOfMemoryError in the JDK's own reads, and the socket would wait for ever. Each case runs a JVM with
 * 2 MiB of direct memory in which a PUSH sends 64 MiB in messages of 64 KiB or 1 MiB to a PULL with no RCVHWM, and
 * the PULL reads nothing until the PUSH's context has closed, that is until all of it has left the PUSH (LINGER -1):
 * by then its connection has taken nearly all of it off the wire into its queue. Before the pool kept within that
 * limit, both cases hung with a dead I/O thread.
 */
class DirectMemoryLimitTest {
    private static final int TOTAL = 64 << 20;

    @ParameterizedTest
    @ValueSource(ints = {64 * 1024, 1 << 20})
    void shouldDeliverLargeMessagesToALateReaderWithLittleDirectMemory(int size, @TempDir Path dir) throws Exception {
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        Path log = dir.resolve("child.txt");
        Process p = new ProcessBuilder(java.toString(), "-XX:MaxDirectMemorySize=2m", "-cp",
                        System.getProperty("java.class.path"), LateReader.class.getName(), Integer.toString(size))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        boolean finished;
        try {
            finished = p.waitFor(40, TimeUnit.SECONDS);
        } finally {
            p.destroyForcibly().waitFor();
        }
        String output = Files.readString(log);
        assertTrue(finished, "the child JVM did not finish: " + output);
        assertEquals(0, p.exitValue(), output);
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

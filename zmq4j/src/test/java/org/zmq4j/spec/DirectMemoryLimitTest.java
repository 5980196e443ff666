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
import org.zmq4j.SocketType;

/**
 * Large bodies come off the wire into direct buffers, and direct memory is limited apart from the heap
 * (-XX:MaxDirectMemorySize). A receiver that falls behind must not use it up: the connection's I/O thread would then
 * die of an OutOfMemoryError in the JDK's own reads, and the socket would wait for ever. Each case runs a JVM with
 * 2 MiB of direct memory in which a PULL socket starts reading a second after a PUSH began to send it 64 MiB in
 * messages of 64 KiB or 1 MiB. Before the pool kept within that limit, both cases hung with a dead I/O thread.
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

    /** The child: a PUSH sends 64 MiB in messages of the given size over tcp; a PULL reads them after a second. */
    public static final class LateReader {
        public static void main(String[] args) throws Exception {
            int size = Integer.parseInt(args[0]);
            int count = TOTAL / size;
            try (Context ctx = new Context();
                    Socket pull = ctx.socket(SocketType.PULL);
                    Socket push = ctx.socket(SocketType.PUSH)) {
                pull.bind("tcp://127.0.0.1:*");
                push.connect(pull.lastEndpoint());
                Thread sender = new Thread(() -> {
                    for (int i = 0; i < count; i++) {
                        byte[] m = new byte[size];
                        m[0] = (byte) i;
                        m[size - 1] = (byte) ~i;
                        push.send(m);
                    }
                });
                sender.start();
                Thread.sleep(1000);
                for (int i = 0; i < count; i++) {
                    byte[] m = pull.recv();
                    if (m.length != size || m[0] != (byte) i || m[size - 1] != (byte) ~i) {
                        System.out.println("message " + i + " arrived wrong");
                        System.exit(1);
                    }
                }
                sender.join();
                System.out.println("received " + count);
            }
        }
    }
}

package org.zmq4j.bench.bare;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.TimeUnit;
import org.zmq4j.bench.PerfTool;

/**
 * The bare socket's local_thr: {@code <bind-to> <message-size> <message-count>}; listens, accepts one connection and
 * reads the ZMTP bytes of {@code message-count} messages ({@link Frames}) into one reused 64 KiB buffer, discarding
 * them, then prints libzmq's throughput lines. The clock starts when the first bytes arrive and stops with the last,
 * as libzmq's local_thr times from its first message; what it measures is the kernel's copies and wake-ups alone,
 * the ceiling for a ZeroMQ implementation moving the same bytes.
 *
 * <p>A connection that ends before its first byte is skipped: the harness probes a tcp endpoint with a connection
 * that closes at once before it starts the sender.
 */
public final class LocalThr {
    private LocalThr() {}

    public static void main(String[] args) {
        PerfTool.checkUsage(args, "local_thr <bind-to> <message-size> <message-count>", 3);
        Endpoint endpoint = Endpoint.parse(args[0]);
        int messageSize = PerfTool.count(args[1], "message-size");
        int messageCount = PerfTool.count(args[2], "message-count");
        if (messageCount < 1) { // with nothing to read, every connection would look like the harness's probe
            throw PerfTool.fail("message-count must be at least 1");
        }

        long elapsedNanos;
        try {
            elapsedNanos = receive(endpoint, Frames.streamSize(messageSize, messageCount));
        } catch (IOException e) {
            throw PerfTool.fail("local_thr: " + args[0] + ": " + (e.getMessage() != null ? e.getMessage() : e));
        }
        PerfTool.printThroughput(messageSize, messageCount, TimeUnit.NANOSECONDS.toMicros(elapsedNanos));
    }

    /** Nanoseconds from the first of {@code total} bytes to the last, on the first connection that sends any. */
    private static long receive(Endpoint endpoint, long total) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocateDirect(Frames.BUFFER_SIZE);
        try (ServerSocketChannel server = endpoint.listen()) {
            while (true) {
                try (SocketChannel channel = server.accept()) {
                    long received = read(channel, buffer, total);
                    if (received < 0) {
                        continue; // the harness's probe
                    }
                    long start = System.nanoTime();
                    while (received < total) {
                        int n = read(channel, buffer, total - received);
                        if (n < 0) {
                            throw new EOFException("the connection ended after " + received + " of " + total
                                    + " bytes");
                        }
                        received += n;
                    }
                    return System.nanoTime() - start;
                }
            }
        } finally {
            endpoint.removeFile();
        }
    }

    /** One blocking read of at most {@code left} bytes: how many it read, or -1 at the end of the stream. */
    private static int read(SocketChannel channel, ByteBuffer buffer, long left) throws IOException {
        buffer.clear().limit((int) Math.min(buffer.capacity(), left));
        return channel.read(buffer);
    }
}

package org.zmq4j.curve.sockets;

import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.zmq4j.Context;
import org.zmq4j.Curve;
import org.zmq4j.Socket;
import org.zmq4j.SocketOption;
import org.zmq4j.SocketType;

/**
 * A long CURVE stream over TCP: a million messages of mixed sizes, from 1 octet to 1 MiB, with many around the
 * 255/256 short-frame limit and the engine's 32 KiB and 64 KiB read and write buffers, arrive byte-exact and in
 * order. {@code -Dzmq4j.curve.stream.messages=N} changes the count. (It found the engine decrypting a MESSAGE
 * that the full pipe then refused, so that its second offer looked like a replay.)
 */
class CurveStreamTest {
    private static final int MESSAGES = Integer.getInteger("zmq4j.curve.stream.messages", 1_000_000);
    /** Sizes that straddle frame and buffer boundaries (a MESSAGE adds 33 octets, a long header 9). */
    private static final int[] EDGES = {
        222, 223, 224, 255, 256, 257,
        32 * 1024 - 42, 32 * 1024 - 33, 32 * 1024 - 1, 32 * 1024, 32 * 1024 + 1,
        64 * 1024 - 43, 64 * 1024 - 42, 64 * 1024 - 41, 64 * 1024 - 33, 64 * 1024 - 1, 64 * 1024, 64 * 1024 + 1,
        128 * 1024 + 7, 100_000
    };

    static int size(int i) {
        if (i % 100_000 == 99_999) {
            return 1 << 20;
        }
        if (i % 1_000 == 500) {
            return EDGES[(i / 1_000) % EDGES.length];
        }
        if (i % 100 == 37) {
            return 257 + (int) ((i * 7919L) % 9_000);
        }
        return 1 + (int) ((i * 31L + (i >>> 7)) % 300);
    }

    static byte[] body(int i) {
        byte[] b = new byte[size(i)];
        for (int j = 0; j < b.length; j++) {
            b[j] = (byte) (i * 131 + j * 7 + (j >>> 8));
        }
        if (b.length >= 4) {
            b[0] = (byte) (i >>> 24);
            b[1] = (byte) (i >>> 16);
            b[2] = (byte) (i >>> 8);
            b[3] = (byte) i;
        }
        return b;
    }

    static void check(int i, byte[] got) {
        int n = size(i);
        if (got.length != n) {
            int seq = got.length >= 4
                    ? ((got[0] & 0xFF) << 24) | ((got[1] & 0xFF) << 16) | ((got[2] & 0xFF) << 8) | (got[3] & 0xFF) : -1;
            throw new AssertionError("message " + i + ": " + got.length + " octets, " + n + " expected (it says it is "
                    + seq + ")");
        }
        for (int j = n >= 4 ? 4 : 0; j < n; j++) {
            if (got[j] != (byte) (i * 131 + j * 7 + (j >>> 8))) {
                throw new AssertionError("message " + i + " differs at octet " + j);
            }
        }
        if (n >= 4) {
            int seq = ((got[0] & 0xFF) << 24) | ((got[1] & 0xFF) << 16) | ((got[2] & 0xFF) << 8) | (got[3] & 0xFF);
            if (seq != i) {
                throw new AssertionError("message " + seq + " arrived where " + i + " was due");
            }
        }
    }

    @Test
    @Timeout(120)
    void shouldDeliverAMillionMixedMessagesByteExactAndInOrder() throws Exception {
        Curve.KeyPair server = Curve.keyPair();
        Curve.KeyPair client = Curve.keyPair();
        try (Context ctx = new Context()) {
            Socket pull = ctx.socket(SocketType.PULL);
            pull.set(SocketOption.LINGER, 0);
            pull.set(SocketOption.RCVTIMEO, 10_000);
            pull.set(SocketOption.CURVE_SERVER, true);
            pull.set(SocketOption.CURVE_SECRETKEY, server.secretKey());
            pull.bind("tcp://127.0.0.1:*");

            Socket push = ctx.socket(SocketType.PUSH);
            push.set(SocketOption.LINGER, 10_000);
            push.set(SocketOption.SNDTIMEO, 10_000);
            push.set(SocketOption.CURVE_SERVERKEY, server.publicKey());
            push.set(SocketOption.CURVE_PUBLICKEY, client.publicKey());
            push.set(SocketOption.CURVE_SECRETKEY, client.secretKey());
            push.connect(pull.lastEndpoint());

            AtomicReference<Throwable> senderFailure = new AtomicReference<>();
            Thread sender = new Thread(() -> {
                try {
                    for (int i = 0; i < MESSAGES; i++) {
                        if (!push.send(body(i))) {
                            throw new AssertionError("send " + i + " timed out");
                        }
                    }
                } catch (Throwable t) {
                    senderFailure.set(t);
                }
            }, "curve-stream-sender");
            long start = System.nanoTime();
            sender.start();
            long octets = 0;
            for (int i = 0; i < MESSAGES; i++) {
                byte[] got = pull.recv();
                if (got == null) {
                    throw new AssertionError("message " + i + " did not arrive; sender: " + senderFailure.get());
                }
                check(i, got);
                octets += got.length;
            }
            sender.join(10_000);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("CURVE stream: %d messages, %.1f MB in %.1f s (%.0f msg/s, %.1f MB/s)%n", MESSAGES,
                    octets / 1e6, seconds, MESSAGES / seconds, octets / 1e6 / seconds);
            assertNull(senderFailure.get());
            push.close();
            pull.close();
        }
    }
}

package org.zmq4j.tools.perf;

import java.nio.ByteBuffer;
import org.zmq4j.Socket;

/** The two halves of libzmq's throughput test: a sender of COUNT messages, and a receiver timing them. */
final class Throughput {
    private Throughput() {}

    static void send(Socket push, int size, int count) {
        byte[] message = new byte[size];
        for (int i = 0; i < count; i++) {
            push.send(message);
        }
    }

    /**
     * Receives {@code count} messages into one reused buffer (as libzmq's local_thr reuses one zmq_msg_t) and returns
     * the microseconds from the first one's arrival to the last's, so connection set-up is not measured.
     */
    static long receive(Socket pull, int size, int count) {
        ByteBuffer buffer = ByteBuffer.allocate(size);
        check(size, pull.recv(buffer.clear(), 0));
        long start = System.nanoTime();
        for (int i = 0; i != count - 1; i++) {
            check(size, pull.recv(buffer.clear(), 0));
        }
        return (System.nanoTime() - start) / 1_000;
    }

    static void check(int expected, int actual) {
        if (actual != expected) {
            throw new WrongSizeException(expected, actual);
        }
    }

    static void check(int expected, byte[] message) {
        if (message.length != expected) {
            throw new WrongSizeException(expected, message.length);
        }
    }
}

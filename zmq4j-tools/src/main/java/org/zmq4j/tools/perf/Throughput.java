package org.zmq4j.tools.perf;

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
     * Receives {@code count} messages and returns the microseconds from the first one's arrival to the last's,
     * so connection set-up is not measured (libzmq's local_thr).
     */
    static long receive(Socket pull, int size, int count) {
        check(size, pull.recv());
        long start = System.nanoTime();
        for (int i = 0; i != count - 1; i++) {
            check(size, pull.recv());
        }
        return (System.nanoTime() - start) / 1_000;
    }

    static void check(int expected, byte[] message) {
        if (message.length != expected) {
            throw new WrongSizeException(expected, message.length);
        }
    }
}

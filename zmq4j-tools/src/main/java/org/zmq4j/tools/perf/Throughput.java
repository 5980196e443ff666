package org.zmq4j.tools.perf;

import org.zmq4j.Frame;
import org.zmq4j.Socket;

/**
 * The two halves of libzmq's throughput test: a sender of COUNT messages, and a receiver timing them. Both use one
 * {@link Frame} throughout, as libzmq's remote_thr and local_thr use zmq_msg_t: the sender takes a fresh frame of SIZE
 * octets for each message (zmq_msg_init_size, contents left as they come) and the receiver receives into one frame.
 */
final class Throughput {
    private Throughput() {}

    static void send(Socket push, int size, int count) {
        Frame frame = new Frame();
        for (int i = 0; i < count; i++) {
            push.allocate(frame, size);
            push.send(frame, 0);
        }
    }

    /**
     * Receives {@code count} messages and returns the microseconds from the first one's arrival to the last's, so
     * connection set-up is not measured.
     */
    static long receive(Socket pull, int size, int count) {
        Frame frame = new Frame();
        pull.recv(frame, 0);
        check(size, frame.size());
        long start = System.nanoTime();
        for (int i = 0; i != count - 1; i++) {
            pull.recv(frame, 0);
            check(size, frame.size());
        }
        return (System.nanoTime() - start) / 1_000;
    }

    static void check(int expected, int actual) {
        if (actual != expected) {
            throw new WrongSizeException(expected, actual);
        }
    }
}

package org.zmq4j.tools.perf;

import java.nio.ByteBuffer;
import org.zmq4j.Socket;

/**
 * The two halves of libzmq's latency test: a REP echoing ROUNDTRIP-COUNT requests, and a REQ timing them. Each
 * side reuses one buffer, as libzmq's local_lat and remote_lat reuse one zmq_msg_t.
 */
final class Latency {
    private Latency() {}

    static void echo(Socket rep, int size, int roundtrips) {
        ByteBuffer buffer = ByteBuffer.allocate(size);
        for (int i = 0; i != roundtrips; i++) {
            Throughput.check(size, rep.recv(buffer.clear(), 0));
            rep.send(buffer.flip(), 0);
        }
    }

    /** Returns the microseconds that {@code roundtrips} request-reply round trips took. */
    static long roundTrips(Socket req, int size, int roundtrips) {
        ByteBuffer buffer = ByteBuffer.allocate(size);
        long start = System.nanoTime();
        for (int i = 0; i != roundtrips; i++) {
            req.send(buffer.clear(), 0);
            Throughput.check(size, req.recv(buffer.clear(), 0));
        }
        return (System.nanoTime() - start) / 1_000;
    }
}

package org.zmq4j.tools.perf;

import java.util.Arrays;
import org.zmq4j.Frame;
import org.zmq4j.Socket;

/**
 * The two halves of libzmq's latency test: a REP echoing ROUNDTRIP-COUNT requests, and a REQ timing them. Each side
 * reuses one {@link Frame}, as libzmq's local_lat and remote_lat reuse one zmq_msg_t: the echo sends back the very
 * frame it received, and the REQ sends each reply as the next request.
 */
final class Latency {
    private Latency() {}

    static void echo(Socket rep, int size, int roundtrips) {
        Frame frame = new Frame();
        for (int i = 0; i != roundtrips; i++) {
            rep.recv(frame, 0);
            Throughput.check(size, frame.size());
            rep.send(frame, 0);
        }
    }

    /** Returns the microseconds that {@code roundtrips} request-reply round trips took. */
    static long roundTrips(Socket req, int size, int roundtrips) {
        Frame frame = new Frame();
        req.allocate(frame, size);
        Arrays.fill(frame.data(), (byte) 0);
        long start = System.nanoTime();
        for (int i = 0; i != roundtrips; i++) {
            req.send(frame, 0);
            req.recv(frame, 0);
            Throughput.check(size, frame.size());
        }
        return (System.nanoTime() - start) / 1_000;
    }
}

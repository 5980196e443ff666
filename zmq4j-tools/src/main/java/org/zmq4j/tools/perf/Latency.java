package org.zmq4j.tools.perf;

import org.zmq4j.Socket;

/** The two halves of libzmq's latency test: a REP echoing ROUNDTRIP-COUNT requests, and a REQ timing them. */
final class Latency {
    private Latency() {}

    static void echo(Socket rep, int size, int roundtrips) {
        for (int i = 0; i != roundtrips; i++) {
            byte[] request = rep.recv();
            Throughput.check(size, request);
            rep.send(request);
        }
    }

    /** Returns the microseconds that {@code roundtrips} request-reply round trips took. */
    static long roundTrips(Socket req, int size, int roundtrips) {
        byte[] message = new byte[size];
        long start = System.nanoTime();
        for (int i = 0; i != roundtrips; i++) {
            req.send(message);
            message = req.recv();
            Throughput.check(size, message);
        }
        return (System.nanoTime() - start) / 1_000;
    }
}

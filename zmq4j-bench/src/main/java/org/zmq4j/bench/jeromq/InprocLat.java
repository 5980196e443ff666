package org.zmq4j.bench.jeromq;

import org.zmq4j.bench.PerfTool;
import zmq.Ctx;
import zmq.Msg;
import zmq.SocketBase;
import zmq.ZMQ;

/**
 * JeroMQ's inproc_lat: {@code <message-size> <roundtrip-count>}; REQ (timed, main thread) and a REP echo thread over
 * {@code inproc://lat_test}; prints what remote_lat prints.
 */
public final class InprocLat {
    private InprocLat() {}

    public static void main(String[] args) throws InterruptedException {
        PerfTool.checkUsage(args, "inproc_lat <message-size> <roundtrip-count>", 2);
        int messageSize = PerfTool.count(args[0], "message-size");
        int roundtripCount = PerfTool.count(args[1], "roundtrip-count");

        Ctx ctx = ZMQ.createContext();
        SocketBase s = Zmq.socket(ctx, ZMQ.ZMQ_REQ);
        Zmq.bind(s, "inproc://lat_test");

        Thread echo = new Thread(() -> {
            SocketBase rep = Zmq.socket(ctx, ZMQ.ZMQ_REP);
            Zmq.connect(rep, "inproc://lat_test");
            for (int i = 0; i < roundtripCount; i++) {
                Zmq.send(rep, Zmq.recvSized(rep, messageSize));
            }
            ZMQ.close(rep);
        }, "inproc_lat echo");
        echo.start();

        Msg msg = ZMQ.msgInitWithSize(messageSize);
        long watch = ZMQ.startStopwatch();
        for (int i = 0; i < roundtripCount; i++) {
            Zmq.send(s, msg);
            msg = Zmq.recvSized(s, messageSize);
        }
        long elapsed = ZMQ.stopStopwatch(watch);
        echo.join();

        PerfTool.printLatency(messageSize, roundtripCount, elapsed);

        ZMQ.close(s);
        ZMQ.term(ctx);
    }
}

package org.zmq4j.bench.jeromq;

import org.zmq4j.bench.PerfTool;
import zmq.Ctx;
import zmq.Msg;
import zmq.SocketBase;
import zmq.ZMQ;

/**
 * JeroMQ's remote_lat: {@code <connect-to> <message-size> <roundtrip-count>}; REQ connects, times all round trips
 * and prints libzmq's latency lines (one-way latency).
 */
public final class RemoteLat {
    private RemoteLat() {}

    public static void main(String[] args) {
        PerfTool.checkUsage(args, "remote_lat <connect-to> <message-size> <roundtrip-count>", 3);
        String connectTo = args[0];
        int messageSize = PerfTool.count(args[1], "message-size");
        int roundtripCount = PerfTool.count(args[2], "roundtrip-count");

        Ctx ctx = ZMQ.createContext();
        SocketBase s = Zmq.socket(ctx, ZMQ.ZMQ_REQ);
        Zmq.connect(s, connectTo);

        Msg msg = ZMQ.msgInitWithSize(messageSize);
        long watch = ZMQ.startStopwatch();
        for (int i = 0; i < roundtripCount; i++) {
            Zmq.send(s, msg);
            msg = Zmq.recvSized(s, messageSize);
        }
        long elapsed = ZMQ.stopStopwatch(watch);

        PerfTool.printLatency(messageSize, roundtripCount, elapsed);

        ZMQ.close(s);
        ZMQ.term(ctx);
    }
}

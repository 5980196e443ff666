package org.zmq4j.bench.jeromq;

import org.zmq4j.bench.PerfTool;
import zmq.Ctx;
import zmq.SocketBase;
import zmq.ZMQ;

/** JeroMQ's local_lat: {@code <bind-to> <message-size> <roundtrip-count>}; REP binds and echoes; prints nothing. */
public final class LocalLat {
    private LocalLat() {}

    public static void main(String[] args) {
        PerfTool.checkUsage(args, "local_lat <bind-to> <message-size> <roundtrip-count>", 3);
        String bindTo = args[0];
        int messageSize = PerfTool.count(args[1], "message-size");
        int roundtripCount = PerfTool.count(args[2], "roundtrip-count");

        Ctx ctx = ZMQ.createContext();
        SocketBase s = Zmq.socket(ctx, ZMQ.ZMQ_REP);
        Zmq.bind(s, bindTo);

        for (int i = 0; i < roundtripCount; i++) {
            Zmq.send(s, Zmq.recvSized(s, messageSize));
        }

        ZMQ.close(s);
        ZMQ.term(ctx);
    }
}

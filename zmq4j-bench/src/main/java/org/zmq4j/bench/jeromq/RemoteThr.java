package org.zmq4j.bench.jeromq;

import org.zmq4j.bench.PerfTool;
import zmq.Ctx;
import zmq.SocketBase;
import zmq.ZMQ;

/**
 * JeroMQ's remote_thr: {@code <connect-to> <message-size> <message-count> [<enable_curve>]}; PUSH connects and
 * sends; prints nothing on success. Closing waits (LINGER -1) until every message is on its way.
 */
public final class RemoteThr {
    private RemoteThr() {}

    public static void main(String[] args) {
        PerfTool.checkUsage(args, "remote_thr <connect-to> <message-size> <message-count> [<enable_curve>]", 3, 4);
        String connectTo = args[0];
        int messageSize = PerfTool.count(args[1], "message-size");
        int messageCount = PerfTool.count(args[2], "message-count");
        PerfTool.refuseCurve(args, 3);

        Ctx ctx = ZMQ.createContext();
        SocketBase s = Zmq.socket(ctx, ZMQ.ZMQ_PUSH);
        Zmq.connect(s, connectTo);

        for (int i = 0; i < messageCount; i++) {
            Zmq.sendNew(s, messageSize);
        }

        ZMQ.close(s);
        ZMQ.term(ctx);
    }
}

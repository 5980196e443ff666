package org.zmq4j.bench.jeromq;

import org.zmq4j.bench.PerfTool;
import zmq.Ctx;
import zmq.SocketBase;
import zmq.ZMQ;

/**
 * JeroMQ's local_thr: {@code <bind-to> <message-size> <message-count> [<enable_curve>]}; PULL binds, times the
 * messages after the first one arrived and prints libzmq's throughput lines.
 */
public final class LocalThr {
    private LocalThr() {}

    public static void main(String[] args) {
        PerfTool.checkUsage(args, "local_thr <bind-to> <message-size> <message-count> [<enable_curve>]", 3, 4);
        String bindTo = args[0];
        int messageSize = PerfTool.count(args[1], "message-size");
        int messageCount = PerfTool.count(args[2], "message-count");
        PerfTool.refuseCurve(args, 3);

        Ctx ctx = ZMQ.createContext();
        SocketBase s = Zmq.socket(ctx, ZMQ.ZMQ_PULL);
        Zmq.bind(s, bindTo);

        Zmq.recvSized(s, messageSize);
        long watch = ZMQ.startStopwatch();
        for (int i = 1; i < messageCount; i++) {
            Zmq.recvSized(s, messageSize);
        }
        long elapsed = ZMQ.stopStopwatch(watch);

        PerfTool.printThroughput(messageSize, messageCount, elapsed);

        ZMQ.close(s);
        ZMQ.term(ctx);
    }
}

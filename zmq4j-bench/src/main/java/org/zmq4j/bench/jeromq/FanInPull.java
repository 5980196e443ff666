package org.zmq4j.bench.jeromq;

import org.zmq4j.bench.PerfTool;
import zmq.Ctx;
import zmq.SocketBase;
import zmq.ZMQ;

/**
 * JeroMQ's fan_in_pull: {@code <bind-to> <message-size> <message-count> <senders>}; one PULL binds and receives
 * message-count messages in all from fan_in_push's senders; prints the number of senders, then what local_thr
 * prints (clock from the first message).
 */
public final class FanInPull {
    private FanInPull() {}

    public static void main(String[] args) {
        PerfTool.checkUsage(args, "fan_in_pull <bind-to> <message-size> <message-count> <senders>", 4);
        String bindTo = args[0];
        int messageSize = PerfTool.count(args[1], "message-size");
        int messageCount = PerfTool.count(args[2], "message-count");
        int senders = PerfTool.count(args[3], "senders");

        Ctx ctx = ZMQ.createContext();
        SocketBase s = Zmq.socket(ctx, ZMQ.ZMQ_PULL);
        Zmq.bind(s, bindTo);

        Zmq.recvSized(s, messageSize);
        long watch = ZMQ.startStopwatch();
        for (int i = 1; i < messageCount; i++) {
            Zmq.recvSized(s, messageSize);
        }
        long elapsed = ZMQ.stopStopwatch(watch);

        System.out.println("senders: " + senders);
        PerfTool.printThroughput(messageSize, messageCount, elapsed);

        ZMQ.close(s);
        ZMQ.term(ctx);
    }
}

package org.zmq4j.bench.jeromq;

import org.zmq4j.bench.PerfTool;
import zmq.Ctx;
import zmq.SocketBase;
import zmq.ZMQ;

/**
 * JeroMQ's fan_in_push: {@code <connect-to> <message-size> <message-count> <senders>}; that many PUSH sockets each
 * connect to fan_in_pull, and this thread sends message-count messages in all, one socket after the other.
 */
public final class FanInPush {
    private FanInPush() {}

    public static void main(String[] args) {
        PerfTool.checkUsage(args, "fan_in_push <connect-to> <message-size> <message-count> <senders>", 4);
        String connectTo = args[0];
        int messageSize = PerfTool.count(args[1], "message-size");
        int messageCount = PerfTool.count(args[2], "message-count");
        int senders = PerfTool.count(args[3], "senders");
        if (senders < 1) {
            throw PerfTool.fail("senders must be at least 1");
        }

        Ctx ctx = ZMQ.createContext();
        SocketBase[] sockets = new SocketBase[senders];
        for (int k = 0; k < senders; k++) {
            sockets[k] = Zmq.socket(ctx, ZMQ.ZMQ_PUSH);
            Zmq.setOption(sockets[k], ZMQ.ZMQ_LINGER, -1);
            Zmq.connect(sockets[k], connectTo);
        }

        for (int i = 0; i < messageCount; i++) {
            Zmq.sendNew(sockets[i % senders], messageSize);
        }

        for (SocketBase s : sockets) {
            ZMQ.close(s);
        }
        ZMQ.term(ctx);
    }
}

package org.zmq4j.bench.jeromq;

import org.zmq4j.bench.PerfTool;
import zmq.Ctx;
import zmq.Msg;
import zmq.SocketBase;
import zmq.ZMQ;

/**
 * JeroMQ's fan_out_pub: {@code <bind-to> <sync-bind-to> <message-size> <message-count> <subscribers>}; one PUB
 * binds and, once fan_out_sub reports on the sync PULL that every subscriber hears it, publishes message-count
 * messages starting with "d". Until then it publishes one-byte probes ("p") every millisecond. SNDHWM is 0 (no
 * limit), so no subscriber loses a message.
 */
public final class FanOutPub {
    private FanOutPub() {}

    public static void main(String[] args) {
        PerfTool.checkUsage(args,
                "fan_out_pub <bind-to> <sync-bind-to> <message-size> <message-count> <subscribers>", 5);
        String bindTo = args[0];
        String syncBindTo = args[1];
        int messageSize = PerfTool.count(args[2], "message-size");
        int messageCount = PerfTool.count(args[3], "message-count");
        PerfTool.count(args[4], "subscribers");
        if (messageSize < 1) {
            throw PerfTool.fail("message-size must be at least 1");
        }

        Ctx ctx = ZMQ.createContext();
        SocketBase pub = Zmq.socket(ctx, ZMQ.ZMQ_PUB);
        SocketBase sync = Zmq.socket(ctx, ZMQ.ZMQ_PULL);
        Zmq.setOption(pub, ZMQ.ZMQ_SNDHWM, 0);
        Zmq.setOption(pub, ZMQ.ZMQ_LINGER, -1);
        Zmq.setOption(sync, ZMQ.ZMQ_RCVTIMEO, 1);
        Zmq.bind(pub, bindTo);
        Zmq.bind(sync, syncBindTo);

        byte[] probe = {'p'};
        do {
            Zmq.send(pub, new Msg(probe));
        } while (ZMQ.recvMsg(sync, 0) == null);

        for (int i = 0; i < messageCount; i++) {
            byte[] data = new byte[messageSize];
            data[0] = 'd';
            Zmq.send(pub, new Msg(data));
        }

        ZMQ.close(sync);
        ZMQ.close(pub);
        ZMQ.term(ctx);
    }
}

package org.zmq4j.bench.jeromq;

import java.nio.channels.Selector;
import java.nio.charset.StandardCharsets;
import org.zmq4j.bench.PerfTool;
import zmq.Ctx;
import zmq.Msg;
import zmq.SocketBase;
import zmq.ZMQ;
import zmq.poll.PollItem;

/**
 * JeroMQ's fan_out_sub: {@code <connect-to> <sync-connect-to> <message-size> <message-count> <subscribers>}; that
 * many SUB sockets (RCVHWM 0) connect to fan_out_pub and this thread polls them all. When each has heard a probe it
 * tells the publisher on the sync PUSH; it stops when each has received message-count data messages. The clock runs
 * from the first data message; throughput counts every delivery (message-count x subscribers).
 */
public final class FanOutSub {
    private FanOutSub() {}

    public static void main(String[] args) {
        PerfTool.checkUsage(args,
                "fan_out_sub <connect-to> <sync-connect-to> <message-size> <message-count> <subscribers>", 5);
        String connectTo = args[0];
        String syncConnectTo = args[1];
        int messageSize = PerfTool.count(args[2], "message-size");
        int messageCount = PerfTool.count(args[3], "message-count");
        int subscribers = PerfTool.count(args[4], "subscribers");
        if (subscribers < 1) {
            throw PerfTool.fail("subscribers must be at least 1");
        }

        Ctx ctx = ZMQ.createContext();
        PollItem[] items = new PollItem[subscribers];
        for (int k = 0; k < subscribers; k++) {
            SocketBase s = Zmq.socket(ctx, ZMQ.ZMQ_SUB);
            Zmq.setOption(s, ZMQ.ZMQ_RCVHWM, 0);
            Zmq.setOption(s, ZMQ.ZMQ_SUBSCRIBE, new byte[0]);
            Zmq.connect(s, connectTo);
            items[k] = new PollItem(s, ZMQ.ZMQ_POLLIN);
        }
        SocketBase sync = Zmq.socket(ctx, ZMQ.ZMQ_PUSH);
        Zmq.connect(sync, syncConnectTo);

        long[] received = new long[subscribers];
        boolean[] probed = new boolean[subscribers];
        int probedCount = 0;
        int finished = 0;
        long watch = -1;
        Selector selector = ctx.createSelector();
        while (finished < subscribers) {
            if (ZMQ.poll(selector, items, -1) < 0) {
                throw PerfTool.fail("error in zmq_poll");
            }
            for (int k = 0; k < subscribers; k++) {
                if (!items[k].isReadable()) {
                    continue;
                }
                SocketBase s = items[k].getSocket();
                Msg msg;
                while ((msg = ZMQ.recvMsg(s, ZMQ.ZMQ_DONTWAIT)) != null) {
                    if (msg.size() == 1 && msg.get(0) == 'p') {
                        if (!probed[k]) {
                            probed[k] = true;
                            if (++probedCount == subscribers) {
                                Zmq.send(sync, new Msg("ready".getBytes(StandardCharsets.US_ASCII)));
                            }
                        }
                        continue;
                    }
                    if (msg.size() != messageSize || msg.get(0) != 'd') {
                        throw PerfTool.fail("message of incorrect size received");
                    }
                    if (watch < 0) {
                        watch = ZMQ.startStopwatch();
                    }
                    if (++received[k] == messageCount) {
                        finished++;
                    }
                }
            }
        }
        long elapsed = ZMQ.stopStopwatch(watch);
        ctx.closeSelector(selector);

        System.out.println("subscribers: " + subscribers);
        PerfTool.printThroughput(messageSize, (long) messageCount * subscribers, elapsed);

        for (PollItem item : items) {
            ZMQ.close(item.getSocket());
        }
        ZMQ.close(sync);
        ZMQ.term(ctx);
    }
}

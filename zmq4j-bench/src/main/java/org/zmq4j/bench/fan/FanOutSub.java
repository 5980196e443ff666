package org.zmq4j.bench.fan;

import org.zmq4j.Context;
import org.zmq4j.Frame;
import org.zmq4j.Poller;
import org.zmq4j.Socket;
import org.zmq4j.SocketOption;
import org.zmq4j.SocketType;
import org.zmq4j.bench.PerfTool;

/**
 * zmq4j's fan_out_sub: {@code <connect-to> <sync-connect-to> <message-size> <message-count> <subscribers>}; that
 * many SUB sockets (RCVHWM 0) connect to fan_out_pub and this thread polls them all. When each has heard a probe it
 * tells the publisher on the sync PUSH; it stops when each has received message-count data messages. The clock runs
 * from the first data message; throughput counts every delivery (message-count x subscribers). Every message is
 * received into one {@link Frame}, as libzmq's fan_out_sub receives into one {@code zmq_msg_t}.
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

        try (Context ctx = new Context(); Socket sync = ctx.socket(SocketType.PUSH)) {
            Socket[] subs = new Socket[subscribers];
            Poller poller = new Poller();
            for (int k = 0; k < subscribers; k++) {
                subs[k] = ctx.socket(SocketType.SUB);
                subs[k].set(SocketOption.RCVHWM, 0);
                subs[k].subscribe(new byte[0]);
                subs[k].connect(connectTo);
                poller.register(subs[k], Poller.POLLIN);
            }
            sync.connect(syncConnectTo);

            long[] received = new long[subscribers];
            boolean[] probed = new boolean[subscribers];
            int probedCount = 0;
            int finished = 0;
            long start = -1;
            Frame frame = new Frame();
            while (finished < subscribers) {
                poller.poll(-1);
                for (int k = 0; k < subscribers; k++) {
                    if (!poller.pollin(k)) {
                        continue;
                    }
                    while (subs[k].recv(frame, Socket.DONTWAIT)) {
                        byte[] msg = frame.data();
                        if (msg.length == 1 && msg[0] == 'p') {
                            if (!probed[k]) {
                                probed[k] = true;
                                if (++probedCount == subscribers) {
                                    sync.send("ready");
                                }
                            }
                            continue;
                        }
                        if (msg.length != messageSize || msg[0] != 'd') {
                            throw PerfTool.fail("message of incorrect size received");
                        }
                        if (start < 0) {
                            start = System.nanoTime();
                        }
                        if (++received[k] == messageCount) {
                            finished++;
                        }
                    }
                }
            }
            long elapsed = (System.nanoTime() - start) / 1000;

            System.out.println("subscribers: " + subscribers);
            PerfTool.printThroughput(messageSize, (long) messageCount * subscribers, elapsed);
            for (Socket s : subs) {
                s.close();
            }
        }
    }
}

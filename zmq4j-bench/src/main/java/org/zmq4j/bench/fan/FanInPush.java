package org.zmq4j.bench.fan;

import org.zmq4j.Context;
import org.zmq4j.Socket;
import org.zmq4j.SocketOption;
import org.zmq4j.SocketType;
import org.zmq4j.bench.PerfTool;

/**
 * zmq4j's fan_in_push: {@code <connect-to> <message-size> <message-count> <senders>}; that many PUSH sockets each
 * connect to fan_in_pull, and this thread sends message-count new messages in all, one socket after the other.
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

        try (Context ctx = new Context()) {
            Socket[] sockets = new Socket[senders];
            for (int k = 0; k < senders; k++) {
                sockets[k] = ctx.socket(SocketType.PUSH);
                sockets[k].set(SocketOption.LINGER, -1);
                sockets[k].connect(connectTo);
            }
            for (int i = 0; i < messageCount; i++) {
                sockets[i % senders].send(new byte[messageSize]);
            }
            for (Socket s : sockets) {
                s.close();
            }
        }
    }
}

package org.zmq4j.bench.fan;

import org.zmq4j.Context;
import org.zmq4j.Frame;
import org.zmq4j.Socket;
import org.zmq4j.SocketOption;
import org.zmq4j.SocketType;
import org.zmq4j.bench.PerfTool;

/**
 * zmq4j's fan_in_push: {@code <connect-to> <message-size> <message-count> <senders>}; that many PUSH sockets each
 * connect to fan_in_pull, and this thread sends message-count new messages in all, one socket after the other. Each
 * is a frame of message-size octets from {@link Socket#allocate} (contents left as they come), sent without a copy, as
 * libzmq's fan_in_push sends a {@code zmq_msg_t} from {@code zmq_msg_init_size}.
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
            Frame frame = new Frame();
            for (int i = 0; i < messageCount; i++) {
                Socket s = sockets[i % senders];
                s.allocate(frame, messageSize);
                s.send(frame, 0);
            }
            for (Socket s : sockets) {
                s.close();
            }
        }
    }
}

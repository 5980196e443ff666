package org.zmq4j.bench.fan;

import java.util.Arrays;
import org.zmq4j.Context;
import org.zmq4j.Frame;
import org.zmq4j.Socket;
import org.zmq4j.SocketOption;
import org.zmq4j.SocketType;
import org.zmq4j.bench.PerfTool;

/**
 * zmq4j's fan_out_pub: {@code <bind-to> <sync-bind-to> <message-size> <message-count> <subscribers>}; one PUB
 * binds and, once fan_out_sub reports on the sync PULL that every subscriber hears it, publishes message-count
 * messages starting with "d". Until then it publishes one-byte probes ("p") every millisecond. SNDHWM is 0 (no
 * limit), so no subscriber loses a message. Each message is a frame from {@link Socket#allocate}, zeroed and marked,
 * sent without a copy, as libzmq's fan_out_pub fills and sends a {@code zmq_msg_t}.
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

        try (Context ctx = new Context();
             Socket pub = ctx.socket(SocketType.PUB);
             Socket sync = ctx.socket(SocketType.PULL)) {
            pub.set(SocketOption.SNDHWM, 0);
            pub.set(SocketOption.LINGER, -1);
            sync.set(SocketOption.RCVTIMEO, 1);
            pub.bind(bindTo);
            sync.bind(syncBindTo);

            byte[] probe = {'p'};
            do {
                pub.send(probe);
            } while (sync.recv() == null);

            Frame frame = new Frame();
            for (int i = 0; i < messageCount; i++) {
                pub.allocate(frame, messageSize);
                byte[] data = frame.data();
                Arrays.fill(data, (byte) 0);
                data[0] = 'd';
                pub.send(frame, 0);
            }
        }
    }
}

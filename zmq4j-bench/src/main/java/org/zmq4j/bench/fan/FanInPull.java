package org.zmq4j.bench.fan;

import org.zmq4j.Context;
import org.zmq4j.Frame;
import org.zmq4j.Socket;
import org.zmq4j.SocketType;
import org.zmq4j.bench.PerfTool;

/**
 * zmq4j's fan_in_pull: {@code <bind-to> <message-size> <message-count> <senders>}; one PULL binds and receives
 * message-count messages in all from fan_in_push's senders; prints the number of senders, then what local_thr
 * prints (clock from the first message). It receives into one {@link Frame} throughout, as libzmq's fan_in_pull
 * into one {@code zmq_msg_t}.
 */
public final class FanInPull {
    private FanInPull() {}

    public static void main(String[] args) {
        PerfTool.checkUsage(args, "fan_in_pull <bind-to> <message-size> <message-count> <senders>", 4);
        String bindTo = args[0];
        int messageSize = PerfTool.count(args[1], "message-size");
        int messageCount = PerfTool.count(args[2], "message-count");
        int senders = PerfTool.count(args[3], "senders");

        try (Context ctx = new Context(); Socket s = ctx.socket(SocketType.PULL)) {
            s.bind(bindTo);

            Frame frame = new Frame();
            recvSized(s, frame, messageSize);
            long start = System.nanoTime();
            for (int i = 1; i < messageCount; i++) {
                recvSized(s, frame, messageSize);
            }
            long elapsed = (System.nanoTime() - start) / 1000;

            System.out.println("senders: " + senders);
            PerfTool.printThroughput(messageSize, messageCount, elapsed);
        }
    }

    private static void recvSized(Socket s, Frame frame, int messageSize) {
        if (!s.recv(frame, 0) || frame.size() != messageSize) {
            throw PerfTool.fail("message of incorrect size received");
        }
    }
}

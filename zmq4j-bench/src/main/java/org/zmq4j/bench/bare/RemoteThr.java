package org.zmq4j.bench.bare;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import org.zmq4j.bench.PerfTool;

/**
 * The bare socket's remote_thr: {@code <connect-to> <message-size> <message-count>}; connects and writes the ZMTP
 * bytes of {@code message-count} messages ({@link Frames}) in blocking writes of up to 64 KiB from one reused buffer
 * of whole frames, then closes; prints nothing on success. Nothing is built per message, so the sender costs only its
 * system calls.
 */
public final class RemoteThr {
    private RemoteThr() {}

    public static void main(String[] args) throws InterruptedException {
        PerfTool.checkUsage(args, "remote_thr <connect-to> <message-size> <message-count>", 3);
        Endpoint endpoint = Endpoint.parse(args[0]);
        int messageSize = PerfTool.count(args[1], "message-size");
        int messageCount = PerfTool.count(args[2], "message-count");

        ByteBuffer frames = Frames.frames(messageSize);
        try (SocketChannel channel = endpoint.connect()) {
            if (endpoint.ipcPath() == null) {
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true); // as libzmq does on every tcp connection
            }
            for (long left = Frames.streamSize(messageSize, messageCount); left > 0; ) {
                frames.clear().limit((int) Math.min(frames.capacity(), left));
                left -= frames.remaining();
                while (frames.hasRemaining()) {
                    channel.write(frames);
                }
            }
        } catch (IOException e) {
            throw PerfTool.fail("remote_thr: " + args[0] + ": " + (e.getMessage() != null ? e.getMessage() : e));
        }
    }
}

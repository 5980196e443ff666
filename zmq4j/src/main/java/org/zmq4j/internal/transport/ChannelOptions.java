package org.zmq4j.internal.transport;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.channels.NetworkChannel;
import java.nio.channels.SocketChannel;
import jdk.net.ExtendedSocketOptions;
import org.zmq4j.internal.util.Options;

/** Applies socket options to a new connection: TCP_NODELAY (always, as libzmq), buffers and keep-alive. */
final class ChannelOptions {
    private ChannelOptions() {}

    static void apply(SocketChannel ch, Options o, boolean tcp) throws IOException {
        ch.configureBlocking(false);
        applyBuffers(ch, o);
        if (!tcp) {
            return;
        }
        ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
        if (o.tcpKeepalive != -1) {
            ch.setOption(StandardSocketOptions.SO_KEEPALIVE, o.tcpKeepalive == 1);
        }
        if (o.tcpKeepalive == 1) {
            setIfSupported(ch, ExtendedSocketOptions.TCP_KEEPCOUNT, o.tcpKeepaliveCnt);
            setIfSupported(ch, ExtendedSocketOptions.TCP_KEEPIDLE, o.tcpKeepaliveIdle);
            setIfSupported(ch, ExtendedSocketOptions.TCP_KEEPINTERVAL, o.tcpKeepaliveIntvl);
        }
    }

    static void applyBuffers(NetworkChannel ch, Options o) throws IOException {
        if (o.sndBuf > 0) {
            ch.setOption(StandardSocketOptions.SO_SNDBUF, o.sndBuf);
        }
        if (o.rcvBuf > 0) {
            ch.setOption(StandardSocketOptions.SO_RCVBUF, o.rcvBuf);
        }
    }

    private static void setIfSupported(SocketChannel ch, java.net.SocketOption<Integer> opt, int value)
            throws IOException {
        if (value > 0 && ch.supportedOptions().contains(opt)) {
            ch.setOption(opt, value);
        }
    }
}

package org.zmq4j.internal.transport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ProtocolFamily;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import org.zmq4j.internal.engine.Connector;
import org.zmq4j.internal.engine.Session;
import org.zmq4j.internal.io.IoHandler;
import org.zmq4j.internal.io.IoThread;
import org.zmq4j.internal.io.Timer;
import org.zmq4j.internal.transport.tcp.TcpAddress;
import org.zmq4j.internal.util.EventSink;
import org.zmq4j.internal.util.MonitorEvents;
import org.zmq4j.internal.util.Options;

/**
 * Makes a connect-side session's connections, TCP or Unix domain, on the session's I/O thread: a non-blocking
 * connect, CONNECT_DELAYED while it is pending, CONNECTED when it completes, and on failure the session schedules
 * the next attempt.
 */
public final class StreamConnecter implements Connector, IoHandler {
    private final IoThread io;
    private final Session session;
    private final Options options;
    private final EventSink events;
    private final String endpoint;
    private final SocketAddress target;
    private final SocketAddress source;
    private final boolean tcp;
    private SocketChannel channel;
    private SelectionKey key;
    private Timer timer;
    private boolean closed;

    private StreamConnecter(Session session, Options options, EventSink events, String endpoint,
            SocketAddress target, SocketAddress source, boolean tcp) {
        this.io = session.ioThread();
        this.session = session;
        this.options = options;
        this.events = events;
        this.endpoint = endpoint;
        this.target = target;
        this.source = source;
        this.tcp = tcp;
    }

    /** Resolves {@code tcp://address} now (bad addresses fail the connect call) and returns the connecter. */
    public static StreamConnecter tcp(Session session, Options options, EventSink events, String address) {
        InetSocketAddress[] a = TcpAddress.resolveConnect(address, options.ipv6);
        return new StreamConnecter(session, options, events, "tcp://" + address, a[1], a[0], true);
    }

    public static StreamConnecter ipc(Session session, Options options, EventSink events, String address) {
        return new StreamConnecter(session, options, events, "ipc://" + address,
                UnixDomainSocketAddress.of(IpcPaths.of(address)), null, false);
    }

    @Override
    public void start(long delayMillis) {
        if (closed) {
            return;
        }
        if (delayMillis <= 0) {
            attempt();
        } else {
            timer = io.schedule(delayMillis, this::attempt);
        }
    }

    private void attempt() {
        timer = null;
        if (closed) {
            return;
        }
        try {
            ProtocolFamily family = !tcp ? StandardProtocolFamily.UNIX
                    : ((InetSocketAddress) target).getAddress() instanceof java.net.Inet6Address
                            ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET;
            channel = SocketChannel.open(family);
            ChannelOptions.apply(channel, options, tcp);
            if (source != null) {
                channel.bind(source);
            }
            if (channel.connect(target)) {
                key = io.register(channel, 0, this);
                connected();
            } else {
                key = io.register(channel, SelectionKey.OP_CONNECT, this);
                events.event(MonitorEvents.CONNECT_DELAYED, 0, endpoint, "");
            }
        } catch (IOException | RuntimeException e) {
            failed();
        }
    }

    @Override
    public void ioReady(int readyOps) {
        try {
            if (channel.finishConnect()) {
                connected();
            }
        } catch (IOException e) {
            failed();
        }
    }

    private void connected() {
        SocketChannel ch = channel;
        SelectionKey k = key;
        channel = null;
        key = null;
        events.event(MonitorEvents.CONNECTED, 0, endpoint, "");
        session.connected(ch, k, endpoint);
    }

    private void failed() {
        if (key != null) {
            key.cancel();
            key = null;
        }
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // the attempt is over either way
            }
            channel = null;
        }
        session.connectFailed();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (timer != null) {
            timer.cancel();
        }
        if (channel != null) {
            if (key != null) {
                key.cancel();
            }
            try {
                channel.close();
            } catch (IOException e) {
                // abandoning the attempt
            }
            events.event(MonitorEvents.CLOSED, 0, endpoint, "");
        }
    }
}

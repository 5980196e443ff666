package org.zmq4j.internal.transport;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.zmq4j.internal.engine.Session;
import org.zmq4j.internal.engine.SocketPort;
import org.zmq4j.internal.io.IoContext;
import org.zmq4j.internal.io.IoHandler;
import org.zmq4j.internal.io.IoThread;
import org.zmq4j.internal.transport.tcp.TcpAddress;
import org.zmq4j.internal.util.MonitorEvents;
import org.zmq4j.internal.util.Options;
import org.zmq4j.internal.util.ZmqError;

/**
 * Accepts TCP or Unix domain connections on a bound address and gives each to a new session on the least loaded
 * I/O thread. Binding happens on the caller's thread, so errors (address in use) are reported by bind itself;
 * accepting runs on the listener's I/O thread, which also owns the set of sessions it accepted.
 */
public final class StreamListener implements IoHandler {
    private final IoContext ctx;
    private final IoThread io;
    private final SocketPort socket;
    private final Options options;
    private final ServerSocketChannel server;
    private final boolean tcp;
    private final String endpoint;
    private final Path ipcPath;
    private final Set<Session> sessions = new HashSet<>();
    private final AtomicBoolean pathReleased = new AtomicBoolean();
    private SelectionKey key;
    private boolean closed;

    private StreamListener(IoContext ctx, SocketPort socket, Options options, ServerSocketChannel server,
            boolean tcp, String endpoint, Path ipcPath) {
        this.ctx = ctx;
        this.io = ctx.choose();
        this.socket = socket;
        this.options = options;
        this.server = server;
        this.tcp = tcp;
        this.endpoint = endpoint;
        this.ipcPath = ipcPath;
    }

    /** Binds {@code tcp://address}; returns the listener, already accepting. */
    public static StreamListener bindTcp(IoContext ctx, SocketPort socket, Options options, String address) {
        InetSocketAddress local = TcpAddress.resolveBind(address, options.ipv6);
        ServerSocketChannel ch = null;
        try {
            ch = ServerSocketChannel.open(local.getAddress() instanceof java.net.Inet6Address
                    ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
            ch.setOption(java.net.StandardSocketOptions.SO_REUSEADDR, true);
            ChannelOptions.applyBuffers(ch, options);
            ch.bind(local, options.backlog);
            String ep = TcpAddress.format((InetSocketAddress) ch.getLocalAddress());
            return start(ctx, socket, options, ch, true, ep, null);
        } catch (IOException e) {
            closeQuietly(ch);
            throw bindError("tcp://" + address, e);
        }
    }

    /** Binds {@code ipc://path}; {@code *} picks a fresh temporary path. */
    public static StreamListener bindIpc(IoContext ctx, SocketPort socket, Options options, String address) {
        Path path;
        try {
            path = address.equals("*") ? IpcPaths.fresh() : IpcPaths.of(address);
        } catch (IOException e) {
            throw new ZmqError(ZmqError.EINVAL, "cannot create a path for ipc://*: " + e.getMessage(), e);
        }
        ServerSocketChannel ch = null;
        try {
            // libzmq: binding an ipc path that exists replaces it.
            Files.deleteIfExists(path);
            ch = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            ch.bind(UnixDomainSocketAddress.of(path), options.backlog);
            return start(ctx, socket, options, ch, false, "ipc://" + path, path);
        } catch (IOException e) {
            closeQuietly(ch);
            throw bindError("ipc://" + address, e);
        }
    }

    private static ZmqError bindError(String ep, IOException e) {
        if (e instanceof BindException) {
            String m = String.valueOf(e.getMessage());
            if (m.contains("in use")) {
                return new ZmqError(ZmqError.EADDRINUSE, "address in use: " + ep, e);
            }
            return new ZmqError(ZmqError.EADDRNOTAVAIL, "cannot bind " + ep + ": " + m, e);
        }
        return new ZmqError(ZmqError.EINVAL, "cannot bind " + ep + ": " + e.getMessage(), e);
    }

    private static StreamListener start(IoContext ctx, SocketPort socket, Options options, ServerSocketChannel ch,
            boolean tcp, String ep, Path ipcPath) throws IOException {
        ch.configureBlocking(false);
        StreamListener l = new StreamListener(ctx, socket, options, ch, tcp, ep, ipcPath);
        ctx.retain();
        l.io.execute(l::register);
        socket.events().event(MonitorEvents.LISTENING, 0, ep, "");
        return l;
    }

    private static void closeQuietly(ServerSocketChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException e) {
                // nothing bound
            }
        }
    }

    /** The bound endpoint with the actual port or path (LAST_ENDPOINT). */
    public String endpoint() {
        return endpoint;
    }

    private void register() {
        if (closed) {
            return;
        }
        try {
            key = io.register(server, SelectionKey.OP_ACCEPT, this);
        } catch (IOException e) {
            socket.events().event(MonitorEvents.ACCEPT_FAILED, 0, endpoint, "");
        }
    }

    @Override
    public void ioReady(int readyOps) {
        for (int i = 0; i < 64 && !closed; i++) {
            SocketChannel ch;
            try {
                ch = server.accept();
            } catch (IOException e) {
                socket.events().event(MonitorEvents.ACCEPT_FAILED, 0, endpoint, "");
                return;
            }
            if (ch == null) {
                return;
            }
            String remote;
            try {
                ChannelOptions.apply(ch, options, tcp);
                SocketAddress ra = ch.getRemoteAddress();
                remote = ra instanceof InetSocketAddress ? TcpAddress.format((InetSocketAddress) ra) : endpoint;
            } catch (IOException e) {
                socket.events().event(MonitorEvents.ACCEPT_FAILED, 0, endpoint, "");
                try {
                    ch.close();
                } catch (IOException ignored) {
                    // dropped
                }
                continue;
            }
            IoThread target = ctx.choose();
            Session s = new Session(target, ctx, socket, options, false, endpoint);
            sessions.add(s);
            s.onFinished(() -> io.execute(() -> sessions.remove(s)));
            socket.events().event(MonitorEvents.ACCEPTED, 0, endpoint, remote);
            target.execute(() -> s.connected(ch, null, remote));
        }
    }

    /**
     * Stops listening. {@code dropSessions}: end the accepted connections too (unbind); otherwise only those still
     * in their handshake end, and the rest end with their pipes (socket close, honouring LINGER).
     */
    public void terminate(boolean dropSessions) {
        // The ipc path is unlinked now, on the caller's thread: done later on the I/O thread, it could delete the
        // socket file of a bind of the same path made right after this close or unbind, orphaning that listener.
        boolean unlinkFailed = ipcPath != null && !pathReleased.getAndSet(true) && !unlinkPath();
        java.util.concurrent.CountDownLatch released = new java.util.concurrent.CountDownLatch(1);
        io.execute(() -> {
            if (closed) {
                released.countDown();
                return;
            }
            closed = true;
            if (key != null) {
                key.cancel();
            }
            try {
                server.close();
            } catch (IOException e) {
                socket.events().event(MonitorEvents.CLOSE_FAILED, 0, endpoint, "");
            }
            // A channel registered with a selector keeps its descriptor until the key is deregistered.
            io.flushCancelledKeys();
            released.countDown();
            if (unlinkFailed) {
                socket.events().event(MonitorEvents.CLOSE_FAILED, 0, endpoint, "");
            }
            socket.events().event(MonitorEvents.CLOSED, 0, endpoint, "");
            for (Session s : sessions) {
                if (dropSessions) {
                    s.terminate();
                } else {
                    s.closeIfNoPipe();
                }
            }
            ctx.release();
        });
        awaitRelease(released);
    }

    /**
     * Waits until the port or path is free again, so that unbind or close followed by a bind of the same
     * endpoint works at once (a bounded wait: the I/O thread answers within one loop iteration).
     */
    private void awaitRelease(java.util.concurrent.CountDownLatch released) {
        if (io.inThisThread()) {
            return;
        }
        boolean interrupted = false;
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (released.getCount() > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            try {
                released.await(left, java.util.concurrent.TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean unlinkPath() {
        try {
            Files.deleteIfExists(ipcPath);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}

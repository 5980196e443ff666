package org.zmq4j.bench.bare;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.zmq4j.bench.PerfTool;

/**
 * A tool's endpoint as a stream socket's address: {@code tcp://host:port} is a TCP socket ({@code *} for the host
 * binds to every interface), {@code ipc://path} a Unix domain socket whose file is {@code path}, as in libzmq.
 *
 * @param ipcPath the socket file of an ipc endpoint; null for tcp
 */
record Endpoint(SocketAddress address, Path ipcPath) {
    /** How long {@link #connect()} keeps trying while nothing listens yet. */
    private static final long CONNECT_PATIENCE_NANOS = TimeUnit.SECONDS.toNanos(10);

    /** The endpoint {@code text} names; exits with a message if it names none. */
    static Endpoint parse(String text) {
        if (text.startsWith("ipc://") && text.length() > "ipc://".length()) {
            Path path = Path.of(text.substring("ipc://".length()));
            return new Endpoint(UnixDomainSocketAddress.of(path), path);
        }
        int colon = text.lastIndexOf(':');
        if (text.startsWith("tcp://") && colon > "tcp://".length()) {
            String host = text.substring("tcp://".length(), colon);
            try {
                int port = Integer.parseInt(text.substring(colon + 1));
                InetSocketAddress address = host.equals("*") ? new InetSocketAddress(port)
                        : new InetSocketAddress(host, port);
                if (address.isUnresolved()) {
                    throw PerfTool.fail("unknown host in endpoint " + text);
                }
                return new Endpoint(address, null);
            } catch (IllegalArgumentException e) { // the port is no number or out of range
                throw PerfTool.fail("bad port in endpoint " + text + ": " + e.getMessage());
            }
        }
        throw PerfTool.fail("bad endpoint " + text + ": the bare socket takes tcp://host:port or ipc://path");
    }

    /**
     * A server socket bound to this endpoint. An ipc socket file left by an earlier run would refuse the bind, so it
     * goes first, as libzmq's ipc listener does.
     */
    ServerSocketChannel listen() throws IOException {
        if (ipcPath == null) {
            return ServerSocketChannel.open().bind(address);
        }
        Files.deleteIfExists(ipcPath);
        return ServerSocketChannel.open(StandardProtocolFamily.UNIX).bind(address);
    }

    /** Deletes the socket file {@link #listen()} made, if any. */
    void removeFile() throws IOException {
        if (ipcPath != null) {
            Files.deleteIfExists(ipcPath);
        }
    }

    /**
     * A socket connected to this endpoint. While nothing listens yet (no socket file, or a refused connection) it
     * tries again for up to 10 s, as a ZeroMQ socket reconnects: the harness waits for a tcp listener before starting
     * the connecting side, but not for an ipc one.
     */
    SocketChannel connect() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + CONNECT_PATIENCE_NANOS;
        while (true) {
            SocketChannel channel = ipcPath == null ? SocketChannel.open()
                    : SocketChannel.open(StandardProtocolFamily.UNIX);
            String problem;
            try {
                channel.connect(address);
                if (!channel.getLocalAddress().equals(channel.getRemoteAddress())) {
                    return channel;
                }
                // Trying a local port that nothing listens on, connect may pick that very port as its own, and TCP's
                // simultaneous open then connects the socket to itself (one try in some thousands here).
                problem = "connected to itself";
            } catch (SocketException e) {
                problem = e.getMessage();
            }
            channel.close();
            if (System.nanoTime() - deadline >= 0) {
                throw new IOException("nothing accepted the connection for 10 s: " + problem);
            }
            Thread.sleep(10);
        }
    }
}

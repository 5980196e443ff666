package org.zmq4j.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The other end of a ZMTP connection, scripted by a test (after OkHttp's {@code MockHttp2Peer}): it sends exactly
 * the bytes the test asks for, well-formed or not, and reads and checks what the zmq4j socket sends.
 *
 * <p>It speaks over TCP or Unix domain sockets ({@link #connect}, or {@link Listener#accept}), through a
 * non-blocking {@link SocketChannel} and a {@link Selector} so that every read has a deadline: a read that gets no
 * byte within {@link #timeout()} fails the test with an {@link AssertionError} instead of hanging. (A plain
 * {@code java.net.Socket} cannot do Unix domain sockets.) The encoding is written out here, independently of
 * zmq4j's codec, so a codec bug cannot hide itself, and so malformed input is as easy to send as good input.
 *
 * <pre>{@code
 * try (ScriptedZmtpPeer peer = ScriptedZmtpPeer.connect(endpoint)) {
 *     peer.handshake("PUSH");              // greetings both ways, READY both ways
 *     peer.sendMessage("hello".getBytes());
 * }
 * }</pre>
 *
 * <p>Used by one test thread at a time.
 */
public final class ScriptedZmtpPeer implements AutoCloseable {
    /** 37/ZMTP 3.1 frame flag bits. */
    public static final int MORE = 1;
    public static final int LONG = 2;
    public static final int COMMAND = 4;

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    private final SocketChannel channel;
    private final Selector selector;
    private final ByteBuffer readBuffer = ByteBuffer.allocate(64 * 1024);
    private Duration timeout = DEFAULT_TIMEOUT;

    private ScriptedZmtpPeer(SocketChannel channel) throws IOException {
        this.channel = channel;
        channel.configureBlocking(false);
        this.selector = Selector.open();
        readBuffer.flip();
    }

    // ================================================================ opening

    /** Connects to a zmq4j socket bound at {@code tcp://host:port} or {@code ipc://path}. */
    public static ScriptedZmtpPeer connect(String endpoint) {
        SocketAddress address = address(endpoint);
        try {
            SocketChannel ch = SocketChannel.open(address instanceof UnixDomainSocketAddress
                    ? StandardProtocolFamily.UNIX : StandardProtocolFamily.INET);
            try {
                ch.connect(address); // blocking: loopback and Unix domain connects complete at once or fail
            } catch (IOException e) {
                ch.close();
                throw e;
            }
            return new ScriptedZmtpPeer(ch);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot connect to " + endpoint, e);
        }
    }

    private static SocketAddress address(String endpoint) {
        if (endpoint.startsWith("tcp://")) {
            String hp = endpoint.substring(6);
            int colon = hp.lastIndexOf(':');
            return new InetSocketAddress(hp.substring(0, colon), Integer.parseInt(hp.substring(colon + 1)));
        }
        if (endpoint.startsWith("ipc://")) {
            return UnixDomainSocketAddress.of(endpoint.substring(6));
        }
        throw new IllegalArgumentException("a scripted peer speaks tcp:// or ipc:// only: " + endpoint);
    }

    /** Listens on a fresh endpoint; call {@link #accept()} once the zmq4j socket is told to connect there. */
    public static Listener listen(Transport transport) {
        return new Listener(transport);
    }

    /** A listening socket for the zmq4j socket to connect to. */
    public static final class Listener implements AutoCloseable {
        private final ServerSocketChannel server;
        private final Selector selector;
        private final String endpoint;
        private final Path ipcPath;

        private Listener(Transport transport) {
            try {
                if (transport == Transport.TCP) {
                    server = ServerSocketChannel.open(StandardProtocolFamily.INET);
                    server.bind(new InetSocketAddress("127.0.0.1", 0));
                    endpoint = "tcp://127.0.0.1:" + ((InetSocketAddress) server.getLocalAddress()).getPort();
                    ipcPath = null;
                } else if (transport == Transport.IPC) {
                    ipcPath = Transport.freshIpcPath();
                    server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
                    server.bind(UnixDomainSocketAddress.of(ipcPath));
                    endpoint = "ipc://" + ipcPath;
                } else {
                    throw new IllegalArgumentException("a scripted peer cannot listen on " + transport);
                }
                server.configureBlocking(false);
                selector = Selector.open();
                server.register(selector, SelectionKey.OP_ACCEPT);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public String endpoint() {
            return endpoint;
        }

        /** Waits (at most {@link ScriptedZmtpPeer#DEFAULT_TIMEOUT}) for the next connection. */
        public ScriptedZmtpPeer accept() {
            long deadline = System.nanoTime() + DEFAULT_TIMEOUT.toNanos();
            try {
                while (true) {
                    SocketChannel ch = server.accept();
                    if (ch != null) {
                        return new ScriptedZmtpPeer(ch);
                    }
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        throw new AssertionError("no connection to " + endpoint + " within " + DEFAULT_TIMEOUT);
                    }
                    selector.select(Math.max(1, left / 1_000_000));
                    selector.selectedKeys().clear();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            try {
                selector.close();
                server.close();
                if (ipcPath != null) {
                    Files.deleteIfExists(ipcPath);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** How long each read may wait for its next byte before the test fails. */
    public ScriptedZmtpPeer timeout(Duration timeout) {
        this.timeout = timeout;
        return this;
    }

    public Duration timeout() {
        return timeout;
    }

    // ================================================================ the bytes of 37/ZMTP 3.1

    /**
     * A 64-octet greeting, built here rather than by zmq4j.
     *
     * <pre>
     * ff | 00 x 8 | 7f | major | minor | mechanism (20, NUL-padded) | as-server | 00 x 31
     * </pre>
     */
    public static byte[] greeting(int major, int minor, String mechanism, boolean asServer) {
        byte[] g = new byte[64];
        g[0] = (byte) 0xFF;
        g[9] = 0x7F;
        g[10] = (byte) major;
        g[11] = (byte) minor;
        byte[] m = mechanism.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(m, 0, g, 12, m.length);
        g[32] = (byte) (asServer ? 1 : 0);
        return g;
    }

    /** A frame header and body with exactly these flags (MORE, COMMAND, even both); LONG is added by size. */
    public static byte[] frame(int flags, byte[] body) {
        return frame(flags, body.length, body);
    }

    /** A frame whose header announces {@code announcedSize} octets, followed by {@code body} (maybe shorter). */
    public static byte[] frame(int flags, long announcedSize, byte[] body) {
        ByteBuffer b = ByteBuffer.allocate(9 + body.length);
        if (announcedSize > 255) {
            b.put((byte) (flags | LONG)).putLong(announcedSize);
        } else {
            b.put((byte) (flags & ~LONG)).put((byte) announcedSize);
        }
        b.put(body);
        return Arrays.copyOf(b.array(), b.position());
    }

    /** Frames (or any bytes) back to back, to go out in one write and usually arrive in one read. */
    public static byte[] wire(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    /** A command body: name-size, name, data. */
    public static byte[] command(String name, byte[] data) {
        byte[] n = name.getBytes(StandardCharsets.US_ASCII);
        byte[] body = new byte[1 + n.length + data.length];
        body[0] = (byte) n.length;
        System.arraycopy(n, 0, body, 1, n.length);
        System.arraycopy(data, 0, body, 1 + n.length, data.length);
        return body;
    }

    /** Metadata: for each property name-size (1), name, value-size (4, big-endian), value. */
    public static byte[] metadata(Map<String, byte[]> properties) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Map.Entry<String, byte[]> e : properties.entrySet()) {
            byte[] n = e.getKey().getBytes(StandardCharsets.US_ASCII);
            out.write(n.length);
            out.writeBytes(n);
            out.writeBytes(ByteBuffer.allocate(4).putInt(e.getValue().length).array());
            out.writeBytes(e.getValue());
        }
        return out.toByteArray();
    }

    /** A READY command body announcing {@code socketType}. */
    public static byte[] ready(String socketType) {
        Map<String, byte[]> p = new LinkedHashMap<>();
        p.put("Socket-Type", socketType.getBytes(StandardCharsets.US_ASCII));
        return command("READY", metadata(p));
    }

    // ================================================================ sending

    /** Sends raw bytes, whatever they are. */
    public ScriptedZmtpPeer sendBytes(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            SelectionKey key = null;
            while (b.hasRemaining()) {
                if (channel.write(b) > 0) {
                    continue;
                }
                if (key == null) {
                    key = channel.register(selector, SelectionKey.OP_WRITE);
                }
                key.interestOps(SelectionKey.OP_WRITE);
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("the zmq4j socket took no bytes for " + timeout + " ("
                            + b.remaining() + " of " + bytes.length + " unsent)");
                }
                selector.select(Math.max(1, left / 1_000_000));
                selector.selectedKeys().clear();
            }
            if (key != null) {
                key.interestOps(0);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("send failed", e);
        }
        return this;
    }

    public ScriptedZmtpPeer sendBytes(String ascii) {
        return sendBytes(ascii.getBytes(StandardCharsets.US_ASCII));
    }

    /** Sends a ZMTP 3.1 greeting for {@code mechanism} (as-server 0). */
    public ScriptedZmtpPeer sendGreeting(String mechanism) {
        return sendBytes(greeting(3, 1, mechanism, false));
    }

    /** Sends a ZMTP 3.1 NULL greeting. */
    public ScriptedZmtpPeer sendGreeting() {
        return sendGreeting("NULL");
    }

    public ScriptedZmtpPeer sendFrame(int flags, byte[] body) {
        return sendBytes(frame(flags, body));
    }

    public ScriptedZmtpPeer sendCommand(byte[] commandBody) {
        return sendFrame(COMMAND, commandBody);
    }

    public ScriptedZmtpPeer sendReady(String socketType) {
        return sendCommand(ready(socketType));
    }

    public ScriptedZmtpPeer sendReady(Map<String, byte[]> properties) {
        return sendCommand(command("READY", metadata(properties)));
    }

    /** Sends a message: every frame but the last with MORE, in one write. */
    public ScriptedZmtpPeer sendMessage(byte[]... frames) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < frames.length; i++) {
            out.writeBytes(frame(i < frames.length - 1 ? MORE : 0, frames[i]));
        }
        return sendBytes(out.toByteArray());
    }

    public ScriptedZmtpPeer sendMessage(String... frames) {
        byte[][] f = new byte[frames.length][];
        for (int i = 0; i < frames.length; i++) {
            f[i] = frames[i].getBytes(StandardCharsets.UTF_8);
        }
        return sendMessage(f);
    }

    // ================================================================ reading and checking

    /** Reads exactly {@code n} bytes; fails if they do not come within the timeout or the connection ends. */
    public byte[] readBytes(int n) {
        byte[] out = new byte[n];
        int at = 0;
        while (at < n) {
            if (!readBuffer.hasRemaining() && fill() < 0) {
                throw new AssertionError("connection ended after " + at + " of " + n + " expected bytes: "
                        + hex(Arrays.copyOf(out, Math.min(at, 64))) + (at > 64 ? " ..." : ""));
            }
            int k = Math.min(n - at, readBuffer.remaining());
            readBuffer.get(out, at, k);
            at += k;
        }
        return out;
    }

    /**
     * Reads more bytes into the buffer; returns how many, or -1 at end of stream (a reset counts as the end).
     * Fails the test if nothing arrives within the timeout.
     */
    private int fill() {
        readBuffer.compact();
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            SelectionKey key = null;
            while (true) {
                int n;
                try {
                    n = channel.read(readBuffer);
                } catch (IOException reset) {
                    n = -1;
                }
                if (n != 0) {
                    if (key != null) {
                        key.interestOps(0);
                    }
                    return n;
                }
                if (key == null) {
                    key = channel.register(selector, SelectionKey.OP_READ);
                }
                key.interestOps(SelectionKey.OP_READ);
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("the zmq4j socket sent nothing for " + timeout);
                }
                selector.select(Math.max(1, left / 1_000_000));
                selector.selectedKeys().clear();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            readBuffer.flip();
        }
    }

    /** Reads the peer's 64-octet greeting and checks it is ZMTP 3.x with {@code mechanism}; returns its bytes. */
    public byte[] expectGreeting(String mechanism) {
        byte[] g = readBytes(64);
        if ((g[0] & 0xFF) != 0xFF || g[9] != 0x7F) {
            throw new AssertionError("not a ZMTP signature: " + hex(Arrays.copyOf(g, 10)));
        }
        if (g[10] != 3) {
            throw new AssertionError("expected ZMTP major version 3, got " + g[10] + ": " + hex(g));
        }
        String m = new String(g, 12, 20, StandardCharsets.US_ASCII).replace("\0", "");
        if (!m.equals(mechanism)) {
            throw new AssertionError("expected mechanism " + mechanism + ", got " + m);
        }
        return g;
    }

    public byte[] expectGreeting() {
        return expectGreeting("NULL");
    }

    /** One frame as read from the wire. */
    public record Frame(int flags, byte[] body) {
        public boolean more() {
            return (flags & MORE) != 0;
        }

        public boolean isCommand() {
            return (flags & COMMAND) != 0;
        }

        /** The command name, for a command frame. */
        public String commandName() {
            int n = body[0] & 0xFF;
            return new String(body, 1, n, StandardCharsets.US_ASCII);
        }

        public String string() {
            return new String(body, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return "Frame[flags=" + flags + ", " + (isCommand() ? "command " + commandName() : body.length + "B")
                    + "]";
        }
    }

    /** Reads one frame (flags, 1- or 8-octet size, body). */
    public Frame readFrame() {
        int flags = readBytes(1)[0] & 0xFF;
        long size = (flags & LONG) != 0 ? ByteBuffer.wrap(readBytes(8)).getLong() : readBytes(1)[0] & 0xFF;
        if (size < 0 || size > Integer.MAX_VALUE - 16) {
            throw new AssertionError("frame size out of range: " + size);
        }
        return new Frame(flags & ~LONG, readBytes((int) size));
    }

    /** Reads a command frame named {@code name} and returns its data (after the name). */
    public byte[] expectCommand(String name) {
        Frame f = readFrame();
        if (!f.isCommand()) {
            throw new AssertionError("expected command " + name + ", got " + f);
        }
        if (f.more()) {
            throw new AssertionError("command frame with MORE set: " + f);
        }
        if (!f.commandName().equals(name)) {
            throw new AssertionError("expected command " + name + ", got " + f.commandName());
        }
        return Arrays.copyOfRange(f.body(), 1 + name.length(), f.body().length);
    }

    /** Reads READY and returns its properties (names case-insensitive). */
    public Map<String, byte[]> expectReady() {
        return parseMetadata(expectCommand("READY"));
    }

    /** Parses 37/ZMTP 3.1 metadata; fails on any truncation. */
    public static Map<String, byte[]> parseMetadata(byte[] data) {
        Map<String, byte[]> props = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        ByteBuffer b = ByteBuffer.wrap(data);
        while (b.hasRemaining()) {
            int n = b.get() & 0xFF;
            if (n == 0 || b.remaining() < n + 4) {
                throw new AssertionError("malformed metadata: " + hex(data));
            }
            byte[] name = new byte[n];
            b.get(name);
            int vn = b.getInt();
            if (vn < 0 || b.remaining() < vn) {
                throw new AssertionError("malformed metadata value: " + hex(data));
            }
            byte[] value = new byte[vn];
            b.get(value);
            props.put(new String(name, StandardCharsets.US_ASCII), value);
        }
        return props;
    }

    /** Reads one whole message (data frames up to one without MORE); fails on a command in between. */
    public List<byte[]> readMessage() {
        List<byte[]> frames = new ArrayList<>();
        while (true) {
            Frame f = readFrame();
            if (f.isCommand()) {
                throw new AssertionError("expected a message frame, got " + f);
            }
            frames.add(f.body());
            if (!f.more()) {
                return frames;
            }
        }
    }

    /**
     * Greets and completes the NULL handshake as a peer of type {@code socketType}: sends greeting, reads the
     * socket's greeting, sends READY, reads READY. Returns the socket's READY properties.
     */
    public Map<String, byte[]> handshake(String socketType) {
        sendGreeting();
        expectGreeting();
        sendReady(socketType);
        return expectReady();
    }

    /**
     * Waits until the zmq4j socket closes the connection, discarding whatever it sends before; fails if it is
     * still open after the timeout.
     */
    public void expectClosed() {
        readBuffer.position(readBuffer.limit());
        while (fill() >= 0) {
            readBuffer.position(readBuffer.limit());
        }
    }

    /** True if the connection has ended; never waits. Bytes read meanwhile are kept for later reads. */
    public boolean isClosedNow() {
        readBuffer.compact();
        try {
            return channel.read(readBuffer) < 0;
        } catch (IOException reset) {
            return true;
        } finally {
            readBuffer.flip();
        }
    }

    @Override
    public void close() {
        try {
            selector.close();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String hex(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (byte b : bytes) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(String.format("%02x", b & 0xFF));
        }
        return sb.toString();
    }
}

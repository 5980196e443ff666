package org.zmq4j.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.zmq4j.Context;
import org.zmq4j.Message;
import org.zmq4j.Poller;
import org.zmq4j.Socket;
import org.zmq4j.SocketOption;
import org.zmq4j.SocketType;
import org.zmq4j.interop.LibzmqPeer.PeerOption;

/**
 * What every interop test needs: a zmq4j context per test, zmq4j sockets whose every wait is bounded, libzmq peers
 * wired to them over a {@link Transport} with either side binding, and byte-exact message assertions. Peers and
 * sockets still open when a test ends are closed after it.
 */
abstract class InteropTestSupport {
    /** A message body of 1 MiB, well past the 8-bit short-frame size and the engines' batching buffers. */
    static final int LARGE = 1 << 20;
    /** How long each round of a polling loop waits (for the slow joiner, or while servicing an idle socket). */
    static final Duration POLL_STEP = Duration.ofMillis(50);

    /** The transports both sides support, with endpoints for a bind. */
    enum Transport {
        TCP,
        IPC;

        String bindEndpoint(Path dir, String name) {
            return this == TCP ? "tcp://127.0.0.1:*" : "ipc://" + dir.resolve(name + ".ipc");
        }

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Which side binds; the other connects. */
    enum Binder {
        ZMQ4J,
        LIBZMQ
    }

    /** One way to wire a zmq4j socket to a libzmq one: the transport and which side binds. */
    record Setup(Transport transport, Binder binder) {
        @Override
        public String toString() {
            return transport + ", " + (binder == Binder.ZMQ4J ? "zmq4j binds" : "libzmq binds");
        }
    }

    /** Every transport with either side binding: the method source of the parameterized tests. */
    static Stream<Setup> setups() {
        return Stream.of(Transport.values())
                .flatMap(t -> Stream.of(Binder.values()).map(b -> new Setup(t, b)));
    }

    /** Every transport: the method source of tests where the binding side is part of the test. */
    static Stream<Transport> transports() {
        return Stream.of(Transport.values());
    }

    @TempDir
    Path ipcDir;

    Context context;
    private final List<LibzmqPeer> peers = new ArrayList<>();
    private int endpoints;

    @BeforeEach
    void openContext() {
        context = new Context();
    }

    @AfterEach
    void closeEverything() {
        for (LibzmqPeer p : peers) {
            p.close();
        }
        // Sockets have LINGER 0, so this does not wait for peers that are gone.
        context.close();
    }

    /** A zmq4j socket that drops unsent messages at close and gives up sends and receives after 10 s. */
    Socket socket(SocketType type) {
        Socket s = context.socket(type);
        s.set(SocketOption.LINGER, 0);
        s.set(SocketOption.RCVTIMEO, (int) LibzmqPeer.WAIT.toMillis());
        s.set(SocketOption.SNDTIMEO, (int) LibzmqPeer.WAIT.toMillis());
        return s;
    }

    /** A fresh endpoint to bind on {@code transport}: a wildcard tcp port, or a new path in the test's temp dir. */
    String bindEndpoint(Transport transport) {
        return transport.bindEndpoint(ipcDir, "endpoint-" + endpoints++);
    }

    /** Wires {@code socket} to a new libzmq peer of {@code peerType} as {@code setup} says. */
    LibzmqPeer attach(Socket socket, SocketType peerType, Setup setup, PeerOption... options) {
        if (setup.binder() == Binder.ZMQ4J) {
            socket.bind(bindEndpoint(setup.transport()));
            return connectPeer(peerType, socket.lastEndpoint(), options);
        }
        LibzmqPeer peer = bindPeer(peerType, bindEndpoint(setup.transport()), options);
        socket.connect(peer.endpoint());
        return peer;
    }

    /**
     * Wires {@code socket} to one new libzmq peer of {@code peerType} per entry of {@code optionsPerPeer}: all
     * connect to its one endpoint if zmq4j binds; each binds its own, and {@code socket} connects to all, if libzmq
     * binds.
     */
    List<LibzmqPeer> attachEach(Socket socket, SocketType peerType, Setup setup, PeerOption[]... optionsPerPeer) {
        List<LibzmqPeer> attached = new ArrayList<>();
        if (setup.binder() == Binder.ZMQ4J) {
            socket.bind(bindEndpoint(setup.transport()));
        }
        for (PeerOption[] options : optionsPerPeer) {
            if (setup.binder() == Binder.ZMQ4J) {
                attached.add(connectPeer(peerType, socket.lastEndpoint(), options));
            } else {
                LibzmqPeer peer = bindPeer(peerType, bindEndpoint(setup.transport()), options);
                socket.connect(peer.endpoint());
                attached.add(peer);
            }
        }
        return attached;
    }

    LibzmqPeer bindPeer(SocketType type, String endpoint, PeerOption... options) {
        return track(LibzmqPeer.bind(type, endpoint, options));
    }

    LibzmqPeer connectPeer(SocketType type, String endpoint, PeerOption... options) {
        return track(LibzmqPeer.connect(type, endpoint, options));
    }

    private LibzmqPeer track(LibzmqPeer peer) {
        peers.add(peer);
        return peer;
    }

    // ---------------------------------------------------------------- receiving and waiting

    /** Receives one whole message on a zmq4j socket, failing if none arrives within 10 s. */
    static Message receive(Socket socket) {
        Message m = socket.recvMessage();
        if (m == null) {
            fail("zmq4j " + socket.type() + " received nothing within " + LibzmqPeer.WAIT);
        }
        return m;
    }

    /** Receives one whole message on a zmq4j socket within {@code timeout}, or returns null. */
    static Message receive(Socket socket, Duration timeout) {
        Poller poller = new Poller();
        poller.register(socket, Poller.POLLIN);
        return poller.poll(timeout.toMillis()) > 0 ? socket.recvMessage(Socket.DONTWAIT) : null;
    }

    /** Repeats {@code attempt} until it returns true, for up to {@link LibzmqPeer#WAIT}; {@code what} it waits for. */
    static void awaitTrue(String what, BooleanSupplier attempt) {
        long deadline = System.nanoTime() + LibzmqPeer.WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (attempt.getAsBoolean()) {
                return;
            }
        }
        fail("waited " + LibzmqPeer.WAIT + " in vain for " + what);
    }

    /**
     * Repeats {@code attempt} (which publishes and then receives for a moment) until {@code expected} arrives: the
     * way past the slow joiner, since a publisher drops what it sends before the subscription reaches it. Every
     * message must match subscription "A"; earlier ones are skipped.
     */
    static void awaitMatching(String expected, Supplier<Message> attempt) {
        awaitTrue("\"" + expected + "\" to get through subscription \"A\"", () -> {
            Message m = attempt.get();
            if (m == null) {
                return false;
            }
            assertTrue(m.string(0).startsWith("A"), () -> "received unsubscribed " + describe(m));
            return m.string(0).equals(expected);
        });
    }

    /** The first message from {@code receive} after left-over {@code skipped} ones; all must match "A". */
    static Message nextMatching(String skipped, Supplier<Message> receive) {
        while (true) {
            Message m = receive.get();
            assertTrue(m.string(0).startsWith("A"), () -> "received unsubscribed " + describe(m));
            if (!m.string(0).equals(skipped)) {
                return m;
            }
        }
    }

    /**
     * Receives at the peer while keeping {@code idle} serviced, as an application waiting in a poll would. Like
     * libzmq, a zmq4j socket runs its commands only inside calls on it: a bound SUB or XSUB that nobody calls does
     * not take a new peer's connection, so does not send it the subscriptions.
     */
    static Message recvServicing(LibzmqPeer peer, Socket idle) {
        long deadline = System.nanoTime() + LibzmqPeer.WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            idle.events();
            Message m = peer.recv(POLL_STEP);
            if (m != null) {
                return m;
            }
        }
        return fail(peer + " received nothing within " + LibzmqPeer.WAIT);
    }

    static void send(Socket socket, Message message) {
        if (!socket.send(message)) {
            fail("zmq4j " + socket.type() + " could not send within " + LibzmqPeer.WAIT);
        }
    }

    // ---------------------------------------------------------------- messages

    /** {@code size} reproducible pseudo-random bytes: a wrong, shifted or truncated copy cannot match. */
    static byte[] payload(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * Message {@code i} of a numbered stream, as libzmq_peer.py's {@code sequence_message}: the number (4 bytes,
     * big-endian) and a body whose size sweeps 0..599 bytes, across the one-octet/eight-octet frame size boundary,
     * with a 70000-byte body every 1000th message.
     */
    static Message sequenceMessage(int i) {
        int size = i % 1000 == 999 ? 70_000 : (i * 37) % 600;
        byte[] body = new byte[size];
        for (int j = 0; j < size; j++) {
            body[j] = (byte) (i + j);
        }
        return Message.of(ByteBuffer.allocate(4).putInt(i).array(), body);
    }

    /**
     * A multipart message with an empty frame, a binary one, and frames of 255 and 256 bytes: the largest with a
     * one-octet size and the smallest with an eight-octet size (23/ZMTP, "short" and "long" frames).
     */
    static Message multipart(String first) {
        return Message.of(bytes(first), new byte[0], new byte[] {0, 1, 2, (byte) 0xff}, payload(255, 255),
                payload(256, 256), bytes("last part"));
    }

    /** A two-frame message whose second frame is {@link #LARGE} bytes. */
    static Message large(String first, long seed) {
        return Message.of(bytes(first), payload(LARGE, seed));
    }

    /** A copy of {@code message} with {@code frames} in front (an envelope). */
    static Message prefixed(Message message, byte[]... frames) {
        Message m = new Message();
        for (byte[] f : frames) {
            m.add(f);
        }
        for (byte[] f : message) {
            m.add(f);
        }
        return m;
    }

    static void assertMessage(Message expected, Message actual) {
        assertEquals(expected.size(), actual.size(), () -> "frames in " + describe(actual)
                + ", expected " + describe(expected));
        for (int i = 0; i < expected.size(); i++) {
            int frame = i;
            assertArrayEquals(expected.frame(i), actual.frame(i), () -> "frame " + frame + " of " + describe(actual));
        }
    }

    /** The frames of a message, short ones as text or hex, long ones by size. */
    static String describe(Message m) {
        StringBuilder sb = new StringBuilder("[");
        for (byte[] f : m) {
            if (sb.length() > 1) {
                sb.append(", ");
            }
            if (f.length > 64) {
                sb.append(f.length).append(" bytes");
            } else if (isText(f)) {
                sb.append('"').append(new String(f, StandardCharsets.ISO_8859_1)).append('"');
            } else {
                sb.append("0x").append(LibzmqPeer.hexFrame(f));
            }
        }
        return sb.append(']').toString();
    }

    private static boolean isText(byte[] f) {
        for (byte b : f) {
            if (b < 0x20 || b > 0x7e) {
                return false;
            }
        }
        return true;
    }
}

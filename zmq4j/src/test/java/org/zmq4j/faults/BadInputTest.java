package org.zmq4j.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zmq4j.testing.ScriptedZmtpPeer.wire;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.zmq4j.Context;
import org.zmq4j.MonitorEvent;
import org.zmq4j.MonitorEvent.Type;
import org.zmq4j.Socket;
import org.zmq4j.SocketOption;
import org.zmq4j.SocketType;
import org.zmq4j.testing.Contexts;
import org.zmq4j.testing.MonitorProbe;
import org.zmq4j.testing.ScriptedZmtpPeer;
import org.zmq4j.testing.Transport;

/**
 * DESIGN.md, Errors: "Bad input from the network (malformed frames, oversize messages past MAXMSGSIZE, bad
 * handshakes, wrong keys) closes that connection with a monitor event and never harms the socket or other peers."
 *
 * <p>Each test binds the socket under test, connects a well-behaved zmq4j peer and proves it is served, then lets
 * a {@link ScriptedZmtpPeer} misbehave, waits for the monitor event that closes only the bad connection, checks
 * the bad peer sees its connection end, and proves the good peer is still served. Over tcp and ipc: inproc has no
 * wire to corrupt.
 */
class BadInputTest {
    /** libzmq's ZMQ_PROTOCOL_ERROR_ZMTP_UNEXPECTED_COMMAND. */
    private static final long ZMTP_UNEXPECTED_COMMAND = 0x10000001L;
    /** libzmq's ZMQ_PROTOCOL_ERROR_ZMTP_INVALID_METADATA. */
    private static final long ZMTP_INVALID_METADATA = 0x10000018L;
    /** libzmq's ZMQ_PROTOCOL_ERROR_ZMTP_MECHANISM_MISMATCH. */
    private static final long ZMTP_MECHANISM_MISMATCH = 0x11000002L;

    private Context ctx;

    @BeforeEach
    void createContext() {
        ctx = new Context();
    }

    @AfterEach
    void closeContext() {
        Contexts.close(ctx);
    }

    /** The socket under test, bound and monitored, with a good zmq4j peer already exchanging messages. */
    private final class Fixture implements AutoCloseable {
        final Socket server;
        final Socket good;
        final MonitorProbe monitor;
        final String endpoint;

        Fixture(Transport transport, SocketType serverType, SocketType goodType, Consumer<Socket> configure) {
            server = ctx.socket(serverType);
            server.set(SocketOption.LINGER, 0);
            configure.accept(server);
            monitor = MonitorProbe.attach(ctx, server);
            server.bind(transport.bindEndpoint());
            endpoint = server.lastEndpoint();
            good = ctx.socket(goodType);
            good.set(SocketOption.LINGER, 0);
            good.connect(endpoint);
            monitor.await(Type.HANDSHAKE_SUCCEEDED);
            assertGoodPeerIsServed("before");
        }

        Fixture(Transport transport) {
            this(transport, SocketType.PULL, SocketType.PUSH, s -> { });
        }

        /** A message crosses between the socket under test and the good peer, whole and alone. */
        void assertGoodPeerIsServed(String text) {
            Socket sender = server.type() == SocketType.PUSH ? server : good;
            Socket receiver = sender == server ? good : server;
            receiver.set(SocketOption.RCVTIMEO, 5_000);
            assertTrue(sender.send(text));
            assertEquals(text, receiver.recvStr(), "the good peer's message");
            assertFalse(receiver.hasMore(), "the good peer's message is one frame");
        }

        /** A scripted PUSH peer connected to the socket under test, past its handshake. */
        ScriptedZmtpPeer handshakenPeer() {
            ScriptedZmtpPeer bad = ScriptedZmtpPeer.connect(endpoint);
            bad.handshake("PUSH");
            monitor.await(Type.HANDSHAKE_SUCCEEDED);
            return bad;
        }

        /**
         * The bad peer's connection ends, nothing it sent reaches the application ({@code what} names it), and the
         * good peer is still served.
         */
        void assertDroppedWithNothingDelivered(ScriptedZmtpPeer bad, String what) {
            monitor.await(Type.DISCONNECTED);
            bad.expectClosed();
            assertNull(server.tryRecv(), what);
            assertGoodPeerIsServed("after");
        }

        /** Waits for the bad connection's handshake to fail with {@code protocolError}, then for DISCONNECTED. */
        void awaitHandshakeFailure(long protocolError) {
            MonitorEvent failed = monitor.await(Type.HANDSHAKE_FAILED_PROTOCOL);
            assertEquals(protocolError, failed.value(),
                    "protocol error 0x" + Long.toHexString(failed.value()) + ", events " + monitor.seen());
            monitor.await(Type.DISCONNECTED);
        }

        @Override
        public void close() {
            monitor.close();
            good.close();
            server.close();
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"TCP", "IPC"})
    void shouldCloseOnlyTheConnectionOfAPeerThatSendsAnHttpRequestInsteadOfAGreeting(Transport transport) {
        try (Fixture f = new Fixture(transport); ScriptedZmtpPeer bad = ScriptedZmtpPeer.connect(f.endpoint)) {
            f.monitor.await(Type.ACCEPTED);
            bad.sendBytes("GET / HTTP/1.1\r\nHost: localhost\r\nUser-Agent: curl\r\n\r\n");

            // libzmq reads a first octet other than 0xFF as ZMTP 1.0; either way the connection must end.
            MonitorEvent e = f.monitor.await(
                    ev -> ev.type() == Type.HANDSHAKE_FAILED_PROTOCOL || ev.type() == Type.DISCONNECTED,
                    "HANDSHAKE_FAILED_PROTOCOL or DISCONNECTED");
            if (e.type() == Type.HANDSHAKE_FAILED_PROTOCOL) {
                f.monitor.await(Type.DISCONNECTED);
            }
            bad.expectClosed();
            f.assertGoodPeerIsServed("after");
        }
    }

    /**
     * 37/ZMTP 3.1: "The peer SHOULD enforce that the other peer is using a valid socket type" (PUSH talks to PULL
     * only); libzmq reports ZMQ_PROTOCOL_ERROR_ZMTP_INVALID_METADATA.
     */
    @ParameterizedTest
    @EnumSource(names = {"TCP", "IPC"})
    void shouldRejectAReadyWithAnIncompatibleSocketTypeAsInvalidMetadata(Transport transport) {
        try (Fixture f = new Fixture(transport, SocketType.PUSH, SocketType.PULL, s -> { });
                ScriptedZmtpPeer bad = ScriptedZmtpPeer.connect(f.endpoint)) {
            bad.sendGreeting();
            bad.expectGreeting();
            bad.sendReady("PUSH");

            f.awaitHandshakeFailure(ZMTP_INVALID_METADATA);
            bad.expectClosed();
            f.assertGoodPeerIsServed("after");
        }
    }

    /**
     * 37/ZMTP 3.1: "If the mechanism that the peer received does not exactly match the mechanism it sent, it MUST
     * close the connection."
     */
    @ParameterizedTest
    @EnumSource(names = {"TCP", "IPC"})
    void shouldRejectAPlainGreetingToANullSocketAsMechanismMismatch(Transport transport) {
        try (Fixture f = new Fixture(transport); ScriptedZmtpPeer bad = ScriptedZmtpPeer.connect(f.endpoint)) {
            bad.sendGreeting("PLAIN");

            f.awaitHandshakeFailure(ZMTP_MECHANISM_MISMATCH);
            bad.expectClosed();
            f.assertGoodPeerIsServed("after");
        }
    }

    /** zmq_setsockopt(3) ZMQ_MAXMSGSIZE: "If a peer sends a message larger than ZMQ_MAXMSGSIZE it is disconnected." */
    @ParameterizedTest
    @EnumSource(names = {"TCP", "IPC"})
    void shouldDisconnectAPeerThatSendsAFrameLargerThanMaxMsgSize(Transport transport) {
        try (Fixture f = new Fixture(transport, SocketType.PULL, SocketType.PUSH,
                        s -> s.set(SocketOption.MAXMSGSIZE, 100L));
                ScriptedZmtpPeer bad = f.handshakenPeer()) {
            // In one write, so that both usually arrive in one read: the good message before the bad frame must
            // still be delivered, as libzmq's session flushes complete messages when its engine fails.
            bad.sendBytes(wire(ScriptedZmtpPeer.frame(0, new byte[100]), // at the limit: delivered
                    ScriptedZmtpPeer.frame(0, new byte[101])));

            f.monitor.await(Type.DISCONNECTED);
            bad.expectClosed();
            f.server.set(SocketOption.RCVTIMEO, 5_000);
            byte[] atLimit = f.server.recv();
            assertNotNull(atLimit, "the message at the limit, sent before the oversize one");
            assertEquals(100, atLimit.length);
            assertNull(f.server.tryRecv(), "nothing of the oversize message");
            f.assertGoodPeerIsServed("after");
        }
    }

    /**
     * 37/ZMTP 3.1: "an implementation SHALL always send and deliver messages atomically, that is, all the frames of
     * a message, or none of them": a connection that ends inside a frame delivers no part of its message.
     */
    @ParameterizedTest
    @EnumSource(names = {"TCP", "IPC"})
    void shouldDeliverNoPartOfAMessageCutOffByTheConnectionEnding(Transport transport) {
        try (Fixture f = new Fixture(transport)) {
            try (ScriptedZmtpPeer bad = f.handshakenPeer()) {
                byte[] part1 = "part1".getBytes(StandardCharsets.UTF_8);
                bad.sendBytes(wire(ScriptedZmtpPeer.frame(ScriptedZmtpPeer.MORE, part1),
                        ScriptedZmtpPeer.frame(0, 1000, new byte[10]))); // promises 1000, sends 10
            }

            f.monitor.await(Type.DISCONNECTED);
            assertNull(f.server.tryRecv(), "no partial message");
            f.assertGoodPeerIsServed("after");
        }
    }

    /**
     * 37/ZMTP 3.1: "connection = greeting handshake traffic" and "null = ready *message | error": a message where
     * READY belongs is a protocol error (libzmq: ZMQ_PROTOCOL_ERROR_ZMTP_UNEXPECTED_COMMAND).
     */
    @ParameterizedTest
    @EnumSource(names = {"TCP", "IPC"})
    void shouldRejectADataFrameSentBeforeTheHandshake(Transport transport) {
        try (Fixture f = new Fixture(transport); ScriptedZmtpPeer bad = ScriptedZmtpPeer.connect(f.endpoint)) {
            bad.sendGreeting();
            bad.expectGreeting();
            bad.sendMessage("sneaked in");

            f.awaitHandshakeFailure(ZMTP_UNEXPECTED_COMMAND);
            bad.expectClosed();
            assertNull(f.server.tryRecv(), "the early message is not delivered");
            f.assertGoodPeerIsServed("after");
        }
    }

    /** 37/ZMTP 3.1, Framing, bit 0 (MORE): "This bit SHALL be zero on command frames." */
    @ParameterizedTest
    @EnumSource(names = {"TCP", "IPC"})
    void shouldDisconnectAPeerThatSendsACommandFrameWithMoreSet(Transport transport) {
        try (Fixture f = new Fixture(transport); ScriptedZmtpPeer bad = f.handshakenPeer()) {
            bad.sendBytes(wire(ScriptedZmtpPeer.frame(ScriptedZmtpPeer.COMMAND | ScriptedZmtpPeer.MORE,
                            ScriptedZmtpPeer.command("PING", new byte[] {0, 0})),
                    ScriptedZmtpPeer.frame(0, "after the bad command".getBytes(StandardCharsets.UTF_8))));
            f.assertDroppedWithNothingDelivered(bad, "nothing from the closed connection");
        }
    }

    /**
     * 37/ZMTP 3.1: "A long frame has a body of 0 to 2^63-1 octets", but no Java array holds more than 2^31: a
     * header announcing 2^63-1, or one with the top bit set, ends the connection before any allocation, with no
     * MAXMSGSIZE set.
     */
    @ParameterizedTest
    @EnumSource(names = {"TCP", "IPC"})
    void shouldDisconnectAPeerAnnouncingAFrameSizeNoArrayCanHold(Transport transport) {
        try (Fixture f = new Fixture(transport)) {
            for (long size : new long[] {Long.MAX_VALUE, -1L, 1L << 31}) {
                try (ScriptedZmtpPeer bad = f.handshakenPeer()) {
                    bad.sendBytes(ByteBuffer.allocate(9).put((byte) ScriptedZmtpPeer.LONG).putLong(size).array());
                    f.monitor.await(Type.DISCONNECTED);
                    bad.expectClosed();
                }
            }
            f.assertGoodPeerIsServed("after");
        }
    }

    /**
     * 37/ZMTP 3.1: "A command is a single long or short frame", and messages are atomic: a command between the
     * frames of a multipart message is a protocol error, and no part of that message is delivered.
     */
    @ParameterizedTest
    @EnumSource(names = {"TCP", "IPC"})
    void shouldDisconnectAPeerThatSendsACommandInsideAMultipartMessage(Transport transport) {
        try (Fixture f = new Fixture(transport); ScriptedZmtpPeer bad = f.handshakenPeer()) {
            byte[] ping = ScriptedZmtpPeer.command("PING", new byte[] {0, 0});
            bad.sendBytes(wire(ScriptedZmtpPeer.frame(ScriptedZmtpPeer.MORE, "head".getBytes(StandardCharsets.UTF_8)),
                    ScriptedZmtpPeer.frame(ScriptedZmtpPeer.COMMAND, ping),
                    ScriptedZmtpPeer.frame(0, "tail".getBytes(StandardCharsets.UTF_8))));
            f.assertDroppedWithNothingDelivered(bad, "no part of the broken message");
        }
    }

    /** 37/ZMTP 3.1, metadata: "value = 4OCTET *OCTET": a READY whose value runs past its body fails the handshake. */
    @ParameterizedTest
    @EnumSource(names = {"TCP", "IPC"})
    void shouldRejectAReadyWithTruncatedMetadata(Transport transport) {
        try (Fixture f = new Fixture(transport); ScriptedZmtpPeer bad = ScriptedZmtpPeer.connect(f.endpoint)) {
            bad.sendGreeting();
            bad.expectGreeting();
            byte[] ready = ScriptedZmtpPeer.ready("PUSH");
            ready[ready.length - 5] = 100; // Socket-Type's value size: 4 -> 100, past the end of the body
            bad.sendCommand(ready);

            f.monitor.await(Type.HANDSHAKE_FAILED_PROTOCOL);
            f.monitor.await(Type.DISCONNECTED);
            bad.expectClosed();
            f.assertGoodPeerIsServed("after");
        }
    }

    /**
     * Not bad input: libzmq ignores commands it does not know after the handshake (a newer peer's extensions), so
     * the connection stays and the message after the command arrives.
     */
    @ParameterizedTest
    @EnumSource(names = {"TCP", "IPC"})
    void shouldIgnoreAnUnknownCommandAfterTheHandshake(Transport transport) {
        try (Fixture f = new Fixture(transport); ScriptedZmtpPeer newer = ScriptedZmtpPeer.connect(f.endpoint)) {
            newer.handshake("PUSH");
            f.monitor.await(Type.HANDSHAKE_SUCCEEDED);
            newer.sendCommand(ScriptedZmtpPeer.command("FUTURE", new byte[] {1, 2, 3}));
            newer.sendMessage("still here");

            f.server.set(SocketOption.RCVTIMEO, 5_000);
            assertEquals("still here", f.server.recvStr());
            assertFalse(newer.isClosedNow(), "the connection stays open");
            f.assertGoodPeerIsServed("after");
        }
    }

    /** The same bad input on a connection zmq4j made: the connect side ends it too, and keeps its other peers. */
    @ParameterizedTest
    @EnumSource(names = {"TCP", "IPC"})
    void shouldRejectAnIncompatibleBoundPeerFromTheConnectingSide(Transport transport) {
        try (Fixture f = new Fixture(transport, SocketType.PUSH, SocketType.PULL, s -> { });
                ScriptedZmtpPeer.Listener listener = ScriptedZmtpPeer.listen(transport)) {
            f.server.connect(listener.endpoint());
            try (ScriptedZmtpPeer bad = listener.accept()) {
                bad.sendGreeting();
                bad.expectGreeting();
                bad.sendReady("PUSH");

                f.awaitHandshakeFailure(ZMTP_INVALID_METADATA);
                bad.expectClosed();
            }
            f.assertGoodPeerIsServed("after");
        }
    }
}

package org.zmq4j.faults;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zmq4j.testing.ScriptedZmtpPeer.wire;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.zmq4j.Context;
import org.zmq4j.Message;
import org.zmq4j.MonitorEvent.Type;
import org.zmq4j.Socket;
import org.zmq4j.SocketOption;
import org.zmq4j.SocketType;
import org.zmq4j.testing.Contexts;
import org.zmq4j.testing.MonitorProbe;
import org.zmq4j.testing.ScriptedZmtpPeer;
import org.zmq4j.testing.Transport;

/**
 * A receiver that falls behind its peer: its pipe fills to RCVHWM, the connection's engine stops reading, and each
 * time the application has read half the pipe the engine goes on, decoding what it had buffered and reading more,
 * on the application's own thread when it can (StreamEngine's restartInputFromCaller) and otherwise on the I/O
 * thread. Whichever thread does it, a user relies on the same things: every message arrives, whole and in order,
 * commands among the messages are acted on, and a bad frame or the peer's close ends the connection only after the
 * messages before it.
 *
 * <p>Each test lets the peer send far more than RCVHWM (10) before the application reads anything, so that the
 * engine stops on a full pipe and every later batch is decoded after a read made room. Over tcp and ipc: inproc has
 * no engine.
 */
class ReceiverBehindTest {
    private static final int RCVHWM = 10;

    private Context ctx;

    @BeforeEach
    void createContext() {
        ctx = new Context();
    }

    @AfterEach
    void closeContext() {
        Contexts.close(ctx);
    }

    private Socket boundPull(Transport transport) {
        return boundPull(transport, s -> { });
    }

    private Socket boundPull(Transport transport, Consumer<Socket> configure) {
        Socket pull = ctx.socket(SocketType.PULL);
        pull.set(SocketOption.LINGER, 0);
        pull.set(SocketOption.RCVHWM, RCVHWM);
        pull.set(SocketOption.RCVTIMEO, 10_000);
        configure.accept(pull);
        pull.bind(transport.bindEndpoint());
        return pull;
    }

    /** Message {@code i}'s body: its number, then {@code size - 4} octets that depend on both. */
    private static byte[] body(int i, int size) {
        byte[] b = new byte[size];
        ByteBuffer.wrap(b).putInt(i);
        for (int k = 4; k < size; k++) {
            b[k] = (byte) (i * 31 + k);
        }
        return b;
    }

    /** Small, medium and large (read straight into direct memory past 32 KiB) bodies, in turn. */
    private static int size(int i) {
        return i % 10 == 9 ? 70_000 : i % 3 == 0 ? 300 : 4;
    }

    /**
     * 37/ZMTP 3.1: "All messages between two immediate peers SHALL be delivered in order", and "an implementation
     * SHALL always send and deliver messages atomically, that is, all the frames of a message, or none of them".
     * Two-frame messages every seventh, and bodies of 4 octets to 70,000, with the receiver 3,000 messages behind.
     */
    @ParameterizedTest
    @EnumSource(names = {"TCP", "IPC"})
    void shouldDeliverEveryMessageWholeAndInOrderToAReceiverThatFellBehind(Transport transport) {
        int count = 3_000;
        try (Socket pull = boundPull(transport); Context senderCtx = new Context();
                Socket push = senderCtx.socket(SocketType.PUSH)) {
            push.set(SocketOption.SNDHWM, 2 * count);
            push.set(SocketOption.LINGER, 10_000);
            push.connect(pull.lastEndpoint());
            for (int i = 0; i < count; i++) {
                if (i % 7 == 3) {
                    assertTrue(push.sendMore(body(i, size(i))));
                    assertTrue(push.send(body(-i, 5)));
                } else {
                    assertTrue(push.send(body(i, size(i))));
                }
            }
            for (int i = 0; i < count; i++) {
                Message m = pull.recvMessage();
                assertNotNull(m, "message " + i + " did not arrive");
                assertEquals(i % 7 == 3 ? 2 : 1, m.size(), "frames of message " + i);
                assertArrayEquals(body(i, size(i)), m.frame(0), "message " + i);
                if (m.size() == 2) {
                    assertArrayEquals(body(-i, 5), m.frame(1), "second frame of message " + i);
                }
            }
        }
    }

    /**
     * 37/ZMTP 3.1: "When a peer receives a PING command it SHALL respond with a PONG command that echoes the
     * ping-context", also when the PING comes behind messages the application has not read yet; and the messages
     * after it still arrive.
     */
    @ParameterizedTest
    @EnumSource(names = {"TCP", "IPC"})
    void shouldAnswerAPingThatArrivesBehindUnreadMessages(Transport transport) {
        try (Socket pull = boundPull(transport);
                ScriptedZmtpPeer peer = ScriptedZmtpPeer.connect(pull.lastEndpoint())) {
            peer.handshake("PUSH");
            byte[] ping = ScriptedZmtpPeer.command("PING", "\0\0behind".getBytes(StandardCharsets.US_ASCII));
            peer.sendBytes(wire(messages(0, 200), ScriptedZmtpPeer.frame(ScriptedZmtpPeer.COMMAND, ping),
                    messages(200, 400)));

            assertMessages(pull, 0, 400);
            byte[] pong = peer.expectCommand("PONG");
            assertEquals("behind", new String(pong, StandardCharsets.US_ASCII));
            peer.sendBytes(messages(400, 401));
            assertMessages(pull, 400, 401);
        }
    }

    /**
     * zmq_setsockopt(3) ZMQ_MAXMSGSIZE: "If a peer sends a message larger than ZMQ_MAXMSGSIZE it is disconnected."
     * The messages before the oversize frame are still delivered (as libzmq's session flushes complete messages when
     * its engine fails), and the connection ends only then.
     */
    @ParameterizedTest
    @EnumSource(names = {"TCP", "IPC"})
    void shouldDeliverWhatCameBeforeAnOversizeFrameThenDisconnect(Transport transport) {
        try (Socket pull = boundPull(transport, s -> s.set(SocketOption.MAXMSGSIZE, 100L));
                MonitorProbe monitor = MonitorProbe.attach(ctx, pull);
                ScriptedZmtpPeer peer = ScriptedZmtpPeer.connect(pull.lastEndpoint())) {
            peer.handshake("PUSH");
            monitor.await(Type.HANDSHAKE_SUCCEEDED);
            peer.sendBytes(wire(messages(0, 300), ScriptedZmtpPeer.frame(0, new byte[101])));

            assertMessages(pull, 0, 300);
            monitor.await(Type.DISCONNECTED);
            peer.expectClosed();
            assertNull(pull.tryRecv(), "nothing of the oversize frame");
        }
    }

    /** What a peer sent before it closed the connection all arrives, then the connection ends. */
    @ParameterizedTest
    @EnumSource(names = {"TCP", "IPC"})
    void shouldDeliverEverythingSentBeforeThePeerClosed(Transport transport) {
        try (Socket pull = boundPull(transport); MonitorProbe monitor = MonitorProbe.attach(ctx, pull)) {
            try (ScriptedZmtpPeer peer = ScriptedZmtpPeer.connect(pull.lastEndpoint())) {
                peer.handshake("PUSH");
                monitor.await(Type.HANDSHAKE_SUCCEEDED);
                peer.sendBytes(messages(0, 300));
            }
            assertMessages(pull, 0, 300);
            monitor.await(Type.DISCONNECTED);
            assertNull(pull.tryRecv(), "nothing after the last message");
        }
    }

    /** Messages {@code from} to {@code to} (exclusive) on the wire, one frame of 4 to 59 octets each. */
    private static byte[] messages(int from, int to) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = from; i < to; i++) {
            out.writeBytes(ScriptedZmtpPeer.frame(0, body(i, 4 + i % 56)));
        }
        return out.toByteArray();
    }

    /** Receives messages {@code from} to {@code to} (exclusive), each one frame whose body starts with its number. */
    private static void assertMessages(Socket pull, int from, int to) {
        for (int i = from; i < to; i++) {
            byte[] b = pull.recv();
            assertNotNull(b, "message " + i + " did not arrive");
            assertFalse(pull.hasMore(), "message " + i + " is one frame");
            assertEquals(4 + i % 56, b.length, "size of message " + i);
            assertEquals(i, ByteBuffer.wrap(b).getInt(), "message " + i + " (" + Arrays.toString(
                    Arrays.copyOf(b, Math.min(8, b.length))) + ")");
            assertArrayEquals(body(i, b.length), b, "message " + i);
        }
    }
}

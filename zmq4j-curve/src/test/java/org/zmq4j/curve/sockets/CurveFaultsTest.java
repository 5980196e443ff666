package org.zmq4j.curve.sockets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.zmq4j.Context;
import org.zmq4j.Curve;
import org.zmq4j.MonitorEvent;
import org.zmq4j.Socket;
import org.zmq4j.SocketOption;
import org.zmq4j.SocketType;
import org.zmq4j.internal.util.SocketTypes;
import org.zmq4j.internal.zmtp.Command;
import org.zmq4j.internal.zmtp.ZmtpException;

/**
 * A zmq4j CURVE socket facing a scripted peer that sends malformed, forged, replayed or misplaced commands: each
 * ends that connection with libzmq's event and protocol error (HANDSHAKE_FAILED_PROTOCOL, also for a MESSAGE that
 * fails after the handshake, as libzmq's curve_mechanism_base_t::decode reports it, then DISCONNECTED), delivers
 * nothing, and leaves the socket serving well-behaved peers.
 */
class CurveFaultsTest {
    static final long UNEXPECTED_COMMAND = 0x10000001L;
    static final long INVALID_SEQUENCE = 0x10000002L;
    static final long MALFORMED_COMMAND_UNSPECIFIED = 0x10000011L;
    static final long MALFORMED_HELLO = 0x10000013L;
    static final long MALFORMED_INITIATE = 0x10000014L;
    static final long MALFORMED_READY = 0x10000016L;
    static final long MALFORMED_WELCOME = 0x10000017L;
    static final long CRYPTOGRAPHIC = 0x11000001L;

    final Context ctx = new Context();
    final List<Socket> sockets = new ArrayList<>();
    final Curve.KeyPair serverKeys = Curve.keyPair();
    final Curve.KeyPair clientKeys = Curve.keyPair();

    @AfterEach
    void closeAll() {
        for (Socket s : sockets) {
            s.close();
        }
        ctx.close();
    }

    Socket socket(SocketType type) {
        Socket s = ctx.socket(type);
        s.set(SocketOption.LINGER, 0);
        s.set(SocketOption.RCVTIMEO, 10_000);
        s.set(SocketOption.SNDTIMEO, 10_000);
        sockets.add(s);
        return s;
    }

    static byte[] flip(byte[] command, int at) {
        byte[] c = command.clone();
        c[at] ^= 0x01;
        return c;
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** A zmq4j REP server; the scripted peer is its client. */
    @Nested
    class ServerFacingABadClient {
        Socket rep;
        String endpoint;
        Events events;

        @BeforeEach
        void bind() {
            rep = socket(SocketType.REP);
            events = Events.of(rep);
            rep.set(SocketOption.CURVE_SERVER, true);
            rep.set(SocketOption.CURVE_SECRETKEY, serverKeys.secretKey());
            rep.bind("tcp://127.0.0.1:*");
            endpoint = rep.lastEndpoint();
        }

        ScriptedCurvePeer badClient() {
            return ScriptedCurvePeer.connect(endpoint, ScriptedCurvePeer.client(SocketTypes.REQ,
                    serverKeys.publicKey(), clientKeys.publicKey(), clientKeys.secretKey()));
        }

        /** HELLO and WELCOME done; the INITIATE to send is returned. */
        byte[] upToInitiate(ScriptedCurvePeer peer) throws ZmtpException {
            peer.sendCommand(peer.nextCommand());
            peer.processCommand();
            return peer.nextCommand();
        }

        void handshake(ScriptedCurvePeer peer) throws ZmtpException {
            peer.sendCommand(upToInitiate(peer));
            peer.processCommand();
        }

        void expectHandshakeFailure(ScriptedCurvePeer peer, long protocolError) {
            MonitorEvent e = events.awaitHandshakeOutcome();
            assertEquals(MonitorEvent.Type.HANDSHAKE_FAILED_PROTOCOL, e.type(), e.toString());
            assertEquals(Long.toHexString(protocolError), Long.toHexString(e.value()));
            peer.awaitClosed();
            events.await(MonitorEvent.Type.DISCONNECTED);
            expectStillServing();
        }

        void expectProtocolErrorAfterHandshake(ScriptedCurvePeer peer, long protocolError) {
            assertEquals(MonitorEvent.Type.HANDSHAKE_SUCCEEDED, events.awaitHandshakeOutcome().type());
            MonitorEvent e = events.awaitHandshakeOutcome();
            assertEquals(MonitorEvent.Type.HANDSHAKE_FAILED_PROTOCOL, e.type(), e.toString());
            assertEquals(Long.toHexString(protocolError), Long.toHexString(e.value()));
            assertEquals(MonitorEvent.Type.DISCONNECTED, events.await(MonitorEvent.Type.DISCONNECTED).type());
            peer.awaitClosed();
            rep.set(SocketOption.RCVTIMEO, 200);
            assertNull(rep.recv(), "nothing from the bad peer may be delivered");
            rep.set(SocketOption.RCVTIMEO, 10_000);
            expectStillServing();
        }

        void expectStillServing() {
            Socket req = socket(SocketType.REQ);
            req.set(SocketOption.CURVE_SERVERKEY, serverKeys.publicKey());
            req.set(SocketOption.CURVE_PUBLICKEY, clientKeys.publicKey());
            req.set(SocketOption.CURVE_SECRETKEY, clientKeys.secretKey());
            req.connect(endpoint);
            assertTrue(req.send("still there?"));
            assertEquals("still there?", rep.recvStr());
            assertTrue(rep.send("yes"));
            assertEquals("yes", req.recvStr());
        }

        @Test
        void shouldRefuseAHelloOfTheWrongSize() {
            try (ScriptedCurvePeer peer = badClient()) {
                peer.sendCommand(Arrays.copyOf(peer.nextCommand(), 199));
                expectHandshakeFailure(peer, MALFORMED_HELLO);
            }
        }

        @Test
        void shouldRefuseAHelloWithACorruptedBox() {
            try (ScriptedCurvePeer peer = badClient()) {
                peer.sendCommand(flip(peer.nextCommand(), 150));
                expectHandshakeFailure(peer, CRYPTOGRAPHIC);
            }
        }

        @Test
        void shouldRefuseAnInitiateOfTheWrongSize() throws ZmtpException {
            try (ScriptedCurvePeer peer = badClient()) {
                peer.sendCommand(Arrays.copyOf(upToInitiate(peer), 256));
                expectHandshakeFailure(peer, MALFORMED_INITIATE);
            }
        }

        @Test
        void shouldRefuseAnInitiateWithACorruptedBox() throws ZmtpException {
            try (ScriptedCurvePeer peer = badClient()) {
                byte[] initiate = upToInitiate(peer);
                peer.sendCommand(flip(initiate, initiate.length - 1));
                expectHandshakeFailure(peer, CRYPTOGRAPHIC);
            }
        }

        @Test
        void shouldRefuseAMessageBeforeReady() throws ZmtpException {
            try (ScriptedCurvePeer peer = badClient()) {
                upToInitiate(peer);
                peer.sendCommand(Command.encode("MESSAGE", new byte[40]));
                expectHandshakeFailure(peer, UNEXPECTED_COMMAND);
            }
        }

        @Test
        void shouldRefuseAPlainFrameDuringTheHandshake() {
            try (ScriptedCurvePeer peer = badClient()) {
                peer.sendFrame(0, ascii("in the clear"));
                expectHandshakeFailure(peer, UNEXPECTED_COMMAND);
            }
        }

        @Test
        void shouldDropAConnectionWhoseMessageHasABadMac() throws ZmtpException {
            try (ScriptedCurvePeer peer = badClient()) {
                handshake(peer);
                peer.sendMessage(peer.message(new byte[0], true));
                byte[] forged = peer.message(ascii("forged"), false);
                peer.sendMessage(flip(forged, forged.length - 1));
                expectProtocolErrorAfterHandshake(peer, CRYPTOGRAPHIC);
            }
        }

        @Test
        void shouldDropAConnectionThatReplaysAMessage() throws ZmtpException {
            try (ScriptedCurvePeer peer = badClient()) {
                handshake(peer);
                byte[] delimiter = peer.message(new byte[0], true);
                byte[] body = peer.message(ascii("once"), false);
                peer.sendMessage(delimiter);
                peer.sendMessage(body);
                assertEquals("once", rep.recvStr());
                assertTrue(rep.send("reply"));
                assertArrayEquals(new byte[0], peer.readMessage());
                assertArrayEquals(ascii("reply"), peer.readMessage());
                peer.sendMessage(delimiter);
                expectProtocolErrorAfterHandshake(peer, INVALID_SEQUENCE);
            }
        }

        /** libzmq ignores a MESSAGE frame's own flags; only the flags inside the box count. */
        @Test
        void shouldGoByTheFlagsInsideTheBoxNotTheFrameFlags() throws ZmtpException {
            try (ScriptedCurvePeer peer = badClient()) {
                handshake(peer);
                peer.sendFrame(ScriptedCurvePeer.COMMAND, peer.message(new byte[0], true));
                peer.sendFrame(ScriptedCurvePeer.MORE, peer.message(ascii("one part"), false));
                assertEquals("one part", rep.recvStr());
                assertTrue(!rep.hasMore());
                assertTrue(rep.send("reply"));
                assertArrayEquals(new byte[0], peer.readMessage());
                assertArrayEquals(ascii("reply"), peer.readMessage());
            }
        }

        @Test
        void shouldDropAConnectionThatSendsAPlainFrameAfterTheHandshake() throws ZmtpException {
            try (ScriptedCurvePeer peer = badClient()) {
                handshake(peer);
                peer.sendFrame(0, ascii("in the clear"));
                expectProtocolErrorAfterHandshake(peer, MALFORMED_COMMAND_UNSPECIFIED);
            }
        }

        /** A well-formed command other than MESSAGE, here a PING sent in the clear, is libzmq's UNEXPECTED_COMMAND. */
        @Test
        void shouldDropAConnectionThatSendsAPlainCommandAfterTheHandshake() throws ZmtpException {
            try (ScriptedCurvePeer peer = badClient()) {
                handshake(peer);
                peer.sendFrame(ScriptedCurvePeer.COMMAND, new byte[] {4, 'P', 'I', 'N', 'G', 0, 0});
                expectProtocolErrorAfterHandshake(peer, UNEXPECTED_COMMAND);
            }
        }
    }

    /** A zmq4j REQ client; the scripted peer is its server. */
    @Nested
    class ClientFacingABadServer {
        Socket req;
        Events events;
        ServerSocket listener;

        @BeforeEach
        void connect() throws IOException {
            listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            req = socket(SocketType.REQ);
            events = Events.of(req);
            req.set(SocketOption.CURVE_SERVERKEY, serverKeys.publicKey());
            req.set(SocketOption.CURVE_PUBLICKEY, clientKeys.publicKey());
            req.set(SocketOption.CURVE_SECRETKEY, clientKeys.secretKey());
            req.connect("tcp://127.0.0.1:" + listener.getLocalPort());
        }

        @AfterEach
        void closeListener() throws IOException {
            listener.close();
        }

        ScriptedCurvePeer badServer() {
            return ScriptedCurvePeer.accept(listener,
                    ScriptedCurvePeer.server(SocketTypes.REP, serverKeys.secretKey()));
        }

        byte[] welcome(ScriptedCurvePeer peer) throws ZmtpException {
            peer.processCommand();
            return peer.nextCommand();
        }

        byte[] upToReady(ScriptedCurvePeer peer) throws ZmtpException {
            peer.sendCommand(welcome(peer));
            peer.processCommand();
            return peer.nextCommand();
        }

        void expectHandshakeFailure(ScriptedCurvePeer peer, MonitorEvent.Type type, long value) {
            MonitorEvent e = events.awaitHandshakeOutcome();
            assertEquals(type, e.type(), e.toString());
            assertEquals(Long.toHexString(value), Long.toHexString(e.value()));
            peer.awaitClosed();
        }

        /** The client reconnects, and a well-behaved server then gets its request and answers it. */
        void expectRecoveryWithAGoodServer() throws ZmtpException {
            try (ScriptedCurvePeer good = badServer()) {
                good.sendCommand(upToReady(good));
                assertEquals(MonitorEvent.Type.HANDSHAKE_SUCCEEDED, events.awaitHandshakeOutcome().type());
                assertTrue(req.send("request"));
                assertArrayEquals(new byte[0], good.readMessage());
                assertArrayEquals(ascii("request"), good.readMessage());
                good.sendMessage(good.message(new byte[0], true));
                good.sendMessage(good.message(ascii("answer"), false));
                assertEquals("answer", req.recvStr());
            }
        }

        @Test
        void shouldRefuseAWelcomeOfTheWrongSize() throws ZmtpException {
            try (ScriptedCurvePeer peer = badServer()) {
                peer.sendCommand(Arrays.copyOf(welcome(peer), 167));
                expectHandshakeFailure(peer, MonitorEvent.Type.HANDSHAKE_FAILED_PROTOCOL, MALFORMED_WELCOME);
            }
            expectRecoveryWithAGoodServer();
        }

        @Test
        void shouldRefuseAWelcomeWithACorruptedBox() throws ZmtpException {
            try (ScriptedCurvePeer peer = badServer()) {
                peer.sendCommand(flip(welcome(peer), 100));
                expectHandshakeFailure(peer, MonitorEvent.Type.HANDSHAKE_FAILED_PROTOCOL, CRYPTOGRAPHIC);
            }
            expectRecoveryWithAGoodServer();
        }

        @Test
        void shouldRefuseAReadyOfTheWrongSize() throws ZmtpException {
            try (ScriptedCurvePeer peer = badServer()) {
                peer.sendCommand(Arrays.copyOf(upToReady(peer), 29));
                expectHandshakeFailure(peer, MonitorEvent.Type.HANDSHAKE_FAILED_PROTOCOL, MALFORMED_READY);
            }
            expectRecoveryWithAGoodServer();
        }

        @Test
        void shouldRefuseAReadyWithACorruptedBox() throws ZmtpException {
            try (ScriptedCurvePeer peer = badServer()) {
                byte[] ready = upToReady(peer);
                peer.sendCommand(flip(ready, ready.length - 1));
                expectHandshakeFailure(peer, MonitorEvent.Type.HANDSHAKE_FAILED_PROTOCOL, CRYPTOGRAPHIC);
            }
            expectRecoveryWithAGoodServer();
        }

        @Test
        void shouldReportAnErrorInsteadOfWelcomeAsAnAuthenticationFailure() throws ZmtpException {
            try (ScriptedCurvePeer peer = badServer()) {
                peer.processCommand();
                peer.sendCommand(Command.error("400"));
                expectHandshakeFailure(peer, MonitorEvent.Type.HANDSHAKE_FAILED_AUTH, 400);
            }
        }

        @Test
        void shouldDropAServerWhoseMessageHasABadMac() throws ZmtpException {
            try (ScriptedCurvePeer peer = badServer()) {
                peer.sendCommand(upToReady(peer));
                assertEquals(MonitorEvent.Type.HANDSHAKE_SUCCEEDED, events.awaitHandshakeOutcome().type());
                assertTrue(req.send("request"));
                peer.readMessage();
                peer.readMessage();
                peer.sendMessage(peer.message(new byte[0], true));
                peer.sendMessage(flip(peer.message(ascii("forged answer"), false), 20));
                MonitorEvent e = events.awaitHandshakeOutcome();
                assertEquals(MonitorEvent.Type.HANDSHAKE_FAILED_PROTOCOL, e.type(), e.toString());
                assertEquals(Long.toHexString(CRYPTOGRAPHIC), Long.toHexString(e.value()));
                events.await(MonitorEvent.Type.DISCONNECTED);
                peer.awaitClosed();
                req.set(SocketOption.RCVTIMEO, 200);
                assertNull(req.recv(), "a forged reply may not be delivered");
            }
        }
    }
}

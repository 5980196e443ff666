package org.zmq4j.curve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.zmq4j.internal.security.HandshakeRejectedException;
import org.zmq4j.internal.security.Mechanism;
import org.zmq4j.internal.security.NoZapHandlerException;
import org.zmq4j.internal.util.Options;
import org.zmq4j.internal.util.SocketTypes;
import org.zmq4j.internal.zmtp.Command;
import org.zmq4j.internal.zmtp.FrameEncoder;
import org.zmq4j.internal.zmtp.ProtocolErrors;
import org.zmq4j.internal.zmtp.ZmtpException;

/**
 * The CURVE mechanisms driven directly, command by command (26/CurveZMQ), with each failure's libzmq protocol
 * error code.
 */
class CurveMechanismTest {

    private static void assertProtocolError(int expected, Executable step) {
        ZmtpException e = assertThrows(ZmtpException.class, step);
        assertEquals(Integer.toHexString(expected), Integer.toHexString(e.protocolError()), e.getMessage());
    }

    private static byte[] flip(byte[] command, int at) {
        byte[] c = command.clone();
        c[at] ^= 0x20;
        return c;
    }

    /** A server that took {@code client}'s HELLO and is about to answer WELCOME. */
    private static byte[] welcomeFor(Mechanism client, Mechanism server) throws ZmtpException {
        server.processCommand(client.nextCommand());
        return server.nextCommand();
    }

    // ---------------------------------------------------------------- handshake

    @Test
    void shouldCompleteTheHandshakeAndExchangeMetadata() throws ZmtpException {
        Mechanism client = CurvePeers.client();
        Mechanism server = CurvePeers.server();
        assertEquals("CURVE", client.name());
        assertEquals(false, client.asServer());
        assertEquals(true, server.asServer());
        assertEquals(4, CurvePeers.handshake(client, server), "HELLO, WELCOME, INITIATE, READY");
        assertEquals(Mechanism.Status.READY, client.status());
        assertEquals(Mechanism.Status.READY, server.status());
        assertTrue(client.encryptsMessages());
        assertEquals("REP", new String(client.peerProperties().get("Socket-Type"), StandardCharsets.US_ASCII));
        assertEquals("REQ", new String(server.peerProperties().get("socket-type"), StandardCharsets.US_ASCII));
    }

    /** 26/CurveZMQ: HELLO is 200 octets, WELCOME 168, INITIATE 257 or more, READY 30 or more. */
    @Test
    void shouldSendCommandsOfTheSpecifiedLayout() throws ZmtpException {
        Mechanism client = CurvePeers.client();
        Mechanism server = CurvePeers.server();
        byte[] hello = client.nextCommand();
        assertEquals(200, hello.length);
        assertTrue(Command.is(hello, Command.HELLO));
        assertEquals(1, hello[6]);
        assertEquals(0, hello[7]);
        assertArrayEquals(new byte[72], Arrays.copyOfRange(hello, 8, 80));
        assertEquals(1, Nonces.getLong(hello, 112), "the client's first short nonce");
        assertNull(client.nextCommand());

        server.processCommand(hello);
        byte[] welcome = server.nextCommand();
        assertEquals(168, welcome.length);
        assertTrue(Command.is(welcome, Command.WELCOME));
        assertNull(server.nextCommand());

        client.processCommand(welcome);
        byte[] initiate = client.nextCommand();
        assertTrue(Command.is(initiate, Command.INITIATE));
        int metadata = 1 + "Socket-Type".length() + 4 + 3 + 1 + "Identity".length() + 4;
        assertEquals(257 + metadata, initiate.length, "REQ sends Socket-Type and an empty Identity");
        assertEquals(2, Nonces.getLong(initiate, 105));

        server.processCommand(initiate);
        byte[] ready = server.nextCommand();
        assertTrue(Command.is(ready, Command.READY));
        assertEquals(14 + 16 + 1 + "Socket-Type".length() + 4 + 3, ready.length, "REP sends Socket-Type only");
        assertEquals(1, Nonces.getLong(ready, 6), "the server's first short nonce");
        client.processCommand(ready);
        assertEquals(Mechanism.Status.READY, client.status());
    }

    @Test
    void shouldNumberMessagesOnFromTheHandshakeCommands() throws ZmtpException {
        Mechanism[] pair = CurvePeers.connectedPair();
        byte[] fromClient = pair[0].encode(new byte[] {1}, 0);
        byte[] fromServer = pair[1].encode(new byte[] {2}, 0);
        assertEquals(3, Nonces.getLong(fromClient, 8), "after HELLO 1 and INITIATE 2");
        assertEquals(2, Nonces.getLong(fromServer, 8), "after READY 1");
        assertEquals(4, Nonces.getLong(pair[0].encode(new byte[0], 0), 8));
        assertEquals(8 + 8 + 16 + 1 + 1, fromClient.length);
        assertTrue(Command.is(fromClient, "MESSAGE"));
    }

    @Test
    void shouldCarryBodiesAndFlagsBothWays() throws ZmtpException {
        Mechanism[] pair = CurvePeers.connectedPair();
        byte[] body = "hello".getBytes(StandardCharsets.US_ASCII);
        for (int flags : new int[] {0, FrameEncoder.MORE, FrameEncoder.COMMAND}) {
            assertArrayEquals(body, pair[1].decode(pair[0].encode(body, flags)));
            assertEquals(flags, pair[1].decodedFlags());
            assertArrayEquals(body, pair[0].decode(pair[1].encode(body, flags)));
            assertEquals(flags, pair[0].decodedFlags());
        }
        byte[] subscribe = Command.encode(Command.SUBSCRIBE, "topic".getBytes(StandardCharsets.US_ASCII));
        assertArrayEquals(subscribe, pair[1].decode(pair[0].encode(subscribe, FrameEncoder.COMMAND)));
        assertEquals(FrameEncoder.COMMAND, pair[1].decodedFlags());
        assertArrayEquals(new byte[0], pair[1].decode(pair[0].encode(new byte[0], FrameEncoder.MORE)));
        assertEquals(FrameEncoder.MORE, pair[1].decodedFlags());
    }

    // ---------------------------------------------------------------- MESSAGE failures

    @Test
    void shouldRefuseAReplayedMessage() throws ZmtpException {
        Mechanism[] pair = CurvePeers.connectedPair();
        byte[] m = pair[0].encode(new byte[] {1, 2, 3}, 0);
        pair[1].decode(m);
        assertProtocolError(ProtocolErrors.ZMTP_INVALID_SEQUENCE, () -> pair[1].decode(m));
    }

    @Test
    void shouldRefuseAMessageWhoseNonceGoesBack() throws ZmtpException {
        Mechanism[] pair = CurvePeers.connectedPair();
        byte[] first = pair[0].encode(new byte[] {1}, 0);
        byte[] second = pair[0].encode(new byte[] {2}, 0);
        pair[1].decode(second);
        assertProtocolError(ProtocolErrors.ZMTP_INVALID_SEQUENCE, () -> pair[1].decode(first));
    }

    @Test
    void shouldAcceptNoncesThatSkipAheadAsLibzmqDoes() throws ZmtpException {
        Mechanism[] pair = CurvePeers.connectedPair();
        pair[0].encode(new byte[] {1}, 0);
        byte[] later = pair[0].encode(new byte[] {2}, 0);
        assertArrayEquals(new byte[] {2}, pair[1].decode(later));
    }

    @Test
    void shouldRefuseAMessageWithABadMac() throws ZmtpException {
        Mechanism[] pair = CurvePeers.connectedPair();
        byte[] m = pair[0].encode(new byte[] {1, 2, 3}, 0);
        for (int at : new int[] {16, 31, 32, m.length - 1}) {
            assertProtocolError(ProtocolErrors.ZMTP_CRYPTOGRAPHIC, () -> pair[1].decode(flip(m, at)));
        }
        assertArrayEquals(new byte[] {1, 2, 3}, pair[1].decode(m), "a failed MESSAGE does not advance the nonce");
    }

    @Test
    void shouldRefuseAMessageFromTheWrongDirection() throws ZmtpException {
        Mechanism[] pair = CurvePeers.connectedPair();
        byte[] fromServer = pair[1].encode(new byte[] {1}, 0);
        for (int i = 0; i < 5; i++) {
            pair[1].encode(new byte[] {1}, 0);
        }
        // The client's box has the same key; only the nonce prefix (MESSAGES vs MESSAGEC) differs.
        byte[] reflected = pair[1].encode(new byte[] {9}, 0);
        assertProtocolError(ProtocolErrors.ZMTP_CRYPTOGRAPHIC, () -> pair[1].decode(reflected));
        assertArrayEquals(new byte[] {1}, pair[0].decode(fromServer));
    }

    @Test
    void shouldRefuseMalformedMessages() throws ZmtpException {
        Mechanism[] pair = CurvePeers.connectedPair();
        byte[] m = pair[0].encode(new byte[0], 0);
        assertEquals(33, m.length);
        assertProtocolError(ProtocolErrors.ZMTP_MALFORMED_COMMAND_MESSAGE,
                () -> pair[1].decode(Arrays.copyOf(m, 32)));
        assertProtocolError(ProtocolErrors.ZMTP_MALFORMED_COMMAND_MESSAGE,
                () -> pair[1].decode(Arrays.copyOf(m, 8)));
        assertProtocolError(ProtocolErrors.ZMTP_UNEXPECTED_COMMAND,
                () -> pair[1].decode(Command.ready(java.util.Map.of())));
        assertProtocolError(ProtocolErrors.ZMTP_UNEXPECTED_COMMAND, () -> pair[1].decode(new byte[0]));
    }

    @Test
    void shouldRefuseMessagesBeforeReady() throws ZmtpException {
        Mechanism client = CurvePeers.client();
        Mechanism server = CurvePeers.server();
        Mechanism[] other = CurvePeers.connectedPair();
        byte[] message = other[0].encode(new byte[] {1}, 0);
        assertProtocolError(ProtocolErrors.ZMTP_UNEXPECTED_COMMAND, () -> server.decode(message));
        assertProtocolError(ProtocolErrors.ZMTP_UNEXPECTED_COMMAND, () -> server.processCommand(message));
        server.processCommand(client.nextCommand());
        client.processCommand(server.nextCommand());
        assertProtocolError(ProtocolErrors.ZMTP_UNEXPECTED_COMMAND, () -> server.processCommand(message));
        assertProtocolError(ProtocolErrors.ZMTP_UNEXPECTED_COMMAND, () -> client.processCommand(message));
        assertThrows(IllegalStateException.class, () -> client.encode(new byte[1], 0));
    }

    // ---------------------------------------------------------------- HELLO

    @Test
    void shouldRefuseHellosOfTheWrongSize() throws ZmtpException {
        byte[] hello = CurvePeers.client().nextCommand();
        for (int size : new int[] {6, 199, 201, 300}) {
            byte[] h = Arrays.copyOf(hello, size);
            assertProtocolError(ProtocolErrors.ZMTP_MALFORMED_COMMAND_HELLO,
                    () -> CurvePeers.server().processCommand(h));
        }
    }

    @Test
    void shouldRefuseAHelloOfAnotherVersionOrWithPadding() throws ZmtpException {
        byte[] hello = CurvePeers.client().nextCommand();
        byte[] v2 = hello.clone();
        v2[6] = 2;
        assertProtocolError(ProtocolErrors.ZMTP_MALFORMED_COMMAND_HELLO, () -> CurvePeers.server().processCommand(v2));
        byte[] padded = hello.clone();
        padded[50] = 1;
        assertProtocolError(ProtocolErrors.ZMTP_MALFORMED_COMMAND_HELLO,
                () -> CurvePeers.server().processCommand(padded));
    }

    @Test
    void shouldRefuseAHelloWhoseBoxDoesNotOpen() throws ZmtpException {
        byte[] hello = CurvePeers.client().nextCommand();
        for (int at : new int[] {80, 111, 112, 119, 120, 199}) {
            assertProtocolError(ProtocolErrors.ZMTP_CRYPTOGRAPHIC,
                    () -> CurvePeers.server().processCommand(flip(hello, at)));
        }
        Options wrongKey = CurvePeers.clientOptions(SocketTypes.REQ);
        wrongKey.curveServerKey = Box.keyPair()[0];
        byte[] toSomeoneElse = CurvePeers.create(wrongKey).nextCommand();
        assertProtocolError(ProtocolErrors.ZMTP_CRYPTOGRAPHIC, () -> CurvePeers.server().processCommand(toSomeoneElse));
    }

    @Test
    void shouldRefuseCommandsOutOfOrderAtTheServer() throws ZmtpException {
        Mechanism client = CurvePeers.client();
        byte[] hello = client.nextCommand();
        Mechanism server = CurvePeers.server();
        assertProtocolError(ProtocolErrors.ZMTP_UNEXPECTED_COMMAND,
                () -> server.processCommand(Command.encode(Command.INITIATE, new byte[300])));
        assertProtocolError(ProtocolErrors.ZMTP_UNEXPECTED_COMMAND, () -> server.processCommand(Command.error("400")));
        Mechanism fresh = CurvePeers.server();
        fresh.processCommand(hello);
        assertProtocolError(ProtocolErrors.ZMTP_UNEXPECTED_COMMAND, () -> fresh.processCommand(hello));
        assertProtocolError(ProtocolErrors.ZMTP_MALFORMED_COMMAND_UNSPECIFIED,
                () -> CurvePeers.server().processCommand(new byte[] {9, 'H'}));
    }

    // ---------------------------------------------------------------- WELCOME

    @Test
    void shouldRefuseAWelcomeOfTheWrongSize() throws ZmtpException {
        Mechanism client = CurvePeers.client();
        byte[] welcome = welcomeFor(client, CurvePeers.server());
        for (int size : new int[] {8, 167, 169}) {
            Mechanism c = CurvePeers.client();
            c.nextCommand();
            assertProtocolError(ProtocolErrors.ZMTP_MALFORMED_COMMAND_WELCOME,
                    () -> c.processCommand(Arrays.copyOf(welcome, size)));
        }
    }

    @Test
    void shouldRefuseAWelcomeWhoseBoxDoesNotOpen() throws ZmtpException {
        for (int at : new int[] {8, 23, 24, 100, 167}) {
            Mechanism client = CurvePeers.client();
            byte[] welcome = welcomeFor(client, CurvePeers.server());
            assertProtocolError(ProtocolErrors.ZMTP_CRYPTOGRAPHIC, () -> client.processCommand(flip(welcome, at)));
        }
        Mechanism client = CurvePeers.client();
        byte[] forAnother = welcomeFor(CurvePeers.client(), CurvePeers.server());
        client.nextCommand();
        assertProtocolError(ProtocolErrors.ZMTP_CRYPTOGRAPHIC, () -> client.processCommand(forAnother));
    }

    @Test
    void shouldTakeAnErrorInsteadOfWelcome() {
        Mechanism client = CurvePeers.client();
        client.nextCommand();
        HandshakeRejectedException e = assertThrows(HandshakeRejectedException.class,
                () -> client.processCommand(Command.error("400")));
        assertEquals(400, e.authStatus());
    }

    // ---------------------------------------------------------------- INITIATE

    /** The INITIATE a fresh client sends to {@code server}. */
    private static byte[] initiateFor(Mechanism server) throws ZmtpException {
        Mechanism client = CurvePeers.client();
        client.processCommand(welcomeFor(client, server));
        return client.nextCommand();
    }

    @Test
    void shouldRefuseAnInitiateOfTheWrongSize() throws ZmtpException {
        Mechanism server = CurvePeers.server();
        byte[] initiate = initiateFor(server);
        assertProtocolError(ProtocolErrors.ZMTP_MALFORMED_COMMAND_INITIATE,
                () -> server.processCommand(Arrays.copyOf(initiate, 256)));
        assertProtocolError(ProtocolErrors.ZMTP_MALFORMED_COMMAND_INITIATE,
                () -> server.processCommand(Arrays.copyOf(initiate, 9)));
    }

    @Test
    void shouldRefuseAnInitiateWhoseCookieOrBoxDoesNotOpen() throws ZmtpException {
        for (int at : new int[] {9, 24, 25, 104, 113, 200, 256}) {
            Mechanism server = CurvePeers.server();
            byte[] initiate = initiateFor(server);
            assertProtocolError(ProtocolErrors.ZMTP_CRYPTOGRAPHIC, () -> server.processCommand(flip(initiate, at)));
        }
        Mechanism server = CurvePeers.server();
        byte[] cookieFromAnotherConnection = initiateFor(CurvePeers.server());
        initiateFor(server);
        assertProtocolError(ProtocolErrors.ZMTP_CRYPTOGRAPHIC,
                () -> server.processCommand(cookieFromAnotherConnection));
    }

    @Test
    void shouldRefuseAnInitiateWhoseNonceDoesNotFollowHello() throws ZmtpException {
        Mechanism server = CurvePeers.server();
        byte[] initiate = initiateFor(server);
        Nonces.putLong(initiate, 105, 1);
        assertProtocolError(ProtocolErrors.ZMTP_INVALID_SEQUENCE, () -> server.processCommand(initiate));
    }

    @Test
    void shouldRefuseAVouchSignedWithAnotherKey() throws ZmtpException {
        Options liar = CurvePeers.clientOptions(SocketTypes.REQ);
        liar.curvePublicKey = Box.keyPair()[0]; // claims a key whose secret it does not hold
        Mechanism client = CurvePeers.create(liar);
        Mechanism server = CurvePeers.server();
        client.processCommand(welcomeFor(client, server));
        byte[] initiate = client.nextCommand();
        assertProtocolError(ProtocolErrors.ZMTP_CRYPTOGRAPHIC, () -> server.processCommand(initiate));
    }

    @Test
    void shouldRefuseAPeerOfAnIncompatibleSocketType() throws ZmtpException {
        Mechanism client = CurvePeers.create(CurvePeers.clientOptions(SocketTypes.PUSH));
        Mechanism server = CurvePeers.server();
        client.processCommand(welcomeFor(client, server));
        byte[] initiate = client.nextCommand();
        assertProtocolError(ProtocolErrors.ZMTP_INVALID_METADATA, () -> server.processCommand(initiate));
    }

    // ---------------------------------------------------------------- READY

    @Test
    void shouldRefuseAReadyOfTheWrongSizeOrWithABadBox() throws ZmtpException {
        for (int variant = 0; variant < 4; variant++) {
            Mechanism client = CurvePeers.client();
            Mechanism server = CurvePeers.server();
            client.processCommand(welcomeFor(client, server));
            server.processCommand(client.nextCommand());
            byte[] ready = server.nextCommand();
            byte[] bad = variant == 0 ? Arrays.copyOf(ready, 29)
                    : variant == 1 ? Arrays.copyOf(ready, 6) : flip(ready, variant == 2 ? 6 : ready.length - 1);
            int expected =
                    variant < 2 ? ProtocolErrors.ZMTP_MALFORMED_COMMAND_READY : ProtocolErrors.ZMTP_CRYPTOGRAPHIC;
            assertProtocolError(expected, () -> client.processCommand(bad));
        }
    }

    @Test
    void shouldRefuseAServerOfAnIncompatibleSocketType() throws ZmtpException {
        Mechanism client = CurvePeers.client();
        Mechanism server = CurvePeers.create(CurvePeers.serverOptions(SocketTypes.PULL));
        client.processCommand(welcomeFor(client, server));
        byte[] initiate = client.nextCommand();
        assertProtocolError(ProtocolErrors.ZMTP_INVALID_METADATA, () -> server.processCommand(initiate));
    }

    // ---------------------------------------------------------------- keys and ZAP

    @Test
    void shouldFailAtOnceWithoutTheKeysItNeeds() {
        Options noServerKey = CurvePeers.clientOptions(SocketTypes.REQ);
        noServerKey.curveServerKey = null;
        Options noSecret = CurvePeers.clientOptions(SocketTypes.REQ);
        noSecret.curveSecretKey = null;
        Options serverWithoutSecret = CurvePeers.serverOptions(SocketTypes.REP);
        serverWithoutSecret.curveSecretKey = null;
        for (Options o : new Options[] {noServerKey, noSecret, serverWithoutSecret}) {
            Mechanism m = CurvePeers.create(o);
            assertNull(m.nextCommand());
            assertEquals(Mechanism.Status.ERROR, m.status());
            assertEquals(ProtocolErrors.ZMTP_CRYPTOGRAPHIC, m.failure().protocolError());
            assertTrue(m.failure().getMessage().contains("CURVE_S"), m.failure().getMessage());
        }
    }

    @Test
    void shouldDeriveTheClientsPublicKeyFromItsSecret() throws ZmtpException {
        Options o = CurvePeers.clientOptions(SocketTypes.REQ);
        o.curvePublicKey = null;
        Mechanism client = CurvePeers.create(o);
        Mechanism server = CurvePeers.server();
        CurvePeers.handshake(client, server);
        assertEquals(Mechanism.Status.READY, server.status());
    }

    @Test
    void shouldLetClientsInWithoutAZapHandlerUnlessTheDomainIsEnforced() throws ZmtpException {
        Options enforced = CurvePeers.serverOptions(SocketTypes.REP);
        enforced.zapEnforceDomain = true;
        enforced.zapDomain = "global";
        Mechanism server = CurvePeers.create(enforced);
        Mechanism client = CurvePeers.client();
        CurvePeers.handshake(client, server);
        assertEquals(Mechanism.Status.ERROR, server.status());
        assertInstanceOf(NoZapHandlerException.class, server.failure());
        assertEquals(Mechanism.Status.HANDSHAKING, client.status());

        // libzmq's curve_server skips ZAP when ZAP_ENFORCE_DOMAIN is set but ZAP_DOMAIN is empty.
        Options noDomain = CurvePeers.serverOptions(SocketTypes.REP);
        noDomain.zapEnforceDomain = true;
        Mechanism open = CurvePeers.create(noDomain);
        Mechanism other = CurvePeers.client();
        CurvePeers.handshake(other, open);
        assertEquals(Mechanism.Status.READY, open.status());
        assertNotNull(other.peerProperties().get("Socket-Type"));
    }
}

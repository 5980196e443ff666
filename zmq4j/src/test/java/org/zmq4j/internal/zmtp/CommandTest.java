package org.zmq4j.internal.zmtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zmq4j.internal.zmtp.WireBytes.filled;
import static org.zmq4j.internal.zmtp.WireBytes.wire;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandTest {

    private static byte[] commandFrame(byte[] body) {
        ByteBuffer dst = ByteBuffer.allocate(FrameEncoder.headerSize(body.length) + body.length);
        FrameEncoder.writeFrame(dst, FrameEncoder.COMMAND, body, 0, body.length);
        return dst.array();
    }

    private static Map<String, byte[]> props(String... kv) {
        Map<String, byte[]> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1].getBytes(StandardCharsets.US_ASCII));
        }
        return m;
    }

    // 37/ZMTP 3.1 worked example: "the client sends a READY command to the server that specifies the "DEALER"
    // Socket-Type and empty Identity properties" (also libzmq tests/testutil.hpp)
    @Test
    void shouldEncodeDealerReadyByteExact() {
        byte[] expected = wire(0x04, 0x29, 0x05, "READY", 0x0B, "Socket-Type", 0, 0, 0, 6, "DEALER",
                0x08, "Identity", 0, 0, 0, 0);

        byte[] frame = commandFrame(Command.ready(props("Socket-Type", "DEALER", "Identity", "")));

        assertEquals(43, frame.length);
        assertArrayEquals(expected, frame);
    }

    // 37/ZMTP 3.1 worked example: "replies with a READY command that contains only the Socket-Type property"
    @Test
    void shouldEncodeRouterReplyReadyOf28Octets() {
        byte[] frame = commandFrame(Command.ready(props("Socket-Type", "ROUTER")));

        assertArrayEquals(wire(0x04, 28, 0x05, "READY", 0x0B, "Socket-Type", 0, 0, 0, 6, "ROUTER"), frame);
    }

    // 37/ZMTP 3.1: "command-body = command-name command-data; command-name = short-size 1*255command-name-char"
    @Test
    void shouldReadNameAndDataOffset() throws ZmtpException {
        byte[] body = Command.encode(Command.SUBSCRIBE, wire("topic"));

        assertArrayEquals(wire(9, "SUBSCRIBE", "topic"), body);
        assertEquals("SUBSCRIBE", Command.name(body));
        assertEquals(10, Command.dataOffset(body));
        assertTrue(Command.is(body, Command.SUBSCRIBE));
        assertFalse(Command.is(body, Command.CANCEL));
        assertFalse(Command.is(body, "SUBSCRIBEX"));
        assertFalse(Command.is(body, "SUBSCRIB"));
    }

    @Test
    void shouldEncodeSliceOfData() {
        assertArrayEquals(wire(6, "CANCEL", "b"), Command.encode(Command.CANCEL, wire("abc"), 1, 1));
    }

    @Test
    void shouldAllowCommandWithNoData() throws ZmtpException {
        byte[] body = Command.encode(Command.PONG, new byte[0]);

        assertEquals("PONG", Command.name(body));
        assertEquals(body.length, Command.dataOffset(body));
    }

    @Test
    void shouldRejectEmptyOrOverlongCommandName() {
        for (byte[] body : new byte[][] {new byte[0], wire(0), wire(0, "READY"), wire(5, "READ"), wire(0xFF, "X")}) {
            ZmtpException e = assertThrows(ZmtpException.class, () -> Command.name(body));
            assertEquals(ProtocolErrors.ZMTP_MALFORMED_COMMAND_UNSPECIFIED, e.protocolError());
            assertFalse(Command.is(body, Command.READY));
        }
    }

    // 37/ZMTP 3.1: "error = command-size %d5 "ERROR" error-reason; error-reason = short-size 0*255VCHAR"
    @Test
    void shouldEncodeAndReadErrorReason() throws ZmtpException {
        byte[] body = Command.error("Invalid socket type");

        assertArrayEquals(wire(5, "ERROR", 19, "Invalid socket type"), body);
        assertEquals("Invalid socket type", Command.errorReason(body));
        assertEquals("", Command.errorReason(Command.error("")));
    }

    @Test
    void shouldTruncateErrorReasonTo255Octets() throws ZmtpException {
        String longReason = "x".repeat(300);

        byte[] body = Command.error(longReason);

        assertEquals(1 + 5 + 1 + 255, body.length);
        assertEquals("x".repeat(255), Command.errorReason(body));
    }

    @Test
    void shouldRejectMalformedErrorCommand() {
        for (byte[] body : new byte[][] {wire(5, "ERROR"), wire(5, "ERROR", 4, "abc"), wire(5, "READY", 0)}) {
            ZmtpException e = assertThrows(ZmtpException.class, () -> Command.errorReason(body));
            assertEquals(ProtocolErrors.ZMTP_MALFORMED_COMMAND_ERROR, e.protocolError(), WireBytes.hex(body));
        }
    }

    // 37/ZMTP 3.1: "ping = command-size %d4 "PING" ping-ttl ping-context; ping-ttl = 2OCTET; ping-context =
    // 0*16OCTET" and "The ping-ttl is a 16-bit unsigned integer in network order"
    @Test
    void shouldEncodePingWithNetworkOrderTtlAndContext() throws ZmtpException {
        byte[] body = Command.ping(0xABCD, wire("ctx"));

        assertArrayEquals(wire(4, "PING", 0xAB, 0xCD, "ctx"), body);
        assertEquals(0xABCD, Command.pingTtl(body));
        assertArrayEquals(wire("ctx"), Command.pingContext(body));
    }

    // 37/ZMTP 3.1: "As a consequence, the maximum TTL is 6553.5 seconds."
    @Test
    void shouldAcceptTtlUpTo65535Deciseconds() throws ZmtpException {
        assertEquals(65535, Command.pingTtl(Command.ping(65535, new byte[0])));
        assertThrows(IllegalArgumentException.class, () -> Command.ping(65536, new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> Command.ping(-1, new byte[0]));
    }

    // 37/ZMTP 3.1: "it SHALL respond with a PONG command that echoes the ping-context, which may be empty and MUST
    // not exceed 16 octets"
    @Test
    void shouldEchoPingContextInPong() throws ZmtpException {
        byte[] ping = Command.ping(10, filled(16, 3));

        byte[] pong = Command.pong(Command.pingContext(ping));

        assertArrayEquals(wire(4, "PONG", filled(16, 3)), pong);
        assertArrayEquals(new byte[0], Command.pingContext(Command.ping(0, new byte[0])));
    }

    @Test
    void shouldCutOverlongIncomingPingContextTo16OctetsAsLibzmqDoes() throws ZmtpException {
        byte[] ping = wire(4, "PING", 0, 1, filled(20, 4));

        assertArrayEquals(filled(16, 4), Command.pingContext(ping));
    }

    @Test
    void shouldRefuseToSendContextLongerThan16Octets() {
        assertThrows(IllegalArgumentException.class, () -> Command.ping(1, new byte[17]));
        assertThrows(IllegalArgumentException.class, () -> Command.pong(new byte[17]));
    }

    @Test
    void shouldRejectPingWithoutTtl() {
        for (byte[] body : new byte[][] {wire(4, "PING"), wire(4, "PING", 1), wire(4, "PONG", 0, 0)}) {
            assertEquals(ProtocolErrors.ZMTP_MALFORMED_COMMAND_UNSPECIFIED,
                    assertThrows(ZmtpException.class, () -> Command.pingTtl(body)).protocolError());
            assertEquals(ProtocolErrors.ZMTP_MALFORMED_COMMAND_UNSPECIFIED,
                    assertThrows(ZmtpException.class, () -> Command.pingContext(body)).protocolError());
        }
    }

    @Test
    void shouldRefuseToEncodeInvalidCommandName() {
        assertThrows(IllegalArgumentException.class, () -> Command.encode("", new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> Command.encode("X-Y", new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> Command.encode("A".repeat(256), new byte[0]));
    }

    /**
     * libzmq 4.3.4 sends ERROR as 5E 'R' 'R' 'O' 'R' reason-size reason (its "\x5ERROR" C string is read as the byte
     * 0x5E and "RROR"), bytes captured from a libzmq PLAIN server refusing a password. 37/ZMTP 3.1 calls that
     * malformed; zmq4j reads it as the ERROR it was meant to be, so the refusal surfaces as an authentication failure.
     */
    @Test
    void shouldReadLibzmq43sMisencodedErrorCommand() throws ZmtpException {
        byte[] wire = {0x5E, 'R', 'R', 'O', 'R', 0x03, '4', '0', '0'};
        assertTrue(Command.is(wire, Command.ERROR));
        assertEquals("400", Command.errorReason(wire));
        assertFalse(Command.is(wire, Command.READY));
    }
}

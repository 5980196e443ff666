package org.zmq4j.internal.zmtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zmq4j.internal.zmtp.WireBytes.wire;
import static org.zmq4j.internal.zmtp.WireBytes.zeros;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class GreetingTest {

    /** libzmq tests/testutil.hpp, a ZMTP 3.0 NULL greeting. */
    private static final byte[] LIBZMQ_TESTUTIL_NULL_GREETING =
            wire(0xFF, zeros(8), 0x7F, 3, 0, "NULL", zeros(16), 0, zeros(31));

    private static byte[] greeting(int major, int minor, String mechanism, int asServer) {
        byte[] g = wire(0xFF, zeros(8), 0x7F, major, minor, mechanism, zeros(20 - mechanism.length()), asServer,
                zeros(31));
        assertEquals(Greeting.SIZE, g.length);
        return g;
    }

    private static ZmtpException rejected(byte[] g) {
        return assertThrows(ZmtpException.class, () -> Greeting.parse(ByteBuffer.wrap(g)));
    }

    // 37/ZMTP 3.1: "greeting = signature version mechanism as-server filler", version-major %x03, version-minor %x01
    @Test
    void shouldEncodeNullGreetingByteExact() {
        byte[] expected = wire(0xFF, zeros(8), 0x7F, 3, 1, "NULL", zeros(16), 0, zeros(31));

        byte[] ours = Greeting.encode("NULL", false);

        assertEquals(64, ours.length);
        assertArrayEquals(expected, ours);
    }

    @Test
    void shouldDifferFromLibzmqTestutilVectorOnlyInTheMinorVersionBecauseWeSpeak31() {
        byte[] ours = Greeting.encode("NULL", false);

        for (int i = 0; i < Greeting.SIZE; i++) {
            if (i != 11) {
                assertEquals(LIBZMQ_TESTUTIL_NULL_GREETING[i], ours[i], "octet " + i);
            }
        }
        assertEquals(1, ours[11]);
    }

    // 37/ZMTP 3.1: "Is the peer acting as server for security handshake? as-server = %x00 | %x01"
    @Test
    void shouldSetAsServerOctetForPlainServer() {
        byte[] ours = Greeting.encode("PLAIN", true);

        assertArrayEquals(greeting(3, 1, "PLAIN", 1), ours);
    }

    @Test
    void shouldEncodeIntoBufferAtItsPosition() {
        ByteBuffer dst = ByteBuffer.allocate(100);
        dst.position(7);

        Greeting.encode(dst, "CURVE", false);

        assertEquals(7 + Greeting.SIZE, dst.position());
        byte[] written = new byte[Greeting.SIZE];
        dst.flip().position(7);
        dst.get(written);
        assertArrayEquals(Greeting.encode("CURVE", false), written);
    }

    @Test
    void shouldParseLibzmqTestutilGreetingAsZmtp30() throws ZmtpException {
        Greeting g = Greeting.parse(ByteBuffer.wrap(LIBZMQ_TESTUTIL_NULL_GREETING));

        assertEquals(3, g.major());
        assertEquals(0, g.minor());
        assertEquals("NULL", g.mechanism());
        assertFalse(g.asServer());
    }

    @Test
    void shouldParseOurOwnGreetingAsZmtp31() throws ZmtpException {
        Greeting g = Greeting.parse(ByteBuffer.wrap(Greeting.encode("PLAIN", true)));

        assertEquals(3, g.major());
        assertEquals(1, g.minor());
        assertEquals("PLAIN", g.mechanism());
        assertTrue(g.asServer());
    }

    // 37/ZMTP 3.1: "A peer MUST accept higher protocol versions as valid."
    @Test
    void shouldAcceptHigherProtocolVersions() throws ZmtpException {
        assertEquals(2, Greeting.parse(ByteBuffer.wrap(greeting(3, 2, "NULL", 0))).minor());
        assertEquals(4, Greeting.parse(ByteBuffer.wrap(greeting(4, 0, "NULL", 0))).major());
    }

    // 37/ZMTP 3.1: "A peer SHALL NOT assign any significance to the padding field and MUST NOT validate this nor
    // interpret it in any way whatsoever."
    @Test
    void shouldIgnorePaddingSuchAsLibzmqsIdentityLength() throws ZmtpException {
        byte[] g = greeting(3, 1, "NULL", 0);
        g[8] = 1;
        g[3] = (byte) 0xAB;

        assertEquals("NULL", Greeting.parse(ByteBuffer.wrap(g)).mechanism());
    }

    @Test
    void shouldAdvanceSourceByExactly64Octets() throws ZmtpException {
        ByteBuffer src = ByteBuffer.wrap(wire(Greeting.encode("NULL", false), 0x04, 0x00));

        Greeting.parse(src);

        assertEquals(Greeting.SIZE, src.position());
        assertEquals(2, src.remaining());
    }

    // 37/ZMTP 3.1: "If this first octet is not %FF, then the other peer is using ZMTP 1.0"
    @Test
    void shouldRejectZmtp10PeerWhoseFirstOctetIsNotFF() {
        byte[] g = greeting(3, 1, "NULL", 0);
        g[0] = 0x01;

        assertEquals(ProtocolErrors.ZMTP_UNSPECIFIED, rejected(g).protocolError());
    }

    // 37/ZMTP 3.1: "If the least significant bit is 0, then the other peer is using ZMTP 1.0 and has sent us a long
    // length for its identity."
    @Test
    void shouldRejectZmtp10PeerWhoseTenthOctetHasBitZeroClear() {
        byte[] g = greeting(3, 1, "NULL", 0);
        g[9] = 0x7E;

        ZmtpException e = rejected(g);

        assertEquals(ProtocolErrors.ZMTP_UNSPECIFIED, e.protocolError());
        assertTrue(e.getMessage().contains("1.0"), e.getMessage());
    }

    // 37/ZMTP 3.1: "If this is 1 or 2, we have a ZMTP 2.0 peer."
    @Test
    void shouldRejectZmtp20Peers() {
        for (int major = 0; major < 3; major++) {
            ZmtpException e = rejected(greeting(major, 0, "NULL", 0));

            assertEquals(ProtocolErrors.ZMTP_UNSPECIFIED, e.protocolError());
            assertTrue(e.getMessage().contains("2.0"), e.getMessage());
        }
    }

    // 37/ZMTP 3.1: "Mechanism names SHALL consist only of uppercase letters A to Z, digits, and embedded hyphens or
    // underscores."
    @Test
    void shouldAcceptMechanismOfDigitsHyphensAndUnderscores() throws ZmtpException {
        assertEquals("X-MY_MECH2", Greeting.parse(ByteBuffer.wrap(greeting(3, 1, "X-MY_MECH2", 0))).mechanism());
        assertEquals("ABCDEFGHIJKLMNOPQRST",
                Greeting.parse(ByteBuffer.wrap(greeting(3, 1, "ABCDEFGHIJKLMNOPQRST", 0))).mechanism());
    }

    @Test
    void shouldRejectMalformedMechanismAsMechanismMismatch() {
        byte[] nulInside = greeting(3, 1, "NULL", 0);
        nulInside[17] = 'X';
        byte[] highOctet = greeting(3, 1, "NULL", 0);
        highOctet[13] = (byte) 0xC3;

        for (byte[] g : new byte[][] {
            greeting(3, 1, "null", 0), greeting(3, 1, "NU LL", 0), greeting(3, 1, "", 0), nulInside, highOctet
        }) {
            assertEquals(ProtocolErrors.ZMTP_MECHANISM_MISMATCH, rejected(g).protocolError(), WireBytes.hex(g));
        }
    }

    @Test
    void shouldRefuseToEncodeAnInvalidMechanism() {
        assertThrows(IllegalArgumentException.class, () -> Greeting.encode("null", false));
        assertThrows(IllegalArgumentException.class, () -> Greeting.encode("", false));
        assertThrows(IllegalArgumentException.class, () -> Greeting.encode("ABCDEFGHIJKLMNOPQRSTU", false));
    }

    // 37/ZMTP 3.1: "Read the first octet from the other peer. If this first octet is not %FF, then the other peer is
    // using ZMTP 1.0"
    @Test
    void shouldTellFromTheFirstOctetThatPeerIsNotZmtp3() {
        ByteBuffer buf = ByteBuffer.wrap(wire(0x05, "hello"));

        assertFalse(Greeting.isNotZmtp3Signature(buf, 0));
        assertTrue(Greeting.isNotZmtp3Signature(buf, 1));
    }

    // 37/ZMTP 3.1: "If this first octet is %FF, then we read nine further octets, and inspect the last octet (the
    // 10th in total). If the least significant bit is 0, then the other peer is using ZMTP 1.0"
    @Test
    void shouldTellFromTheTenthOctetThatPeerIsNotZmtp3() {
        byte[] v1LongIdentity = wire(0xFF, zeros(7), 0x01, 0x00);

        for (int available = 1; available < 10; available++) {
            assertFalse(Greeting.isNotZmtp3Signature(ByteBuffer.wrap(v1LongIdentity), available));
        }
        assertTrue(Greeting.isNotZmtp3Signature(ByteBuffer.wrap(v1LongIdentity), 10));
    }

    @Test
    void shouldNotFlagVersionedSignatureWhateverThePadding() {
        ByteBuffer libzmqSignature = ByteBuffer.wrap(wire(0xFF, zeros(7), 0x01, 0x7F, 0x03));

        for (int available = 0; available <= 11; available++) {
            assertFalse(Greeting.isNotZmtp3Signature(libzmqSignature, available));
        }
    }

    @Test
    void shouldLookAtAbsoluteIndexesWhileBufferIsBeingFilled() {
        ByteBuffer filling = ByteBuffer.allocate(Greeting.SIZE);
        filling.put((byte) 0xFF).put(zeros(8)).put((byte) 0x7E);

        assertTrue(Greeting.isNotZmtp3Signature(filling, filling.position()));
    }
}

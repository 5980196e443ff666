package org.zmq4j.internal.zmtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zmq4j.internal.zmtp.WireBytes.filled;
import static org.zmq4j.internal.zmtp.WireBytes.wire;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetadataTest {

    private static final int CODE = ProtocolErrors.ZMTP_INVALID_METADATA;

    private static Map<String, byte[]> decode(byte[] b) throws ZmtpException {
        return Metadata.decode(b, 0, b.length, CODE);
    }

    private static ZmtpException rejected(byte[] b) {
        return assertThrows(ZmtpException.class, () -> decode(b), WireBytes.hex(b));
    }

    private static Map<String, byte[]> sample() {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("Socket-Type", "DEALER".getBytes(StandardCharsets.US_ASCII));
        m.put("Identity", new byte[0]);
        m.put("X-Binary.v1+a_b", filled(300, 5));
        return m;
    }

    // 37/ZMTP 3.1: "property = name value; name = short-size 1*255name-char; value = 4OCTET *OCTET ; Size in network
    // byte order"
    @Test
    void shouldEncodePropertiesInInsertionOrder() {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("b", wire("1"));
        m.put("a", wire("22"));

        assertArrayEquals(wire(1, "b", 0, 0, 0, 1, "1", 1, "a", 0, 0, 0, 2, "22"), Metadata.encode(m));
    }

    @Test
    void shouldRoundTripNamesAndValues() throws ZmtpException {
        Map<String, byte[]> in = sample();

        Map<String, byte[]> out = decode(Metadata.encode(in));

        assertEquals(in.keySet(), out.keySet());
        for (Map.Entry<String, byte[]> e : in.entrySet()) {
            assertArrayEquals(e.getValue(), out.get(e.getKey()), e.getKey());
        }
    }

    // 37/ZMTP 3.1: "The case (upper or lower) of names SHALL NOT be significant." and "Metadata names SHALL be
    // case-insensitive."
    @Test
    void shouldLookUpNamesCaseInsensitively() throws ZmtpException {
        Map<String, byte[]> out = decode(Metadata.encode(sample()));

        assertArrayEquals(wire("DEALER"), out.get("socket-type"));
        assertArrayEquals(wire("DEALER"), out.get("SOCKET-TYPE"));
        assertArrayEquals(new byte[0], out.get("identity"));
        assertNull(out.get("Resource"));
    }

    @Test
    void shouldKeepFirstValueOfARepeatedNameAsLibzmqDoes() throws ZmtpException {
        Map<String, byte[]> out = decode(wire(1, "A", 0, 0, 0, 1, "1", 1, "a", 0, 0, 0, 1, "2"));

        assertEquals(1, out.size());
        assertArrayEquals(wire("1"), out.get("A"));
    }

    // 37/ZMTP 3.1: "Zero-sized values are allowed."
    @Test
    void shouldAcceptEmptyMetadataAndEmptyValues() throws ZmtpException {
        assertTrue(decode(new byte[0]).isEmpty());
        assertArrayEquals(new byte[0], decode(wire(1, "x", 0, 0, 0, 0)).get("X"));
    }

    @Test
    void shouldDecodeOnlyTheGivenWindowAndCopyValues() throws ZmtpException {
        byte[] body = wire(5, "READY", 1, "k", 0, 0, 0, 2, "vv");

        Map<String, byte[]> out = Metadata.decode(body, 6, body.length - 6, CODE);
        body[body.length - 1] = 'X';

        assertArrayEquals(wire("vv"), out.get("k"));
    }

    @Test
    void shouldRejectEveryTruncationOfValidMetadata() {
        byte[] valid = Metadata.encode(sample());
        List<Integer> boundaries = new ArrayList<>();
        int at = 0;
        for (Map.Entry<String, byte[]> e : sample().entrySet()) {
            boundaries.add(at);
            at += 1 + e.getKey().length() + 4 + e.getValue().length;
        }

        for (int len = 1; len < valid.length; len++) {
            if (boundaries.contains(len)) {
                continue;
            }
            byte[] truncated = Arrays.copyOf(valid, len);
            assertEquals(CODE, rejected(truncated).protocolError(), "length " + len);
        }
    }

    // 37/ZMTP 3.1: "The name SHALL be 1 to 255 characters. Zero-sized names are not valid."
    @Test
    void shouldRejectZeroSizedName() {
        assertEquals(CODE, rejected(wire(0, 0, 0, 0, 0)).protocolError());
    }

    // 37/ZMTP 3.1: "name-char = ALPHA | DIGIT | "-" | "_" | "." | "+""
    @Test
    void shouldRejectNameCharactersOutsideTheGrammar() {
        for (Object bad : new Object[] {"a b", "a:b", "a/b", "\u0000", new byte[] {(byte) 0xC3, (byte) 0xA9}}) {
            byte[] name = bad instanceof String ? wire(bad) : (byte[]) bad;
            assertEquals(CODE, rejected(wire(name.length, name, 0, 0, 0, 0)).protocolError());
        }
    }

    // 37/ZMTP 3.1: "The value SHALL be 0 to 2,147,483,647 (2^31-1 or INT32_MAX in C/C++) octets"
    @Test
    void shouldRejectValueSizeWithTopBitSet() {
        assertEquals(CODE, rejected(wire(1, "a", 0x80, 0, 0, 0, "x")).protocolError());
        assertEquals(CODE, rejected(wire(1, "a", 0xFF, 0xFF, 0xFF, 0xFF)).protocolError());
    }

    @Test
    void shouldReportTheCallersErrorCode() {
        byte[] garbage = wire(3, "ab");

        ZmtpException e = assertThrows(ZmtpException.class,
                () -> Metadata.decode(garbage, 0, garbage.length, ProtocolErrors.ZMTP_MALFORMED_COMMAND_READY));

        assertEquals(ProtocolErrors.ZMTP_MALFORMED_COMMAND_READY, e.protocolError());
    }

    @Test
    void shouldRefuseToEncodeInvalidNames() {
        for (String name : new String[] {"", "a b", "\u00e9", "x".repeat(256)}) {
            Map<String, byte[]> m = Map.of(name, new byte[0]);
            assertThrows(IllegalArgumentException.class, () -> Metadata.encode(m), name);
        }
    }
}

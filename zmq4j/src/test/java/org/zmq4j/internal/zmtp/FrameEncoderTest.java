package org.zmq4j.internal.zmtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.zmq4j.internal.zmtp.WireBytes.filled;
import static org.zmq4j.internal.zmtp.WireBytes.wire;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FrameEncoderTest {

    private static byte[] frame(int flags, byte[] body) {
        ByteBuffer dst = ByteBuffer.allocate(FrameEncoder.headerSize(body.length) + body.length);
        FrameEncoder.writeFrame(dst, flags, body, 0, body.length);
        assertEquals(dst.capacity(), dst.position());
        return dst.array();
    }

    // 37/ZMTP 3.1: "A short frame has a body of 0 to 255 octets."
    @Test
    void shouldWriteShortFrameUpTo255Octets() {
        assertArrayEquals(wire(0x00, 0x00), frame(0, new byte[0]));
        assertArrayEquals(wire(0x01, 0x03, "abc"), frame(FrameEncoder.MORE, wire("abc")));
        byte[] max = filled(255, 1);
        assertArrayEquals(wire(0x00, 0xFF, max), frame(0, max));
        assertEquals(2, FrameEncoder.headerSize(255));
    }

    // 37/ZMTP 3.1: "If the body is 256 or more octets, the command SHOULD use a long size field (%x06 followed by 8
    // octets)."
    @Test
    void shouldWriteLongFrameFrom256Octets() {
        byte[] body = filled(256, 2);

        assertArrayEquals(wire(0x06, 0, 0, 0, 0, 0, 0, 0x01, 0x00, body), frame(FrameEncoder.COMMAND, body));
        assertArrayEquals(wire(0x03, 0, 0, 0, 0, 0, 0, 0x01, 0x00, body), frame(FrameEncoder.MORE, body));
        assertEquals(9, FrameEncoder.headerSize(256));
    }

    @Test
    void shouldWriteEightOctetBigEndianSizeWhateverTheBufferOrder() {
        ByteBuffer dst = ByteBuffer.allocate(9).order(ByteOrder.LITTLE_ENDIAN);

        FrameEncoder.writeHeader(dst, 0, 0x0102030405L);

        assertArrayEquals(wire(0x02, 0, 0, 0, 0x01, 0x02, 0x03, 0x04, 0x05), dst.array());
    }

    @Test
    void shouldChooseLongFormItselfWhateverLongFlagIsPassed() {
        ByteBuffer dst = ByteBuffer.allocate(2);

        FrameEncoder.writeHeader(dst, FrameEncoder.LONG | FrameEncoder.MORE, 7);

        assertArrayEquals(wire(0x01, 0x07), dst.array());
    }

    @Test
    void shouldWriteOnlyTheGivenSliceOfTheBody() {
        ByteBuffer dst = ByteBuffer.allocate(5);

        FrameEncoder.writeFrame(dst, 0, wire("xxabcxx"), 2, 3);

        assertArrayEquals(wire(0x00, 0x03, "abc"), dst.array());
    }

    // 37/ZMTP 3.1: "Bit 0 (MORE): ... This bit SHALL be zero on command frames."
    @Test
    void shouldRefuseCommandWithMoreAndUnknownFlags() {
        ByteBuffer dst = ByteBuffer.allocate(16);

        assertThrows(IllegalArgumentException.class,
                () -> FrameEncoder.writeHeader(dst, FrameEncoder.COMMAND | FrameEncoder.MORE, 1));
        assertThrows(IllegalArgumentException.class, () -> FrameEncoder.writeHeader(dst, 0x08, 1));
        assertThrows(IllegalArgumentException.class, () -> FrameEncoder.writeHeader(dst, 0, -1));
        assertEquals(0, dst.position());
        assertArrayEquals(new byte[16], Arrays.copyOf(dst.array(), 16));
    }
}

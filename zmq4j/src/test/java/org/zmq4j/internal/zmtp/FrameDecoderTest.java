package org.zmq4j.internal.zmtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zmq4j.internal.zmtp.FrameEncoder.COMMAND;
import static org.zmq4j.internal.zmtp.FrameEncoder.MORE;
import static org.zmq4j.internal.zmtp.WireBytes.filled;
import static org.zmq4j.internal.zmtp.WireBytes.wire;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FrameDecoderTest {

    private static final long UNLIMITED = -1;

    /** A decoded or to-be-encoded frame. */
    private record Frame(int flags, byte[] body) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Frame f && f.flags == flags && Arrays.equals(f.body, body);
        }

        @Override
        public int hashCode() {
            return 31 * flags + Arrays.hashCode(body);
        }

        @Override
        public String toString() {
            return "Frame[flags=" + flags + ", " + body.length + " octets]";
        }
    }

    /** Records frames; refuses the next {@code refusals} offers. */
    private static final class Collector implements FrameDecoder.Sink {
        final List<Frame> frames = new ArrayList<>();
        final List<byte[]> offered = new ArrayList<>();
        /** Direct bodies offered, in order, and those taken. */
        final List<ByteBuffer> offeredDirect = new ArrayList<>();
        final List<ByteBuffer> direct = new ArrayList<>();
        int refusals;

        @Override
        public boolean directFrame(ByteBuffer body, int flags) {
            offeredDirect.add(body);
            if (refusals > 0) {
                refusals--;
                return false;
            }
            assertEquals(0, body.position(), "a direct body is handed over from its start");
            byte[] copy = new byte[body.limit()];
            body.get(0, copy);
            frames.add(new Frame(flags, copy));
            direct.add(body);
            return true;
        }

        @Override
        public boolean frame(byte[] body, int flags) {
            offered.add(body);
            if (refusals > 0) {
                refusals--;
                return false;
            }
            frames.add(new Frame(flags, body));
            return true;
        }
    }

    private static byte[] encode(List<Frame> frames) {
        int size = 0;
        for (Frame f : frames) {
            size += FrameEncoder.headerSize(f.body.length) + f.body.length;
        }
        ByteBuffer dst = ByteBuffer.allocate(size);
        for (Frame f : frames) {
            FrameEncoder.writeFrame(dst, f.flags, f.body, 0, f.body.length);
        }
        return dst.array();
    }

    private static List<Frame> decodeAtOnce(byte[] wire) throws ZmtpException {
        Collector sink = new Collector();
        ByteBuffer src = ByteBuffer.wrap(wire);
        assertFalse(new FrameDecoder(UNLIMITED).decode(src, sink));
        assertFalse(src.hasRemaining());
        return sink.frames;
    }

    /** Okio style: the decoder never sees more than one octet per call. */
    private static List<Frame> decodeOneByteAtATime(byte[] wire) throws ZmtpException {
        Collector sink = new Collector();
        FrameDecoder decoder = new FrameDecoder(UNLIMITED);
        for (byte b : wire) {
            ByteBuffer one = ByteBuffer.wrap(new byte[] {b});
            assertFalse(decoder.decode(one, sink));
            assertFalse(one.hasRemaining());
        }
        return sink.frames;
    }

    private static List<Frame> sampleTraffic() {
        return List.of(
                new Frame(COMMAND, Command.ready(Map.of("Socket-Type", wire("DEALER")))),
                new Frame(0, wire("hello")),
                new Frame(0, new byte[0]),
                new Frame(0, filled(255, 1)),
                new Frame(0, filled(256, 2)),
                new Frame(MORE, wire("part1")),
                new Frame(MORE, new byte[0]),
                new Frame(0, filled(70_000, 3)),
                new Frame(COMMAND, Command.ping(100, wire("ctx"))),
                new Frame(COMMAND, filled(300, 4)),
                new Frame(0, wire("bye")));
    }

    private static ZmtpException decodeFails(long max, byte[] wire) {
        return assertThrows(ZmtpException.class,
                () -> new FrameDecoder(max).decode(ByteBuffer.wrap(wire), new Collector()));
    }

    // 37/ZMTP 3.1: "A frame consists of a flags field (1 octet), followed by a size field (one octet or eight octets)
    // and a frame body of size octets."
    @Test
    void shouldDecodeSameFramesWhenFedOneByteAtATimeAsWhenFedAtOnce() throws ZmtpException {
        List<Frame> traffic = sampleTraffic();
        byte[] wire = encode(traffic);

        assertEquals(traffic, decodeAtOnce(wire));
        assertEquals(traffic, decodeOneByteAtATime(wire));
    }

    // 37/ZMTP 3.1: "A short frame has a body of 0 to 255 octets. A long frame has a body of 0 to 2^63-1 octets."
    @Test
    void shouldAcceptLongSizeFieldForSmallBodies() throws ZmtpException {
        byte[] wire = wire(0x02, 0, 0, 0, 0, 0, 0, 0, 3, "abc", 0x06, 0, 0, 0, 0, 0, 0, 0, 0);

        List<Frame> expected = List.of(new Frame(0, wire("abc")), new Frame(COMMAND, new byte[0]));
        assertEquals(expected, decodeAtOnce(wire));
        assertEquals(expected, decodeOneByteAtATime(wire));
    }

    @Test
    void shouldReadLongSizeAsBigEndianWhateverTheSourceOrder() throws ZmtpException {
        byte[] body = filled(258, 6);
        ByteBuffer src = ByteBuffer.wrap(wire(0x02, 0, 0, 0, 0, 0, 0, 0x01, 0x02, body)).order(ByteOrder.LITTLE_ENDIAN);
        Collector sink = new Collector();

        new FrameDecoder(UNLIMITED).decode(src, sink);

        assertEquals(List.of(new Frame(0, body)), sink.frames);
    }

    // 37/ZMTP 3.1: "Bits 7-3 are reserved for future use and MUST be zero." libzmq ignores them when reading.
    @Test
    void shouldIgnoreReservedFlagBitsAsLibzmqDoes() throws ZmtpException {
        byte[] wire = wire(0xF8, 1, "a", 0xFC, 5, 4, "PING", 0xFB, 0, 0, 0, 0, 0, 0, 0, 1, "b", 0xF8, 0);

        assertEquals(List.of(new Frame(0, wire("a")), new Frame(COMMAND, wire(4, "PING")), new Frame(MORE, wire("b")),
                new Frame(0, new byte[0])), decodeOneByteAtATime(wire));
    }

    @Test
    void shouldOfferTheSameRefusedFrameAgainFirstOnNextDecode() throws ZmtpException {
        byte[] wire = encode(List.of(new Frame(0, wire("one")), new Frame(0, wire("two"))));
        ByteBuffer src = ByteBuffer.wrap(wire);
        FrameDecoder decoder = new FrameDecoder(UNLIMITED);
        Collector sink = new Collector();
        sink.refusals = 2;

        assertTrue(decoder.decode(src, sink));
        assertTrue(decoder.hasPendingFrame());
        assertEquals(5, src.position(), "input past the refused frame stays in the caller's buffer");
        assertTrue(decoder.decode(src, sink));
        assertEquals(5, src.position());
        assertFalse(decoder.decode(src, sink));

        assertFalse(decoder.hasPendingFrame());
        assertEquals(List.of(new Frame(0, wire("one")), new Frame(0, wire("two"))), sink.frames);
        assertSame(sink.offered.get(0), sink.offered.get(1));
        assertSame(sink.offered.get(1), sink.offered.get(2));
    }

    @Test
    void shouldDeliverPendingFrameOnDecodeWithEmptyBuffer() throws ZmtpException {
        FrameDecoder decoder = new FrameDecoder(UNLIMITED);
        Collector sink = new Collector();
        sink.refusals = 1;

        assertTrue(decoder.decode(ByteBuffer.wrap(wire(0, 0)), sink));
        assertFalse(decoder.decode(ByteBuffer.allocate(0), sink));

        assertEquals(List.of(new Frame(0, new byte[0])), sink.frames);
    }

    @Test
    void shouldTrackWhetherAMultipartMessageIsIncomplete() throws ZmtpException {
        FrameDecoder decoder = new FrameDecoder(UNLIMITED);
        Collector sink = new Collector();

        decoder.decode(ByteBuffer.wrap(wire(0x01, 1, "a")), sink);
        assertTrue(decoder.isMidMessage());
        decoder.decode(ByteBuffer.wrap(wire(0x00, 1, "b")), sink);
        assertFalse(decoder.isMidMessage());
    }

    @Test
    void shouldLetCallerReadLargeBodyStraightIntoTheFrameArray() throws ZmtpException {
        byte[] body = filled(70_000, 7);
        byte[] wire = encode(List.of(new Frame(MORE, body)));
        FrameDecoder decoder = new FrameDecoder(UNLIMITED);
        Collector sink = new Collector();
        assertNull(decoder.bodyReadTarget(1), "no body in progress before the header");

        decoder.decode(ByteBuffer.wrap(wire, 0, 9 + 1000), sink);
        assertNull(decoder.bodyReadTarget(69_001));
        ByteBuffer target = decoder.bodyReadTarget(65_536);
        assertNotNull(target);
        assertEquals(1000, target.position());
        assertEquals(69_000, target.remaining());
        target.put(wire, 9 + 1000, 30_000);
        assertFalse(decoder.decode(ByteBuffer.allocate(0), sink));
        assertTrue(sink.frames.isEmpty());
        ByteBuffer again = decoder.bodyReadTarget(1);
        assertEquals(31_000, again.position());
        again.put(wire, 9 + 31_000, 39_000);
        assertFalse(decoder.decode(ByteBuffer.allocate(0), sink));

        assertEquals(List.of(new Frame(MORE, body)), sink.frames);
        assertSame(target.array(), sink.frames.get(0).body);
        assertNull(decoder.bodyReadTarget(1));
    }

    /** Direct bodies for data frames of {@code min} octets or more, as an engine asks for them. */
    private static void directFrom(FrameDecoder decoder, int min) {
        decoder.directBodies(n -> n >= min ? ByteBuffer.allocateDirect(n).limit(n) : null);
    }

    @Test
    void shouldDeliverLargeDataFramesInDirectBuffersAndEverythingElseInArrays() throws ZmtpException {
        byte[] bigCommand = filled(3_000, 5);
        List<Frame> traffic = new ArrayList<>(sampleTraffic());
        traffic.add(new Frame(COMMAND, bigCommand));
        traffic.add(new Frame(MORE, filled(1_000, 6)));
        traffic.add(new Frame(0, filled(999, 7)));
        FrameDecoder decoder = new FrameDecoder(UNLIMITED);
        directFrom(decoder, 1_000);
        Collector sink = new Collector();
        ByteBuffer src = ByteBuffer.wrap(encode(traffic));
        assertFalse(decoder.decode(src, sink));

        assertEquals(traffic, sink.frames);
        assertEquals(2, sink.direct.size(), "the 70,000 and 1,000 octet data frames, not the command nor 999 octets");
        assertEquals(70_000, sink.direct.get(0).limit());
        assertEquals(1_000, sink.direct.get(1).limit());
        assertTrue(sink.direct.get(0).isDirect());
    }

    @Test
    void shouldLetCallerReadADirectBodyStraightIntoItWhateverIsMissing() throws ZmtpException {
        byte[] body = filled(40_000, 9);
        byte[] wire = encode(List.of(new Frame(MORE, body), new Frame(0, wire("tail"))));
        FrameDecoder decoder = new FrameDecoder(UNLIMITED);
        directFrom(decoder, 32_768);
        Collector sink = new Collector();
        decoder.decode(ByteBuffer.wrap(wire, 0, 9 + 39_990), sink);

        ByteBuffer target = decoder.bodyReadTarget(65_536);
        assertNotNull(target, "a direct body is read into however little is missing");
        assertTrue(target.isDirect());
        assertEquals(39_990, target.position());
        assertEquals(10, target.remaining());
        target.put(wire, 9 + 39_990, 10);
        sink.refusals = 1;
        assertTrue(decoder.decode(ByteBuffer.allocate(0), sink), "filled by the read, offered, refused");
        assertNull(decoder.bodyReadTarget(1), "a pending frame has no body left to read");
        assertFalse(decoder.decode(ByteBuffer.wrap(wire, 9 + 40_000, wire.length - 9 - 40_000), sink));

        assertEquals(List.of(new Frame(MORE, body), new Frame(0, wire("tail"))), sink.frames);
        assertSame(target, sink.offeredDirect.get(0));
        assertSame(target, sink.offeredDirect.get(1), "the refused buffer itself is offered again");
        assertEquals(2, sink.offeredDirect.size());
    }

    @Test
    void shouldRoundTripRandomTrafficIntoDirectBodiesAcrossRandomSplitsReadsAndRefusals() throws ZmtpException {
        Random random = new Random(4242);
        for (int round = 0; round < 50; round++) {
            List<Frame> traffic = new ArrayList<>();
            boolean midMessage = false;
            for (int i = 0; i < 20; i++) {
                int size = random.nextInt(4) == 0 ? random.nextInt(5_000) : random.nextInt(300);
                int flags = !midMessage && random.nextInt(5) == 0 ? COMMAND : random.nextInt(2) == 0 ? MORE : 0;
                midMessage = flags == MORE;
                traffic.add(new Frame(flags, filled(size, random.nextInt(256))));
            }
            traffic.add(new Frame(0, wire("end")));
            byte[] wire = encode(traffic);
            FrameDecoder decoder = new FrameDecoder(UNLIMITED, byte[]::new);
            directFrom(decoder, 1 + random.nextInt(3_000));
            Collector sink = new Collector();
            int at = 0;
            while (at < wire.length) {
                ByteBuffer target = decoder.bodyReadTarget(1 + random.nextInt(2_000));
                int n = Math.min(wire.length - at, 1 + random.nextInt(4_000));
                ByteBuffer src = ByteBuffer.wrap(wire, at, n);
                if (target != null) {
                    n = Math.min(n, target.remaining());
                    target.put(wire, at, n);
                    src = ByteBuffer.allocate(0);
                }
                sink.refusals = random.nextInt(3) == 0 ? 1 : 0;
                at += n;
                decoder.decode(src, sink);
                at -= src.remaining();
            }
            while (decoder.hasPendingFrame()) {
                decoder.decode(ByteBuffer.allocate(0), sink);
            }
            assertEquals(traffic, sink.frames, "round " + round);
        }
    }

    @Test
    void shouldContinueFromSourceAfterPartialFillThroughReadTarget() throws ZmtpException {
        byte[] body = filled(5_000, 8);
        byte[] wire = encode(List.of(new Frame(0, body), new Frame(0, wire("next"))));
        FrameDecoder decoder = new FrameDecoder(UNLIMITED);
        Collector sink = new Collector();
        sink.refusals = 1;
        decoder.decode(ByteBuffer.wrap(wire, 0, 9 + 10), sink);

        decoder.bodyReadTarget(100).put(wire, 9 + 10, 2_000);
        assertTrue(decoder.decode(ByteBuffer.wrap(wire, 9 + 2_010, wire.length - 9 - 2_010), sink));
        assertNull(decoder.bodyReadTarget(1), "a pending frame has no body left to read");
        assertFalse(decoder.decode(ByteBuffer.wrap(wire, 9 + 5_000, wire.length - 9 - 5_000), sink));

        assertEquals(List.of(new Frame(0, body), new Frame(0, wire("next"))), sink.frames);
    }

    // ZMQ_MAXMSGSIZE: "Limits the size of the inbound message": the whole multipart message counts.
    @Test
    void shouldRejectMultipartMessageWhoseFramesTogetherExceedMaxMessageSize() throws ZmtpException {
        FrameDecoder decoder = new FrameDecoder(100);
        Collector sink = new Collector();
        decoder.decode(ByteBuffer.wrap(encode(List.of(new Frame(MORE, filled(60, 1))))), sink);

        TooLongMessageException e = assertThrows(TooLongMessageException.class,
                () -> decoder.decode(ByteBuffer.wrap(wire(0x00, 41)), sink));

        assertEquals(101, e.size());
        assertEquals(100, e.max());
        assertEquals(1, sink.frames.size());
    }

    // The same limit when the frames arrive whole in one read, as small messages in a batch do.
    @Test
    void shouldCheckWholeShortFramesInOneReadAgainstMaxMessageSize() {
        byte[] wire = encode(List.of(new Frame(MORE, filled(60, 1)), new Frame(0, filled(41, 2))));
        Collector sink = new Collector();

        TooLongMessageException e = assertThrows(TooLongMessageException.class,
                () -> new FrameDecoder(100).decode(ByteBuffer.wrap(wire), sink));

        assertEquals(101, e.size());
        assertEquals(1, sink.frames.size());
    }

    @Test
    void shouldAcceptMessagesUpToMaxMessageSizeAndCountEachMessageAfresh() throws ZmtpException {
        byte[] wire = encode(List.of(new Frame(MORE, filled(60, 1)), new Frame(0, filled(40, 2)),
                new Frame(0, filled(100, 3)), new Frame(COMMAND, filled(100, 4)), new Frame(MORE, filled(100, 5)),
                new Frame(0, new byte[0])));
        Collector sink = new Collector();

        assertFalse(new FrameDecoder(100).decode(ByteBuffer.wrap(wire), sink));

        assertEquals(6, sink.frames.size());
    }

    @Test
    void shouldCheckCommandFrameAloneAgainstMaxMessageSize() throws ZmtpException {
        FrameDecoder decoder = new FrameDecoder(10);
        Collector sink = new Collector();
        decoder.decode(ByteBuffer.wrap(wire(0x04, 10, filled(10, 1))), sink);

        assertThrows(TooLongMessageException.class, () -> decoder.decode(ByteBuffer.wrap(wire(0x04, 11)), sink));
    }

    @Test
    void shouldRejectOversizedFrameFromHeaderAloneBeforeAllocating() {
        byte[] header = wire(0x02, 0x00, 0x00, 0x00, 0x10, 0x00, 0x00, 0x00, 0x00);

        TooLongMessageException e = assertThrows(TooLongMessageException.class,
                () -> new FrameDecoder(1 << 20).decode(ByteBuffer.wrap(header), new Collector()));

        assertEquals(1L << 36, e.size());
    }

    @Test
    void shouldRejectFramesAJavaArrayCannotHoldEvenWhenUnlimited() {
        byte[] header = wire(0x02, 0, 0, 0, 0, 0x7F, 0xFF, 0xFF, 0xF0);

        TooLongMessageException e = assertInstanceOf(TooLongMessageException.class, decodeFails(UNLIMITED, header));

        assertEquals(FrameDecoder.MAX_FRAME_SIZE, e.max());
    }

    // 37/ZMTP 3.1: "long-size = 8OCTET ; Body is 0 to 2^63-1 octets"
    @Test
    void shouldRejectLongSizeWithTopBitSet() {
        ZmtpException e = decodeFails(UNLIMITED, wire(0x02, 0x80, 0, 0, 0, 0, 0, 0, 1));

        assertFalse(e instanceof TooLongMessageException);
        assertEquals(ProtocolErrors.ZMTP_UNSPECIFIED, e.protocolError());
    }

    // 37/ZMTP 3.1: "Bit 0 (MORE): ... This bit SHALL be zero on command frames."
    @Test
    void shouldRejectCommandFrameWithMoreSet() {
        for (int flags : new int[] {0x05, 0x07}) {
            byte[] wire = flags == 0x05 ? wire(flags, 4, "PING") : wire(flags, 0, 0, 0, 0, 0, 0, 0, 4, "PING");

            assertEquals(ProtocolErrors.ZMTP_MALFORMED_COMMAND_UNSPECIFIED,
                    decodeFails(UNLIMITED, wire).protocolError());
        }
    }

    // 37/ZMTP 3.1: "Messages consist of one or more frames and an implementation SHALL always send and deliver
    // messages atomically" and "A command is a single long or short frame".
    @Test
    void shouldRejectCommandFrameInTheMiddleOfAMultipartMessage() {
        byte[] wire = wire(0x01, 1, "a", 0x04, 6, 4, "PING", 0, 0);

        assertEquals(ProtocolErrors.ZMTP_INVALID_SEQUENCE, decodeFails(UNLIMITED, wire).protocolError());
    }

    @Test
    void shouldRoundTripRandomTrafficAcrossRandomSplitsAndRefusals() throws ZmtpException {
        Random random = new Random(0x2E7F_37L);
        for (int round = 0; round < 50; round++) {
            List<Frame> traffic = randomTraffic(random);
            byte[] wire = encode(traffic);
            FrameDecoder decoder = new FrameDecoder(UNLIMITED);
            Collector sink = new Collector();
            int at = 0;
            while (at < wire.length || decoder.hasPendingFrame()) {
                int chunk = random.nextInt(4) == 0 ? random.nextInt(1 + Math.min(600, wire.length - at))
                        : random.nextInt(1 + Math.min(12, wire.length - at));
                ByteBuffer src = ByteBuffer.wrap(wire, at, chunk);
                if (random.nextInt(5) == 0) {
                    sink.refusals = 1;
                }
                ByteBuffer target = decoder.bodyReadTarget(64);
                if (target != null && random.nextBoolean()) {
                    int n = Math.min(target.remaining(), Math.min(chunk, wire.length - at));
                    target.put(wire, at, n);
                    src = ByteBuffer.wrap(wire, at + n, 0);
                }
                boolean refused = decoder.decode(src, sink);
                assertEquals(refused, decoder.hasPendingFrame());
                at = src.position();
            }
            assertEquals(traffic, sink.frames, "round " + round);
        }
    }

    private static List<Frame> randomTraffic(Random random) {
        List<Frame> frames = new ArrayList<>();
        int n = 1 + random.nextInt(30);
        for (int i = 0; i < n; i++) {
            int[] sizes = {0, 1, 254, 255, 256, 257, 1000, 9000};
            int size = random.nextInt(3) == 0 ? sizes[random.nextInt(sizes.length)] : random.nextInt(300);
            byte[] body = new byte[size];
            random.nextBytes(body);
            int kind = random.nextInt(4);
            frames.add(new Frame(kind == 0 ? COMMAND : kind == 1 ? MORE : 0, body));
            if (kind == 1) {
                body = new byte[random.nextInt(40)];
                random.nextBytes(body);
                frames.add(new Frame(0, body));
            }
        }
        return frames;
    }
}

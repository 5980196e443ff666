package org.zmq4j.bench.bare;

import java.nio.ByteBuffer;

/**
 * The bytes ZMTP 3.x sends for a message of one frame (23/ZMTP, "Framing"), so that the bare tools move as many bytes
 * as a ZeroMQ run of the same messages. The flags octet says the frame is the last one of its message (MORE clear), a
 * message and not a command (COMMAND clear), and whether the size takes one octet or eight (LONG):
 *
 * <pre>
 * a message of up to 255 bytes, a short frame:
 * +--------------+------------+---------------+
 * | flags = 0x00 | size (1 B) | body (size B) |
 * +--------------+------------+---------------+
 * a longer message, a long frame:
 * +--------------+---------------------------+---------------+
 * | flags = 0x02 | size (8 B, network order) | body (size B) |
 * +--------------+---------------------------+---------------+
 * </pre>
 */
final class Frames {
    /**
     * The most bytes one read or write moves: large enough that the cost of each system call is small against the
     * copying it does, so that the kernel's work is what the tools measure.
     */
    static final int BUFFER_SIZE = 64 * 1024;

    private Frames() {}

    /** The bytes on the wire for one message of {@code size} bytes: its frame's header and body. */
    static long wireSize(int size) {
        return size <= 255 ? size + 2L : size + 9L;
    }

    /** The bytes on the wire for {@code count} messages of {@code size} bytes. */
    static long streamSize(int size, int count) {
        return count * wireSize(size);
    }

    /**
     * A direct buffer holding as many whole frames of {@code size} bytes back to back as fit in {@link #BUFFER_SIZE},
     * ready to write: sent again and again, its last time cut to what is left, it is a stream of valid frames. A frame
     * larger than the buffer fills it with its header and the start of its body.
     */
    static ByteBuffer frames(int size) {
        long wire = wireSize(size);
        int length = wire <= BUFFER_SIZE ? (int) (BUFFER_SIZE / wire * wire) : BUFFER_SIZE;
        ByteBuffer buffer = ByteBuffer.allocateDirect(length);
        while (buffer.hasRemaining()) {
            if (size <= 255) {
                buffer.put((byte) 0x00).put((byte) size);
            } else {
                buffer.put((byte) 0x02).putLong(size);
            }
            buffer.position(buffer.position() + Math.min(size, buffer.remaining())); // a body of zeros
        }
        return buffer.flip();
    }
}

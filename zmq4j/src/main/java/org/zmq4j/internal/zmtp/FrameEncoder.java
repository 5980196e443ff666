package org.zmq4j.internal.zmtp;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Writes ZMTP 3.x frame headers and frames.
 *
 * <pre>
 * short frame (body 0 - 255 octets)      long frame (body 256 - 2^63-1 octets)
 * +-------+------+--------+              +-------+---------------------+--------+
 * | flags | size |  body  |              | flags | size (8, big-endian) |  body  |
 * +-------+------+--------+              +-------+---------------------+--------+
 *     0      1      2 ..                     0            1 - 8           9 ..
 *
 * flags: bits 7-3 reserved (0), bit 2 COMMAND, bit 1 LONG, bit 0 MORE
 * </pre>
 */
public final class FrameEncoder {
    public static final int MORE = 1;
    public static final int LONG = 2;
    public static final int COMMAND = 4;

    public static final int SHORT_HEADER_SIZE = 2;
    public static final int LONG_HEADER_SIZE = 9;

    private static final int MAX_SHORT_SIZE = 255;

    private FrameEncoder() {}

    public static int headerSize(long bodySize) {
        return bodySize > MAX_SHORT_SIZE ? LONG_HEADER_SIZE : SHORT_HEADER_SIZE;
    }

    /**
     * Writes a frame header at dst's position. {@code flags} is MORE and/or COMMAND; a LONG bit passed in is
     * ignored, the size decides it.
     */
    public static void writeHeader(ByteBuffer dst, int flags, long bodySize) {
        int f = checkFlags(flags);
        if (bodySize < 0) {
            throw new IllegalArgumentException("negative frame size " + bodySize);
        }
        // 37/ZMTP 3.1: a body of 0-255 octets SHOULD use the short size field, 256 or more the long one.
        if (bodySize > MAX_SHORT_SIZE) {
            dst.put((byte) (f | LONG));
            dst.putLong(dst.order() == ByteOrder.BIG_ENDIAN ? bodySize : Long.reverseBytes(bodySize));
        } else {
            dst.put((byte) f);
            dst.put((byte) bodySize);
        }
    }

    /** Writes header and body; dst needs {@code headerSize(len) + len} octets of room. */
    public static void writeFrame(ByteBuffer dst, int flags, byte[] body, int off, int len) {
        writeHeader(dst, flags, len);
        dst.put(body, off, len);
    }

    private static int checkFlags(int flags) {
        int f = flags & ~LONG;
        if ((f & ~(MORE | COMMAND)) != 0) {
            throw new IllegalArgumentException("unknown frame flags 0x" + Integer.toHexString(flags));
        }
        // 37/ZMTP 3.1: "This bit [MORE] SHALL be zero on command frames."
        if (f == (MORE | COMMAND)) {
            throw new IllegalArgumentException("a command frame cannot have MORE set");
        }
        return f;
    }
}

package org.zmq4j.internal.zmtp;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.function.IntFunction;

/**
 * Incremental ZMTP 3.x frame parser: bytes may arrive in any split, down to one at a time, and a frame the sink
 * cannot take yet stays pending until the next {@link #decode} call. Not thread-safe: one engine thread owns it.
 *
 * <pre>
 * +-------+----------------------------+--------+
 * | flags | size: 1 octet, or 8 octets |  body  |
 * |       | big-endian if LONG is set  |        |
 * +-------+----------------------------+--------+
 * flags: bits 7-3 reserved, bit 2 COMMAND, bit 1 LONG, bit 0 MORE
 * </pre>
 *
 * <p>Each delivered body is an array owned by the sink from then on: a new one, or one from the allocator given at
 * construction, its old contents all overwritten (empty bodies share one zero-length array); or, for the data frames
 * the {@linkplain #directBodies direct allocator} takes, a direct buffer ({@link Sink#directFrame}). After
 * {@code decode} throws, the decoder is unusable: the connection must be closed.
 */
public final class FrameDecoder {

    /** Receives decoded frames. */
    public interface Sink {
        /**
         * A complete frame, flags = MORE and/or COMMAND (LONG stripped). Return false if it cannot be taken now:
         * the decoder keeps it and offers the same frame again first on the next decode() call.
         */
        boolean frame(byte[] body, int flags);

        /**
         * A complete data frame whose body is a direct buffer from {@link #directBodies} (position 0, limit the
         * size), owned by the sink once taken; refusing it works as for {@link #frame}.
         */
        default boolean directFrame(ByteBuffer body, int flags) {
            throw new IllegalStateException("this sink takes no direct bodies");
        }
    }

    /** Largest body accepted whatever the limit: what a Java array can safely hold. */
    public static final long MAX_FRAME_SIZE = Integer.MAX_VALUE - 16;

    private static final byte[] EMPTY = new byte[0];

    private static final int FLAGS = 0;
    private static final int SIZE = 1;
    private static final int BODY = 2;

    private final long maxMessageSize;
    private final IntFunction<byte[]> bodies;

    private int state = FLAGS;
    private int flags;
    private int sizeBytesMissing;
    private long size;
    private byte[] body;
    private int filled;
    private ByteBuffer bodyTarget;
    /** Where large data frames' bodies come from, if anywhere ({@link #directBodies}). */
    private IntFunction<ByteBuffer> directBodies;
    /** The body being filled, when it is a direct buffer rather than {@link #body}. */
    private ByteBuffer direct;

    private boolean pending;
    private boolean midMessage;
    private long messageSize;

    /**
     * @param maxMessageSize -1 for unlimited, else the largest total size of one message's data frames
     *     ({@code ZMQ_MAXMSGSIZE}); a command frame is checked alone
     */
    public FrameDecoder(long maxMessageSize) {
        this(maxMessageSize, byte[]::new);
    }

    /**
     * As {@link #FrameDecoder(long)}, taking bodies' arrays from {@code bodies}: given a length, an array of exactly
     * that length, whose old contents the decoder overwrites.
     */
    public FrameDecoder(long maxMessageSize, IntFunction<byte[]> bodies) {
        if (maxMessageSize < -1) {
            throw new IllegalArgumentException("maxMessageSize must be -1 or >= 0: " + maxMessageSize);
        }
        this.maxMessageSize = maxMessageSize;
        this.bodies = bodies;
    }

    /**
     * Consumes bytes from src, delivering complete frames to sink, until src has no more bytes or the sink refuses.
     *
     * @return true if it stopped because the sink refused a frame (that frame is pending)
     * @throws TooLongMessageException if a header announces more than the size limit
     * @throws ZmtpException for malformed framing; the connection must be closed
     */
    public boolean decode(ByteBuffer src, Sink sink) throws ZmtpException {
        if (direct != null && !pending && !direct.hasRemaining() && !deliver(sink)) {
            return true; // filled by a read straight into it
        }
        if (bodyTarget != null) {
            filled = bodyTarget.position();
            bodyTarget = null;
            if (filled == body.length && !deliver(sink)) {
                return true;
            }
        }
        if (pending && !deliver(sink)) {
            return true;
        }
        while (src.hasRemaining()) {
            switch (state) {
                case FLAGS:
                    if (wholeShortDataFrame(src)) {
                        if (!deliver(sink)) {
                            return true;
                        }
                    } else {
                        onFlags(src.get());
                    }
                    break;
                case SIZE:
                    if (readSize(src) && !onSize() && !deliver(sink)) {
                        return true;
                    }
                    break;
                default:
                    if (direct != null) {
                        int m = Math.min(src.remaining(), direct.remaining());
                        direct.put(direct.position(), src, src.position(), m);
                        direct.position(direct.position() + m);
                        src.position(src.position() + m);
                        if (!direct.hasRemaining() && !deliver(sink)) {
                            return true;
                        }
                        break;
                    }
                    int n = Math.min(src.remaining(), body.length - filled);
                    src.get(body, filled, n);
                    filled += n;
                    if (filled == body.length && !deliver(sink)) {
                        return true;
                    }
                    break;
            }
        }
        return false;
    }

    /**
     * When the decoder is in the middle of a frame body with at least {@code threshold} bytes still missing,
     * returns a buffer over that body's array (position = bytes already filled, limit = body size) so the caller
     * can read from a channel straight into it, then call {@link #decode} (with an empty buffer if nothing else
     * was read) to take up what was filled; else null. A direct body ({@link #directBodies}) is itself returned,
     * whatever is missing.
     */
    public ByteBuffer bodyReadTarget(int threshold) {
        if (state != BODY || pending) {
            return null;
        }
        if (direct != null) {
            return direct; // read into with no copy at all, whatever is missing
        }
        int at = bodyTarget != null ? bodyTarget.position() : filled;
        if (body.length - at < threshold) {
            return null;
        }
        bodyTarget = ByteBuffer.wrap(body);
        bodyTarget.position(at);
        return bodyTarget;
    }

    /**
     * From now on, a data frame's body comes from {@code bodies} (given the size, a direct buffer with position 0
     * and limit the size, or null to use an array as before) and goes to {@link Sink#directFrame}. Set after the
     * handshake, by an engine whose connection does not encrypt messages.
     */
    public void directBodies(IntFunction<ByteBuffer> bodies) {
        this.directBodies = bodies;
    }

    /** True if a frame the sink refused waits to be offered again. */
    public boolean hasPendingFrame() {
        return pending;
    }

    /** True if the last delivered data frame had MORE set, that is a multipart message is incomplete. */
    public boolean isMidMessage() {
        return midMessage;
    }

    /**
     * Takes a short data frame whose header and body {@code src} holds whole in one step, as the byte-at-a-time states
     * would (same checks, same body), skipping them: a batch of small messages is mostly such frames. False, with
     * nothing consumed, for anything else.
     */
    private boolean wholeShortDataFrame(ByteBuffer src) throws ZmtpException {
        int at = src.position();
        int available = src.limit() - at;
        if (available < 2) {
            return false;
        }
        int b = src.get(at);
        if ((b & (FrameEncoder.LONG | FrameEncoder.COMMAND)) != 0) {
            return false;
        }
        int n = src.get(at + 1) & 0xFF;
        if (available - 2 < n) {
            return false;
        }
        flags = b & FrameEncoder.MORE; // reserved bits ignored, as onFlags does
        size = n;
        onSize();
        if (direct != null) {
            direct.put(0, src, at + 2, n).position(n);
        } else if (n > 0) {
            src.get(at + 2, body, 0, n);
        }
        filled = n;
        src.position(at + 2 + n);
        return true;
    }

    private void onFlags(byte b) throws ZmtpException {
        // 37/ZMTP 3.1: "Bits 7-3 are reserved for future use and MUST be zero"; libzmq ignores them, so do we.
        flags = b & (FrameEncoder.MORE | FrameEncoder.COMMAND);
        if (flags == (FrameEncoder.MORE | FrameEncoder.COMMAND)) {
            // 37/ZMTP 3.1: "This bit [MORE] SHALL be zero on command frames."
            throw new ZmtpException(ProtocolErrors.ZMTP_MALFORMED_COMMAND_UNSPECIFIED,
                    "command frame with MORE set (flags 0x" + Integer.toHexString(b & 0xFF) + ")");
        }
        if (flags == FrameEncoder.COMMAND && midMessage) {
            // 37/ZMTP 3.1: "A command is a single long or short frame" and a message's frames are sent atomically
            // ("all the frames of a message, or none of them"): a command cannot split a multipart message.
            throw new ZmtpException(ProtocolErrors.ZMTP_INVALID_SEQUENCE,
                    "command frame in the middle of a multipart message");
        }
        sizeBytesMissing = (b & FrameEncoder.LONG) != 0 ? 8 : 1;
        size = 0;
        state = SIZE;
    }

    /** Accumulates size octets; true once all are in. */
    private boolean readSize(ByteBuffer src) {
        if (sizeBytesMissing == 8 && src.remaining() >= 8) {
            size = src.order() == ByteOrder.BIG_ENDIAN ? src.getLong() : Long.reverseBytes(src.getLong());
            sizeBytesMissing = 0;
            return true;
        }
        while (sizeBytesMissing > 0 && src.hasRemaining()) {
            size = (size << 8) | (src.get() & 0xFF);
            sizeBytesMissing--;
        }
        return sizeBytesMissing == 0;
    }

    /** Checks the size and allocates the body; true if the body is still to be read, false if it is empty. */
    private boolean onSize() throws ZmtpException {
        if (size < 0) {
            // 37/ZMTP 3.1: "A long frame has a body of 0 to 2^63-1 octets."
            throw new ZmtpException(ProtocolErrors.ZMTP_UNSPECIFIED,
                    "frame size 0x" + Long.toHexString(size) + " has the top bit set");
        }
        if (size > MAX_FRAME_SIZE) {
            throw new TooLongMessageException(size, MAX_FRAME_SIZE);
        }
        if (maxMessageSize >= 0) {
            long before = flags == FrameEncoder.COMMAND ? 0 : messageSize;
            if (size > maxMessageSize - before) {
                throw new TooLongMessageException(before + size, maxMessageSize);
            }
        }
        if (flags != FrameEncoder.COMMAND) {
            messageSize += size;
        }
        filled = 0;
        if (directBodies != null && flags != FrameEncoder.COMMAND && size > 0) {
            direct = directBodies.apply((int) size);
            if (direct != null) {
                state = BODY;
                return true;
            }
        }
        body = size == 0 ? EMPTY : bodies.apply((int) size);
        state = BODY;
        return size != 0;
    }

    private boolean deliver(Sink sink) {
        boolean taken;
        if (direct != null) {
            direct.position(0);
            taken = sink.directFrame(direct, flags);
        } else {
            taken = sink.frame(body, flags);
        }
        if (!taken) {
            pending = true;
            return false;
        }
        pending = false;
        if (flags != FrameEncoder.COMMAND) {
            midMessage = (flags & FrameEncoder.MORE) != 0;
            if (!midMessage) {
                messageSize = 0;
            }
        }
        body = null;
        direct = null;
        state = FLAGS;
        return true;
    }
}

package org.zmq4j.internal.engine;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.zmq4j.internal.concurrent.ArrayPool;
import org.zmq4j.internal.concurrent.Waits;
import org.zmq4j.internal.io.IoHandler;
import org.zmq4j.internal.io.IoThread;
import org.zmq4j.internal.io.Timer;
import org.zmq4j.internal.pipe.FrameArrays;
import org.zmq4j.internal.pipe.Pipe;
import org.zmq4j.internal.security.AuthFailedException;
import org.zmq4j.internal.security.HandshakeRejectedException;
import org.zmq4j.internal.security.Mechanism;
import org.zmq4j.internal.security.MechanismContext;
import org.zmq4j.internal.security.Mechanisms;
import org.zmq4j.internal.security.NoZapHandlerException;
import org.zmq4j.internal.security.ZapConnector;
import org.zmq4j.internal.util.EventSink;
import org.zmq4j.internal.util.MonitorEvents;
import org.zmq4j.internal.util.Options;
import org.zmq4j.internal.util.SocketTypes;
import org.zmq4j.internal.zmtp.Command;
import org.zmq4j.internal.zmtp.FrameDecoder;
import org.zmq4j.internal.zmtp.FrameEncoder;
import org.zmq4j.internal.zmtp.Greeting;
import org.zmq4j.internal.zmtp.ProtocolErrors;
import org.zmq4j.internal.zmtp.ZmtpException;

/**
 * Speaks ZMTP 3.1 over one stream connection (TCP or Unix domain) on an I/O thread: greeting, the mechanism's
 * handshake, then messages between the wire and the session's pipe.
 *
 * <p>Input: one read fills a buffer, every complete frame in it is decoded and written to the pipe, and the pipe is
 * flushed once per read. When the pipe is full (RCVHWM) reading stops until the socket makes room. On a connection
 * that does not encrypt, a data frame's body of 32 KiB to 1 MiB is read by the kernel straight into a direct buffer
 * of the context's pool, together with the next {@value #READ_AFTER_BODY} octets at most (one read per frame in a
 * stream of them), and goes through the pipe as it is: the socket's thread copies it into an array
 * ({@link Pipe#read()}). This thread, which also does the kernel's copy, then copies none of the body itself; moving
 * that copy to the application's thread, idle while it waits for messages, made 64 KiB messages 24 % faster
 * (BENCHMARKS.md). Other bodies of 32 KiB or more, and these when the pool has no direct memory to spare, are read
 * straight into their own arrays.
 *
 * <p>Output: frames are pulled from the pipe and encoded into a buffer until it is full or the pipe is empty, then
 * written with one call (a full 64 KiB buffer over TCP in whole segments, the rest topped up and written next:
 * {@link SegmentSize}); a body that does not fit goes into the buffer a piece at a time, each piece once. (A
 * gathering write from the body's own array would cost the same copy inside the JDK, which copies a heap buffer into
 * a temporary direct one, and would copy again whatever a partial write left over.)
 *
 * <p>Both buffers start at 8 KiB, so an idle connection is cheap, and grow to 64 KiB once traffic fills them, if
 * the JVM has the direct memory ({@link #bigger}).
 *
 * <p>Threads: everything runs on the I/O thread, under {@link #lock}, with two exceptions, each taken only if the
 * socket's thread gets the lock at once and the connection does not encrypt.
 * <ul>
 *   <li>Output: when the socket's thread wakes an engine whose connection has sent nothing for {@value #IDLE_NANOS}
 *       ns, and this is the thread's first such chance since it last waited on a socket ({@link Waits}), it pulls
 *       and writes the messages itself ({@link #writeFromCaller}): a request or a reply then leaves without waking
 *       the I/O thread (one thread hop less per one-way trip), while a thread that streams, to one peer or to many,
 *       leaves the writing to the I/O thread, which batches it.</li>
 *   <li>Input: when the pipe was full (RCVHWM) and the socket's thread reads enough of it to let this engine go on
 *       (the low-water mark, half of it), that thread decodes what is buffered and reads on from the connection
 *       itself until the pipe is full again ({@link #restartInputFromCaller}). An application that receives more
 *       slowly than its peer sends then does the receiving side's work on its own thread, where waking the I/O
 *       thread at every half pipe cost a thread switch on each side (BENCHMARKS.md, the eleventh session). The I/O
 *       thread takes over again when the connection has nothing more to read, and for commands, failures and
 *       heartbeat timers.</li>
 * </ul>
 */
public final class StreamEngine implements IoHandler, FrameDecoder.Sink {
    /** Buffer size of a new connection: an idle one costs 16 KiB of buffers, as libzmq's 8 KiB each way. */
    private static final int SMALL_BATCH = 8 * 1024;
    private static final int IN_BATCH = 64 * 1024;
    private static final int OUT_BATCH = 64 * 1024;
    private static final int DIRECT_READ_THRESHOLD = 32 * 1024;
    /**
     * What a read straight into a direct body may take beyond it: the next frame's header and the start of its
     * body, so that a stream of large frames costs one read each and the decoder copies at most this much of a body.
     */
    private static final int READ_AFTER_BODY = 1024;
    /**
     * The most a read into an array asks for. The JDK reads a heap buffer through a temporary direct buffer as large
     * as what is asked, and keeps it for the thread: a 100 MiB body read at once would take 100 MiB of direct memory
     * (-XX:MaxDirectMemorySize, by default as much as the heap) and keep it, or fail with an OutOfMemoryError.
     */
    private static final int HEAP_READ_CHUNK = 256 * 1024;
    /** Output quieter than this lets the socket's thread write (see the class comment). */
    private static final long IDLE_NANOS = 50_000;

    private static final int GREETING = 0;
    private static final int HANDSHAKE = 1;
    private static final int ACTIVE = 2;
    private static final int CLOSED = 3;

    private final Session session;
    private final IoThread io;
    private final SocketChannel channel;
    private final Options options;
    private final ZapConnector zapConnector;
    private Mechanism mechanism;
    private boolean encrypted;
    private final EventSink events;
    private final String endpoint;
    private final String remoteAddress;

    private SelectionKey key;
    private int state = GREETING;
    private final ByteBuffer greeting = ByteBuffer.allocate(Greeting.SIZE);
    /** Grows from {@value #SMALL_BATCH} to {@value #IN_BATCH} octets the first time a read fills it. */
    private ByteBuffer in = ByteBuffer.allocateDirect(SMALL_BATCH);
    /** Grows from {@value #SMALL_BATCH} to {@value #OUT_BATCH} octets once frames waited for room in it. */
    private ByteBuffer out = ByteBuffer.allocateDirect(SMALL_BATCH);
    private boolean outFilledUp;
    /** The most of {@link #out} one write offers: all of it, or whole TCP segments once it is large. */
    private int writeChunk = SMALL_BATCH;
    /** The JVM refused a bigger {@link #in} or {@link #out}: both keep their size ({@link #bigger}). */
    private boolean stayingSmall;
    /** A body that did not fit into {@link #out}, copied into it a piece at a time from {@link #pendingOffset}. */
    private byte[] pendingBody;
    private int pendingOffset;
    /** The pending body's array is recycled once copied. */
    private boolean pendingRecyclable;
    /** A scattering read's buffers: a direct body, then {@link #in}. */
    private final ByteBuffer[] ioVector = new ByteBuffer[2];
    /** Arrays of decoded frames, and where arrays of frames written to the wire go back (I/O thread). */
    private final FrameArrays arrays;
    /**
     * Held by the I/O thread in every entry point, and by a socket thread in {@link #writeFromCaller} and
     * {@link #restartInputFromCaller}.
     */
    private final ReentrantLock lock = new ReentrantLock();
    /**
     * Active, unencrypted and open: a socket thread may try {@link #writeFromCaller} and
     * {@link #restartInputFromCaller}.
     */
    private volatile boolean callerMayEnter;
    private long lastWriteNanos;
    private FrameDecoder decoder;
    private boolean peerUsesCommands;
    private Pipe pipe;
    private boolean inputStopped;
    private boolean writing;
    private boolean pulling;
    private boolean wroteToPipe;
    private boolean inMessage;
    private boolean outMidMessage;
    private boolean closeWhenFlushed;
    /** A socket thread is decoding and reading ({@link #restartInputFromCaller}). */
    private boolean inputOnCaller;
    /** Met by a socket thread's input: a command, or the end of the connection, which the I/O thread must handle. */
    private boolean inputForIoThread;
    /** A socket thread's input met the end of the connection, which the I/O thread brings about ({@link #endInput}). */
    private boolean failureDeferred;
    private Throwable deferredError;
    private String deferredWhy;
    private Timer handshakeTimer;
    private Timer heartbeatTimer;
    private Timer heartbeatTimeoutTimer;
    /** Armed by a PING with a TTL; ended, as the heartbeat timeout, by any incoming traffic. */
    private Timer pingTtlTimer;
    private final boolean acceptsSubscriptions;

    public StreamEngine(Session session, IoThread io, SocketChannel channel, Options options,
            ZapConnector zapConnector, EventSink events, String endpoint, String remoteAddress) {
        this.session = session;
        this.io = io;
        this.channel = channel;
        this.options = options;
        this.zapConnector = zapConnector;
        this.events = events;
        this.endpoint = endpoint;
        this.remoteAddress = remoteAddress;
        this.acceptsSubscriptions = options.type == SocketTypes.PUB || options.type == SocketTypes.XPUB;
        this.arrays = new FrameArrays(io.arrays());
    }

    public String remoteAddress() {
        return remoteAddress;
    }

    /**
     * Registers with the I/O thread (taking over {@code existing}, the connecter's key, if not null) and sends the
     * greeting.
     */
    public void plug(SelectionKey existing) {
        lock.lock();
        try {
            plugLocked(existing);
        } finally {
            lock.unlock();
        }
    }

    private void plugLocked(SelectionKey existing) {
        io.adjustLoad(1);
        mechanism = Mechanisms.create(new MechanismContext(options, peerIp(remoteAddress), zapConnector,
                io::execute, this::resumeHandshake));
        try {
            if (existing != null) {
                key = existing;
                key.attach(this);
                key.interestOps(SelectionKey.OP_READ);
            } else {
                key = io.register(channel, SelectionKey.OP_READ, this);
            }
        } catch (IOException | CancelledKeyException e) {
            fail(0, 0, e.toString());
            return;
        }
        Greeting.encode(out, mechanism.name(), mechanism.asServer());
        flushOut();
        if (options.handshakeIvl > 0) {
            handshakeTimer = io.schedule(options.handshakeIvl,
                    () -> fail(MonitorEvents.HANDSHAKE_FAILED_NO_DETAIL, 110, "handshake timed out"));
        }
    }

    @Override
    public void ioReady(int readyOps) {
        lock.lock();
        try {
            if ((readyOps & SelectionKey.OP_READ) != 0) {
                onReadable();
            }
            if (state != CLOSED && (readyOps & SelectionKey.OP_WRITE) != 0) {
                writeLoop();
            }
        } finally {
            lock.unlock();
        }
    }

    // ---------------------------------------------------------------- input

    private void onReadable() {
        for (int round = 0; round < 4 && state != CLOSED && !inputStopped; round++) {
            long n;
            boolean full;
            boolean filledIn = false;
            try {
                ByteBuffer body = in.position() == 0 && decoder != null
                        ? decoder.bodyReadTarget(DIRECT_READ_THRESHOLD) : null;
                if (body == null) {
                    n = channel.read(in);
                    full = !in.hasRemaining();
                    filledIn = full;
                } else if (body.isDirect()) {
                    // The kernel fills the body, then a little of what follows it.
                    in.limit(READ_AFTER_BODY);
                    ioVector[0] = body;
                    ioVector[1] = in;
                    try {
                        n = channel.read(ioVector);
                        full = !in.hasRemaining();
                    } finally {
                        ioVector[0] = null;
                        ioVector[1] = null;
                        in.limit(in.capacity());
                    }
                } else {
                    int limit = body.limit();
                    body.limit(Math.min(limit, body.position() + HEAP_READ_CHUNK));
                    try {
                        n = channel.read(body);
                        full = !body.hasRemaining();
                    } finally {
                        body.limit(limit);
                    }
                }
            } catch (IOException e) {
                failInput(e, null);
                return;
            } catch (OutOfMemoryError e) {
                // No direct memory for the JDK's temporary buffer: this connection cannot go on, the others can.
                failInput(e, "out of memory reading from the connection: ");
                return;
            }
            if (n < 0) {
                failInput(null, "connection closed by peer");
                return;
            }
            if (n == 0) {
                return;
            }
            process();
            if (!full) {
                return; // the socket is (very likely) drained
            }
            if (filledIn && state != CLOSED && in.capacity() < IN_BATCH && !stayingSmall) {
                ByteBuffer bigger = bigger(IN_BATCH);
                if (bigger != null) {
                    in = movedInto(in, bigger);
                }
            }
        }
    }

    /**
     * The input cannot go on: {@code error} (null for the peer's close) and {@code why} as {@link #endInput} takes
     * them. On the I/O thread the connection ends now. On a socket thread input stops, and the I/O thread ends the
     * connection when it restarts it, for the session and its reconnection are the I/O thread's; nothing is
     * allocated on the way, as the error may be the heap's refusal. What was decoded before stays in the pipe either
     * way, as libzmq's session keeps the complete messages when its engine fails.
     */
    private void failInput(Throwable error, String why) {
        if (inputOnCaller) {
            failureDeferred = true;
            deferredError = error;
            deferredWhy = why;
            inputStopped = true;
            inputForIoThread = true;
        } else {
            endInput(error, why);
        }
    }

    /**
     * Ends the connection for what the input met: a protocol error from the decoder, an IOException, an
     * OutOfMemoryError ({@code why} starts its description), or the peer's close ({@code error} null, {@code why}
     * the description).
     */
    private void endInput(Throwable error, String why) {
        if (error instanceof HandshakeFailure) {
            HandshakeFailure f = (HandshakeFailure) error;
            protocolFailure((ZmtpException) f.getCause(), f.reportedWhenActive);
        } else if (error instanceof ZmtpException) {
            protocolFailure((ZmtpException) error, false);
        } else if (error instanceof OutOfMemoryError) {
            failLocked(0, 0, why + error.getMessage());
        } else if (error != null) {
            failLocked(0, 0, error.toString());
        } else {
            failLocked(0, 0, why);
        }
    }

    /** A direct buffer of {@code capacity} octets holding {@code b}'s bytes (write mode in and out). */
    private static ByteBuffer grown(ByteBuffer b, int capacity) {
        return movedInto(b, ByteBuffer.allocateDirect(capacity));
    }

    /** {@code bigger}, holding {@code b}'s bytes (write mode in and out). */
    private static ByteBuffer movedInto(ByteBuffer b, ByteBuffer bigger) {
        b.flip();
        bigger.put(b);
        return bigger;
    }

    /**
     * A new direct buffer for {@link #in} or {@link #out} to grow into, or null if the JVM has no direct memory for
     * it: growing is only for speed, so the connection goes on with its small buffers, and stops asking (the JVM
     * waits for the collector before it refuses, up to half a second). The refusal used to escape: on the I/O
     * thread it left the connection stuck, and on a socket thread writing for the engine it came out of a send that
     * had already queued its message.
     */
    private ByteBuffer bigger(int capacity) {
        try {
            return ByteBuffer.allocateDirect(capacity);
        } catch (OutOfMemoryError e) {
            stayingSmall = true;
            return null;
        }
    }

    /** Decodes what {@link #in} holds (write mode on entry and exit). */
    private void process() {
        in.flip();
        try {
            if (state == GREETING) {
                readGreeting();
            }
            if (state == HANDSHAKE || state == ACTIVE) {
                cancelHeartbeatTimeout();
                boolean refused = decoder.decode(in, this);
                if (refused) {
                    stopInput();
                }
            }
        } catch (HandshakeFailure | ZmtpException e) {
            failInput(e, null);
        } catch (OutOfMemoryError e) {
            // A body larger than the heap can hold (a peer may announce up to 2 GiB when MAXMSGSIZE is -1): as
            // libzmq's ENOMEM from its decoder, the connection ends and the rest of the socket goes on.
            failInput(e, "out of memory decoding from the connection: ");
        } finally {
            if (wroteToPipe) {
                wroteToPipe = false;
                pipe.flush();
            }
            if (state != CLOSED) {
                in.compact();
            }
        }
    }

    /** libzmq's Peer-Address: the peer's IP without port; empty for ipc. */
    static String peerIp(String remote) {
        if (!remote.startsWith("tcp://")) {
            return "";
        }
        String h = remote.substring(6, remote.lastIndexOf(':'));
        return h.startsWith("[") ? h.substring(1, h.length() - 1) : h;
    }

    /** Ends the connection for {@code e}: the handshake's event, or after it DISCONNECTED only (unless reported). */
    private void protocolFailure(ZmtpException e, boolean reportedWhenActive) {
        if (e instanceof AuthFailedException) {
            fail(MonitorEvents.HANDSHAKE_FAILED_AUTH, ((AuthFailedException) e).status(), e.getMessage());
            return;
        }
        if (e instanceof NoZapHandlerException) {
            fail(MonitorEvents.HANDSHAKE_FAILED_NO_DETAIL, 14 /* EFAULT, as libzmq */, e.getMessage());
            return;
        }
        if (e instanceof HandshakeRejectedException) {
            int status = ((HandshakeRejectedException) e).authStatus();
            if (status != 0) {
                fail(MonitorEvents.HANDSHAKE_FAILED_AUTH, status, e.getMessage());
                return;
            }
        }
        boolean report = state != ACTIVE || reportedWhenActive;
        fail(report ? MonitorEvents.HANDSHAKE_FAILED_PROTOCOL : 0, e.protocolError(), e.getMessage());
    }

    private void readGreeting() throws ZmtpException {
        while (in.hasRemaining() && greeting.hasRemaining()) {
            greeting.put(in.get());
        }
        int have = greeting.position();
        if (Greeting.isNotZmtp3Signature(greeting, Math.min(have, Greeting.SIGNATURE_SIZE))) {
            throw new ZmtpException(ProtocolErrors.ZMTP_UNSPECIFIED, "peer is not a ZMTP 3 peer (bad signature)");
        }
        if (greeting.hasRemaining()) {
            return;
        }
        greeting.flip();
        Greeting g = Greeting.parse(greeting);
        if (!g.mechanism().equals(mechanism.name())) {
            // 37/ZMTP 3.1: "If the mechanism that the peer received does not exactly match the mechanism it sent,
            // it MUST close the connection."
            throw new ZmtpException(ProtocolErrors.ZMTP_MECHANISM_MISMATCH,
                    "peer mechanism " + g.mechanism() + " does not match " + mechanism.name());
        }
        peerUsesCommands = g.major() > 3 || g.minor() >= 1;
        decoder = new FrameDecoder(options.maxMsgSize, arrays::allocate);
        state = HANDSHAKE;
        advanceHandshake();
    }

    /** Sends what the mechanism has to say and acts on its status. */
    private void advanceHandshake() throws ZmtpException {
        byte[] cmd;
        while ((cmd = mechanism.nextCommand()) != null) {
            int needed = FrameEncoder.LONG_HEADER_SIZE + cmd.length;
            if (out.remaining() < needed) {
                useOut(grown(out, Math.max(OUT_BATCH, out.position() + needed)));
            }
            FrameEncoder.writeFrame(out, FrameEncoder.COMMAND, cmd, 0, cmd.length);
        }
        flushOut();
        switch (mechanism.status()) {
            case READY:
                if (state == HANDSHAKE) {
                    handshakeDone();
                }
                break;
            case ERROR:
                throw mechanism.failure();
            default:
                break;
        }
    }

    /** The mechanism finished an asynchronous step (a ZAP reply): continue the handshake. */
    private void resumeHandshake() {
        lock.lock();
        try {
            resumeHandshakeLocked();
        } finally {
            lock.unlock();
        }
    }

    private void resumeHandshakeLocked() {
        if (state != HANDSHAKE) {
            return;
        }
        try {
            advanceHandshake();
        } catch (ZmtpException e) {
            protocolFailure(e, false);
            return;
        }
        if (state == ACTIVE && in.position() > 0) {
            process(); // messages that arrived while we waited
        }
    }

    @Override
    public boolean frame(byte[] body, int flags) {
        if (state == ACTIVE) {
            if (encrypted) {
                // A refused frame is offered again: decrypt only what the pipe can take, so that the mechanism
                // never sees a MESSAGE twice (its nonce would then look replayed).
                if (!inMessage && !pipe.checkWrite()) {
                    return false;
                }
                try {
                    // The frame's own flags do not count: libzmq 4.3 sends MESSAGE with flags 0 and carries MORE
                    // and COMMAND inside the box.
                    if (body.length <= 1 || body.length <= (body[0] & 0xFF)) {
                        throw new ZmtpException(ProtocolErrors.ZMTP_MALFORMED_COMMAND_UNSPECIFIED,
                                "a frame on an encrypted connection that is not a command");
                    }
                    if (!Command.is(body, "MESSAGE")) {
                        throw new ZmtpException(ProtocolErrors.ZMTP_UNEXPECTED_COMMAND,
                                "a command other than MESSAGE on an encrypted connection");
                    }
                    byte[] box = body;
                    body = mechanism.decode(box);
                    flags = mechanism.decodedFlags();
                    arrays.discard(box); // the decoder's array, read by nobody else
                } catch (ZmtpException e) {
                    // As libzmq's CURVE decode: the handshake's event even after the handshake.
                    throw new HandshakeFailure(e, true);
                }
            }
            if ((flags & FrameEncoder.COMMAND) != 0) {
                if (inputOnCaller) {
                    // Refused, so offered again to the I/O thread, which answers PINGs and keeps the timers.
                    inputForIoThread = true;
                    return false;
                }
                return command(body);
            }
            return dataToPipe(body, null, flags);
        }
        if (state != HANDSHAKE) {
            return false;
        }
        try {
            if ((flags & FrameEncoder.COMMAND) == 0) {
                throw new ZmtpException(ProtocolErrors.ZMTP_UNEXPECTED_COMMAND, "message before handshake completed");
            }
            mechanism.processCommand(body);
            advanceHandshake();
            return true;
        } catch (ZmtpException e) {
            throw new HandshakeFailure(e);
        }
    }

    /** A large data frame read into a direct buffer (after the handshake, unencrypted: see {@link #handshakeDone}). */
    @Override
    public boolean directFrame(ByteBuffer body, int flags) {
        return dataToPipe(null, body, flags);
    }

    /**
     * Writes a data frame's body, {@code array} or else {@code direct}, to the pipe if its message may start; false
     * if the pipe is full. The body is a fresh (or recycled) one that only this pipe will hold.
     */
    private boolean dataToPipe(byte[] array, ByteBuffer direct, int flags) {
        if (!inMessage && !pipe.checkWrite()) {
            return false;
        }
        int pipeFlags = (flags & Pipe.MORE) | Pipe.RECYCLABLE;
        if (direct != null) {
            pipe.write(direct, pipeFlags);
        } else {
            pipe.write(array, pipeFlags);
        }
        inMessage = (flags & Pipe.MORE) != 0;
        wroteToPipe = true;
        return true;
    }

    /**
     * Carries a protocol error out of the decoder's sink callback. {@code reportedWhenActive}:
     * HANDSHAKE_FAILED_PROTOCOL even after the handshake (a CURVE MESSAGE that cannot be used), where other errors then
     * give DISCONNECTED only.
     */
    private static final class HandshakeFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final boolean reportedWhenActive;

        HandshakeFailure(ZmtpException cause) {
            this(cause, false);
        }

        HandshakeFailure(ZmtpException cause, boolean reportedWhenActive) {
            super(cause);
            this.reportedWhenActive = reportedWhenActive;
        }
    }

    private void handshakeDone() {
        if (handshakeTimer != null) {
            handshakeTimer.cancel();
            handshakeTimer = null;
        }
        state = ACTIVE;
        encrypted = mechanism.encryptsMessages();
        callerMayEnter = !encrypted; // an encrypting mechanism's state stays on the I/O thread
        Map<String, byte[]> props = mechanism.peerProperties();
        events.event(MonitorEvents.HANDSHAKE_SUCCEEDED, 0, endpoint, remoteAddress);
        pipe = session.engineReady(this, props);
        if (pipe == null) {
            return;
        }
        pipe.writerArrays = arrays;
        if (!encrypted) {
            // Large bodies: the kernel reads them into direct buffers, and the socket's thread copies them into
            // arrays (Pipe#read), so this thread, which also does the kernel's copies, makes none of its own. With
            // no direct memory to spare the pool gives null, and the body is read into an array as before.
            decoder.directBodies(n -> ArrayPool.directable(n) ? arrays.allocateDirect(n) : null);
        }
        startHeartbeats();
        pulling = false;
        restartOutput();
    }

    private boolean command(byte[] body) {
        if (Command.is(body, Command.PING)) {
            try {
                int ttl = Command.pingTtl(body);
                if (ttl > 0 && pingTtlTimer == null) {
                    // 37/ZMTP 3.1: consider the connection dead "If it receives a PING command with a non-zero TTL
                    // and then does not receive any further traffic within that TTL" (deciseconds), as libzmq does.
                    pingTtlTimer = io.schedule(ttl * 100L, () -> fail(0, 0, "no traffic within the peer's PING TTL"));
                }
                byte[] pong = Command.pong(Command.pingContext(body));
                sendCommand(pong);
            } catch (ZmtpException e) {
                throw new HandshakeFailure(e);
            }
        } else if (Command.is(body, Command.SUBSCRIBE) || Command.is(body, Command.CANCEL)) {
            if (!acceptsSubscriptions) {
                return true;
            }
            if (!inMessage && !pipe.checkWrite()) {
                return false;
            }
            int off = Command.dataOffset(body);
            byte[] sub = new byte[body.length - off + 1];
            sub[0] = (byte) (Command.is(body, Command.SUBSCRIBE) ? 1 : 0);
            System.arraycopy(body, off, sub, 1, body.length - off);
            pipe.write(sub, 0);
            wroteToPipe = true;
        } else if (Command.is(body, Command.ERROR)) {
            String reason;
            try {
                reason = Command.errorReason(body);
            } catch (ZmtpException e) {
                reason = "malformed ERROR";
            }
            throw new HandshakeFailure(new HandshakeRejectedException(reason));
        }
        // 37/ZMTP 3.1 PONG needs no answer; unknown commands are ignored.
        return true;
    }

    private void stopInput() {
        inputStopped = true;
        updateInterest();
    }

    /** The pipe has room again: decode what is buffered, then read again. */
    public void restartInput() {
        lock.lock();
        try {
            if (!inputStopped || state != ACTIVE) {
                return;
            }
            if (failureDeferred) {
                Throwable error = deferredError;
                String why = deferredWhy;
                failureDeferred = false;
                deferredError = null;
                deferredWhy = null;
                endInput(error, why);
                return;
            }
            inputStopped = false;
            process();
            if (state != CLOSED && !inputStopped) {
                updateInterest();
                onReadable();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Socket thread, whose read of the pipe has just made room after this engine found it full: if nothing else
     * holds the engine, decodes what is buffered and reads on from the connection right here, until the pipe is
     * full again. True if that happened (or there was nothing to restart); false if the caller must still hand over
     * to the I/O thread ({@link #restartInput}), which then goes on: when the connection has nothing more to read
     * now (the I/O thread waits for it), when a command arrives (the I/O thread answers it and keeps the timers),
     * when the connection fails (the I/O thread ends it), and while a heartbeat or PING TTL timer runs (incoming
     * traffic cancels it on the I/O thread).
     */
    public boolean restartInputFromCaller() {
        if (!callerMayEnter || !lock.tryLock()) {
            return false;
        }
        try {
            if (state != ACTIVE || !inputStopped) {
                return true;
            }
            if (failureDeferred || heartbeatTimeoutTimer != null || pingTtlTimer != null) {
                return false;
            }
            inputOnCaller = true;
            boolean goesOn = false;
            try {
                inputStopped = false;
                process();
                if (!inputStopped) {
                    onReadable(); // without waiting: the channel is non-blocking, so an interrupt cannot close it
                }
                // The pipe full again: the next read that makes room comes back here.
                goesOn = inputStopped && !inputForIoThread;
                return goesOn;
            } finally {
                inputOnCaller = false;
                inputForIoThread = false;
                if (!goesOn) {
                    inputStopped = true; // as it was, with no OP_READ interest, until the I/O thread restarts it
                }
            }
        } finally {
            lock.unlock();
        }
    }

    // ---------------------------------------------------------------- output

    /** The pipe has messages: pull and write them (also what a socket thread's write left over). */
    public void restartOutput() {
        lock.lock();
        try {
            if (state != ACTIVE) {
                return;
            }
            pulling = true;
            writeLoop();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Socket thread, having just woken this engine's sleeping pipe reader: if the connection's output is idle and
     * nothing else holds the engine, pulls the pipe and writes right here. True if everything went out; false if
     * the caller must still hand over to the I/O thread ({@link #restartOutput}), which then finishes the job.
     */
    public boolean writeFromCaller() {
        if (!callerMayEnter || !lock.tryLock()) {
            return false;
        }
        try {
            if (state != ACTIVE || pulling || writing || closeWhenFlushed || hasPendingBytes()
                    || System.nanoTime() - lastWriteNanos < IDLE_NANOS || !Waits.claimFirstSinceWait()) {
                return false;
            }
            pulling = true;
            fill();
            return writePending(false) && !hasPendingBytes() && !pulling;
        } finally {
            lock.unlock();
        }
    }

    private void writeLoop() {
        while (state != CLOSED) {
            if (out.position() < writeChunk) { // less than a write's worth (what a chunked write left): top it up
                if (pendingBody != null || (pulling && state == ACTIVE)) {
                    fill();
                }
                if (!hasPendingBytes()) {
                    if (writing) {
                        writing = false;
                        updateInterest();
                    }
                    if (closeWhenFlushed) {
                        close();
                        session.engineDrained(this);
                    }
                    return;
                }
            }
            if (!writePending(true)) {
                if (!writing) {
                    writing = true;
                    updateInterest();
                }
                return;
            }
        }
    }

    private boolean hasPendingBytes() {
        return out.position() > 0 || pendingBody != null;
    }

    /**
     * Copies the rest of a pending body, then encodes frames from the pipe, into the output buffer until it is full.
     */
    private void fill() {
        if (pendingBody != null && !copyPendingBody()) {
            return;
        }
        if (!pulling || state != ACTIVE) {
            return;
        }
        while (out.remaining() >= FrameEncoder.LONG_HEADER_SIZE + 1) {
            byte[] frame = pipe.read();
            if (frame == null) {
                // Empty (the pipe now waits to wake us) or ended (the session hears of it).
                pulling = false;
                outFilledUp = false;
                return;
            }
            outFilledUp = true; // unless the loop ends on an empty pipe
            int flags = pipe.flags();
            outMidMessage = (flags & Pipe.MORE) != 0;
            byte[] body = frame;
            int wireFlags = flags & Pipe.MORE;
            if ((flags & Pipe.SUBSCRIPTION) != 0 && peerUsesCommands && frame.length > 0) {
                // 37/ZMTP 3.1: subscriptions travel as SUBSCRIBE and CANCEL commands.
                body = Command.encode(frame[0] == 1 ? Command.SUBSCRIBE : Command.CANCEL, frame, 1, frame.length - 1);
                wireFlags = FrameEncoder.COMMAND;
            }
            if (encrypted) {
                body = mechanism.encode(body, wireFlags);
                wireFlags = 0; // a MESSAGE goes out as a plain frame with flags 0, as libzmq 4.3 sends it
            }
            boolean recyclable = (flags & Pipe.RECYCLABLE) != 0;
            if (recyclable && body != frame) {
                arrays.recycle(frame, pipe); // encoded into a new array
                recyclable = false;
            }
            FrameEncoder.writeHeader(out, wireFlags, body.length);
            if (body.length <= out.remaining()) {
                out.put(body);
                if (recyclable) {
                    arrays.recycle(body, pipe);
                }
            } else {
                pendingBody = body;
                pendingOffset = 0;
                pendingRecyclable = recyclable;
                if (!copyPendingBody()) {
                    return;
                }
            }
        }
    }

    /** Copies as much of the pending body as fits; true once all of it is in the output buffer. */
    private boolean copyPendingBody() {
        byte[] body = pendingBody;
        int n = Math.min(out.remaining(), body.length - pendingOffset);
        out.put(body, pendingOffset, n);
        pendingOffset += n;
        if (pendingOffset < body.length) {
            outFilledUp = true;
            return false;
        }
        pendingBody = null;
        if (pendingRecyclable) {
            arrays.recycle(body, pipe);
        }
        return true;
    }

    /**
     * Writes buffered bytes, at most {@link #writeChunk} of them; false if the channel could not take all it was
     * offered. An error fails the connection on the I/O thread ({@code onIoThread}); a socket thread leaves the bytes
     * for the I/O thread, whose write fails again.
     */
    private boolean writePending(boolean onIoThread) {
        lastWriteNanos = System.nanoTime();
        out.flip();
        int end = out.limit();
        if (end > writeChunk) {
            out.limit(writeChunk);
        }
        try {
            channel.write(out);
        } catch (IOException e) {
            out.limit(end);
            if (!onIoThread) {
                out.compact();
                return false;
            }
            out.clear();
            pendingBody = null;
            fail(0, 0, e.toString());
            return false;
        }
        boolean tookAll = !out.hasRemaining();
        out.limit(end);
        out.compact();
        if (outFilledUp && out.position() == 0 && out.capacity() < OUT_BATCH && !stayingSmall) {
            ByteBuffer bigger = bigger(OUT_BATCH); // traffic fills the small buffer: batch more per write
            if (bigger != null) {
                useOut(bigger);
            }
        }
        outFilledUp = false;
        return tookAll;
    }

    /** Makes {@code b} the output buffer; a large one is offered to the channel in whole segments. */
    private void useOut(ByteBuffer b) {
        out = b;
        writeChunk = b.capacity() <= SMALL_BATCH ? b.capacity() : SegmentSize.writeChunk(channel, b.capacity());
    }

    private void sendCommand(byte[] command) {
        if (pendingBody != null) {
            // Mid-frame: a command now would land inside the body. Traffic is flowing, which the peer's heartbeat
            // timeout counts as much as a PONG, and the next PING comes a heartbeat interval later.
            return;
        }
        byte[] body = encrypted ? mechanism.encode(command, FrameEncoder.COMMAND) : command;
        if (out.remaining() < FrameEncoder.LONG_HEADER_SIZE + body.length) {
            if (!writePending(true) || out.remaining() < FrameEncoder.LONG_HEADER_SIZE + body.length) {
                return; // output is backed up; a dropped PONG is harmless
            }
        }
        FrameEncoder.writeFrame(out, encrypted ? 0 : FrameEncoder.COMMAND, body, 0, body.length);
        flushOut();
    }

    private void flushOut() {
        if (!writing && state != CLOSED) {
            writeLoop();
        }
    }

    private void updateInterest() {
        if (key == null || !key.isValid()) {
            return;
        }
        int ops = (inputStopped ? 0 : SelectionKey.OP_READ) | (writing ? SelectionKey.OP_WRITE : 0);
        try {
            key.interestOps(ops);
        } catch (CancelledKeyException e) {
            // closing
        }
    }

    // ---------------------------------------------------------------- heartbeats (37/ZMTP 3.1 PING/PONG)

    private void startHeartbeats() {
        if (options.heartbeatIvl > 0) {
            heartbeatTimer = io.schedule(options.heartbeatIvl, this::heartbeat);
        }
    }

    private void heartbeat() {
        lock.lock();
        try {
            heartbeatLocked();
        } finally {
            lock.unlock();
        }
    }

    private void heartbeatLocked() {
        if (state != ACTIVE) {
            return;
        }
        sendCommand(Command.ping(Math.min(0xFFFF, options.heartbeatTtl / 100), new byte[0]));
        heartbeatTimer = io.schedule(options.heartbeatIvl, this::heartbeat);
        if (heartbeatTimeoutTimer == null) {
            int timeout = options.heartbeatTimeout >= 0 ? options.heartbeatTimeout : options.heartbeatIvl;
            heartbeatTimeoutTimer = io.schedule(timeout, () -> fail(0, 0, "heartbeat timed out"));
        }
    }

    /** Incoming traffic (or closing): ends the wait for a PONG and the peer's PING TTL alike. */
    private void cancelHeartbeatTimeout() {
        if (heartbeatTimeoutTimer != null) {
            heartbeatTimeoutTimer.cancel();
            heartbeatTimeoutTimer = null;
        }
        if (pingTtlTimer != null) {
            pingTtlTimer.cancel();
            pingTtlTimer = null;
        }
    }

    // ---------------------------------------------------------------- ending

    /** The session's pipe is drained: close once what is buffered has been written. */
    public void closeWhenFlushed() {
        lock.lock();
        try {
            closeWhenFlushed = true;
            if (!hasPendingBytes()) {
                close();
                session.engineDrained(this);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Closes the connection without further events. */
    public void close() {
        lock.lock();
        try {
            closeLocked();
        } finally {
            lock.unlock();
        }
    }

    private void closeLocked() {
        if (state == CLOSED) {
            return;
        }
        state = CLOSED;
        callerMayEnter = false;
        if (handshakeTimer != null) {
            handshakeTimer.cancel();
        }
        if (heartbeatTimer != null) {
            heartbeatTimer.cancel();
        }
        cancelHeartbeatTimeout();
        if (key != null) {
            key.cancel();
        }
        try {
            channel.close();
        } catch (IOException e) {
            // nothing left to do with this connection
        }
        io.adjustLoad(-1);
    }

    /**
     * Ends the connection after an error: a handshake event if {@code event} is not 0, then DISCONNECTED, and the
     * session decides whether to reconnect.
     */
    private void fail(int event, long value, String why) {
        lock.lock();
        try {
            failLocked(event, value, why);
        } finally {
            lock.unlock();
        }
    }

    private void failLocked(int event, long value, String why) {
        if (state == CLOSED) {
            return;
        }
        boolean handshaking = state != ACTIVE;
        close();
        if (event != 0) {
            events.event(event, value, endpoint, remoteAddress);
        }
        events.event(MonitorEvents.DISCONNECTED, 0, endpoint, remoteAddress);
        if (inMessage && pipe != null) {
            pipe.rollback();
            inMessage = false;
        }
        if (outMidMessage && pipe != null) {
            // The rest of a message half sent is dropped, so the next connection starts on a message boundary.
            boolean more = true;
            while (more && pipe.read() != null) {
                more = (pipe.flags() & Pipe.MORE) != 0;
            }
            outMidMessage = false;
        }
        session.engineFailed(this, handshaking, why);
    }
}

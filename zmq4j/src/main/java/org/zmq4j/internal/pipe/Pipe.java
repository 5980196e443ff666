package org.zmq4j.internal.pipe;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import org.zmq4j.internal.concurrent.FrameQueue;

/**
 * One end of a bidirectional pipe between a socket and a session, or between two sockets (inproc).
 *
 * <p>Each end is used by one thread: its owner. Each direction is a {@link FrameQueue} holding frames as
 * {@code byte[]} with flag bits (or, written by an engine, a large body's direct buffer, which {@link #read()} copies
 * into an array on the reader's thread). The high-water mark counts complete messages, as libzmq's {@code pipe_t}: a
 * writer is full when {@code written - peerRead >= hwm}; the reader publishes its count every low-water-mark
 * ({@code (hwm + 1) / 2}) messages and wakes a writer that found the pipe full.
 *
 * <p>Ending: {@link #terminate()} puts a delimiter after the last message written and tells the peer's listener.
 * The peer reads every message before the delimiter (nothing queued is lost) and then reports the pipe as
 * ended to its own owner through {@link Listener#pipeTerminated}. Signals to the other end always go through the
 * other end's {@link Listener}, which moves them onto its owner's thread.
 *
 * <p>The two ends are allocated together and each is hot for a different thread, so each starts with 128 octets of
 * padding ({@link PipePad}) that keep its counters off the cache lines of the end before it.
 */
public final class Pipe extends PipePad {
    /** Flag bit: more frames of this message follow. */
    public static final int MORE = 1;
    /** Flag bit: a subscription frame (0x01/0x00 + topic) that 37/ZMTP 3.1 peers receive as SUBSCRIBE/CANCEL. */
    public static final int SUBSCRIPTION = 2;
    /**
     * Flag bit: this pipe holds the only reference to the frame's array, so whoever reads the frame may recycle the
     * array ({@link FrameArrays#recycle}) once it is done with the contents. Whoever writes one array to several
     * pipes must clear it.
     */
    public static final int RECYCLABLE = 4;
    private static final int DELIMITER = 1 << 30;

    private static final VarHandle WRITER_WAITING;

    static {
        try {
            WRITER_WAITING = MethodHandles.lookup().findVarHandle(Pipe.class, "writerWaiting", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Callbacks from the other end's thread; implementations hand them over to the owner's thread. */
    public interface Listener {
        /** The pipe has messages after its reader had found it empty. */
        void readActivated(Pipe pipe);

        /** The pipe accepts messages again after its writer had found it full. */
        void writeActivated(Pipe pipe);

        /** The other end ended the pipe (or this end reached its delimiter). */
        void pipeTerminated(Pipe pipe);

        /** The other end changed the pipe's limits: the owner calls {@link #applyRequestedHwms()} on its thread. */
        void hwmsChanged(Pipe pipe);
    }

    private final FrameQueue in;
    private final FrameQueue out;
    private Pipe peer;
    private final Listener listener;
    private int hwm;
    private int lwm;
    /** Limits the other end asked this one to adopt ({@link #setHwms}): this end's out HWM high, its in HWM low. */
    private volatile long requestedHwms;

    private long msgsWritten;
    /**
     * The writer's copy of the peer's {@link #msgsReadPublished}, read again only when it says the pipe is full: that
     * field shares a cache line with the fields the reader updates every message, and reading it on every write cost
     * a cache miss per message.
     */
    private long peerReadSeen;
    private long msgsRead;
    /** Messages to read before publishing {@link #msgsRead} again (a count-down, not a division per message). */
    private int untilPublish;
    private volatile long msgsReadPublished;
    @SuppressWarnings("unused") // accessed through WRITER_WAITING
    private volatile int writerWaiting;

    private int readFlags;
    /**
     * A writer's wake-up that could not be sent when a read published the low-water mark (the heap refused what the
     * listener allocates for it): the frame went to the reader all the same, and the next read sends it first.
     */
    private boolean writeActivationOwed;
    private volatile int peerLinger = Integer.MIN_VALUE;
    private boolean terminated;
    private boolean peerTerminated;
    private boolean delimiterReached;
    private boolean finished;

    /**
     * An inproc pipe's limits add the peer socket's HWMs to its owner's (libzmq's HWM boost): the peer's SNDHWM and
     * RCVHWM when the pipe was made, kept here for changes of the owner's; -1 for a connection's pipe, whose limits
     * are the owner's alone.
     */
    public volatile int peerSndHwm = -1;
    public volatile int peerRcvHwm = -1;
    /** Data the owner keeps with this end: routing id, peer properties, strategy slots. */
    public byte[] routingId;
    public Object peerProperties;
    public Object attachment;
    /** This end's index in its socket's inbound routing list (fair queue), kept by that list; -1 if none. */
    public int inSlot = -1;
    /** This end's index in its socket's outbound routing list (load balancer, distributor); -1 if none. */
    public int outSlot = -1;
    /** Set on inproc pipes: frames go to the application without a copy, so fan-out must copy. */
    public boolean deliversToApp;
    /** The owner's activation commands, made once by its {@link Listener} on the signalling thread and reused. */
    public Runnable readActivation;
    public Runnable writeActivation;
    /**
     * The owner's arrays: small arrays the reader gave back come out of {@link #write} into them, and {@link #read()}
     * takes the arrays of frames that came in direct buffers from them.
     */
    public FrameArrays writerArrays;

    private Pipe(FrameQueue in, FrameQueue out, Listener listener, int hwm) {
        this.in = in;
        this.out = out;
        this.listener = listener;
        this.hwm = hwm;
    }

    /**
     * Creates a pipe; {@code hwmA} limits messages queued from A to B, {@code hwmB} from B to A (0 = none).
     *
     * @return the two ends, A first
     */
    public static Pipe[] pair(Listener a, int hwmA, Listener b, int hwmB) {
        FrameQueue ab = new FrameQueue();
        FrameQueue ba = new FrameQueue();
        Pipe pa = new Pipe(ba, ab, a, hwmA);
        Pipe pb = new Pipe(ab, ba, b, hwmB);
        pa.peer = pb;
        pb.peer = pa;
        pa.lwm = lwm(hwmB);
        pb.lwm = lwm(hwmA);
        pa.untilPublish = pa.lwm;
        pb.untilPublish = pb.lwm;
        return new Pipe[] {pa, pb};
    }

    /** An inproc direction's limit: the two sockets' HWMs added, or none if either has none (as libzmq). */
    public static int sumHwms(int a, int b) {
        return a == 0 || b == 0 ? 0 : a + b;
    }

    private static int lwm(int hwm) {
        return hwm > 0 ? (hwm + 1) / 2 : 1024;
    }

    public Listener listener() {
        return listener;
    }

    // ---- limits (owner thread) ----

    /**
     * Changes the limits of a live pipe, as a change of SNDHWM or RCVHWM does in libzmq ("take effect immediately"):
     * {@code outHwm} for the messages this end writes, {@code inHwm} for those it reads (0 = none). The other end
     * adopts them on its own thread after {@link Listener#hwmsChanged}; until then its writer keeps the old limit.
     */
    public void setHwms(int outHwm, int inHwm) {
        applyHwms(outHwm, inHwm);
        peer.requestedHwms = ((long) inHwm << 32) | (outHwm & 0xFFFF_FFFFL);
        peer.listener.hwmsChanged(peer);
    }

    /**
     * An inproc pipe that a connect made before anything was bound: the binder's thread, this end's owner from now
     * on, replaces the limits guessed from the connecting socket alone by the two sockets' sums (as libzmq does once
     * the binder binds), and each end keeps the other socket's HWMs for later changes.
     */
    public void setBinderHwms(int binderSnd, int binderRcv, int connecterSnd, int connecterRcv) {
        peerSndHwm = connecterSnd;
        peerRcvHwm = connecterRcv;
        peer.peerSndHwm = binderSnd;
        peer.peerRcvHwm = binderRcv;
        setHwms(sumHwms(binderSnd, connecterRcv), sumHwms(connecterSnd, binderRcv));
    }

    /** Adopts the limits the other end set with {@link #setHwms}, the latest if it set several. */
    public void applyRequestedHwms() {
        long r = requestedHwms;
        applyHwms((int) (r >>> 32), (int) r);
    }

    private void applyHwms(int outHwm, int inHwm) {
        hwm = outHwm;
        lwm = lwm(inHwm);
        untilPublish = Math.min(untilPublish, lwm);
        if (terminated) {
            return;
        }
        // The other end's writer may be held by a limit lower than before: publish what was read since the last
        // count, and wake it if it waits, so that it never waits for a count-down begun at the old low-water mark.
        if (msgsRead != msgsReadPublished) {
            msgsReadPublished = msgsRead;
            if ((int) WRITER_WAITING.getVolatile(peer) != 0 && WRITER_WAITING.compareAndSet(peer, 1, 0)) {
                peer.listener.writeActivated(peer);
            }
        }
        // This end's writer may have room under a higher limit: it tries again (and waits again if it has none).
        if ((int) WRITER_WAITING.getVolatile(this) != 0 && WRITER_WAITING.compareAndSet(this, 1, 0)) {
            listener.writeActivated(this);
        }
    }

    // ---- writing (owner thread) ----

    /** True if a message can be started now; false if the pipe is full (a write activation follows) or ended. */
    public boolean checkWrite() {
        if (terminated || peerTerminated) {
            return false;
        }
        if (hwm > 0 && msgsWritten - peerReadSeen >= hwm) {
            peerReadSeen = peer.msgsReadPublished;
            if (msgsWritten - peerReadSeen >= hwm) {
                WRITER_WAITING.setVolatile(this, 1);
                peerReadSeen = peer.msgsReadPublished;
                if (msgsWritten - peerReadSeen >= hwm) {
                    return false;
                }
                WRITER_WAITING.compareAndSet(this, 1, 0);
            }
        }
        return true;
    }

    /** Writes a frame after {@link #checkWrite()} allowed its message; call {@link #flush()} to publish. */
    public void write(byte[] frame, int flags) {
        writePayload(frame, flags);
    }

    /**
     * Writes a frame whose body is a direct buffer from {@link FrameArrays#allocateDirect} (position 0, limit the
     * size), given up for good: an engine's large frame, read by the kernel straight into it. The reader's
     * {@link #read()} copies it into an array on the reader's thread and recycles the buffer.
     */
    public void write(ByteBuffer frame, int flags) {
        writePayload(frame, flags);
    }

    private void writePayload(Object frame, int flags) {
        boolean last = (flags & MORE) == 0;
        Object back = out.write(frame, flags, last);
        if (back != null && writerArrays != null) {
            writerArrays.takeBack((byte[]) back);
        }
        if (last) {
            msgsWritten++;
        }
    }

    /** Drops the frames of the message being written. */
    public void rollback() {
        out.rollback();
    }

    /** Publishes complete messages, waking the reader if it sleeps. */
    public void flush() {
        if (!out.flush()) {
            peer.listener.readActivated(peer);
        }
    }

    // ---- reading (owner thread) ----

    /** True if a frame can be read now; otherwise the reader is marked asleep and a read activation follows. */
    public boolean checkRead() {
        payWriteActivation();
        if (terminated || delimiterReached) {
            return false;
        }
        if (!in.checkReadOrSleep()) {
            return false;
        }
        if ((in.peekFlags() & DELIMITER) != 0) {
            reachDelimiter();
            return false;
        }
        return true;
    }

    /**
     * The next frame, or null if none (then {@link #checkRead()} semantics apply); flags in {@link #flags()}. A frame
     * written as a direct buffer is copied into an array here, so the copy is the reader's work, not the writer's.
     * The array is allocated before the frame leaves the queue: if the heap refuses it, the OutOfMemoryError leaves
     * the frame where it was, and the next read returns it. (Taken first, it used to be lost, and with it its
     * message's atomicity.)
     */
    public byte[] read() {
        payWriteActivation();
        if (terminated || delimiterReached || !in.checkReadOrSleep()) {
            return null;
        }
        Object next = in.peek();
        if (!(next instanceof ByteBuffer)) {
            return (byte[]) take();
        }
        ByteBuffer b = (ByteBuffer) next;
        byte[] a = writerArrays.allocate(b.limit()); // a socket's end, the only one direct frames reach, has them
        take();
        b.get(0, a);
        writerArrays.recycle(b);
        return a;
    }

    /** Takes the next frame, which {@link FrameQueue#checkReadOrSleep()} found; null if it is the delimiter. */
    private Object take() {
        Object frame = in.read();
        int f = in.lastFlags();
        if ((f & DELIMITER) != 0) {
            delimiterReached = true;
            listener.pipeTerminated(this);
            return null;
        }
        readFlags = f;
        if ((f & MORE) == 0) {
            msgsRead++;
            if (--untilPublish == 0) {
                untilPublish = lwm;
                msgsReadPublished = msgsRead;
                if ((int) WRITER_WAITING.getVolatile(peer) != 0 && WRITER_WAITING.compareAndSet(peer, 1, 0)) {
                    try {
                        peer.listener.writeActivated(peer);
                    } catch (OutOfMemoryError e) {
                        // The frame has left the queue and must reach the reader; the wake-up is sent by the next
                        // read. (Thrown from here, the error used to lose the frame and leave the writer waiting.)
                        writeActivationOwed = true;
                    }
                }
            }
        }
        return frame;
    }

    /** Sends a wake-up {@link #take} owes the writer; if the heap refuses it again, nothing has been taken. */
    private void payWriteActivation() {
        if (writeActivationOwed) {
            peer.listener.writeActivated(peer);
            writeActivationOwed = false;
        }
    }

    private void reachDelimiter() {
        in.read();
        delimiterReached = true;
        listener.pipeTerminated(this);
    }

    /**
     * Gives the array of the frame {@link #read()} returned last back to this pipe's writer, once nothing refers to
     * it any more (the frame was {@link #RECYCLABLE}); the writer's next frames of that length may reuse it.
     */
    void giveBack(byte[] frame) {
        in.giveBack(frame);
    }

    /** Flags of the frame last returned by {@link #read()}. */
    public int flags() {
        return readFlags;
    }

    // ---- ending ----

    /** Ends this side: the peer still reads what was written before; this side reads nothing more. */
    public void terminate() {
        terminate(Integer.MIN_VALUE);
    }

    /**
     * Ends this side as {@link #terminate()}, telling the peer how long (LINGER, ms) it may keep delivering what
     * was written before the end; the peer reads it with {@link #peerLinger()}.
     */
    public void terminate(int linger) {
        if (terminated) {
            return;
        }
        peer.peerLinger = linger;
        terminated = true;
        finished = true;
        out.rollback();
        out.write(null, DELIMITER, true);
        if (!out.flush()) {
            // The flush took the reader's sleep mark: wake it, or complete messages written since the last flush
            // (an engine that fails mid-batch) would wait before the delimiter in a pipe nobody reads.
            peer.listener.readActivated(peer);
        }
        peer.listener.pipeTerminated(peer);
    }

    /**
     * Owner: handles a {@link Listener#pipeTerminated} notice. Returns true exactly once, when the pipe is
     * over for this side: ended here, or ended by the peer and everything before its delimiter has been read
     * (or {@code drain} is false, and unread messages are dropped).
     */
    public boolean onTerminated(boolean drain) {
        if (finished) {
            return false;
        }
        peerTerminated = true;
        if (drain && !delimiterReached) {
            if (in.hasData() && (in.peekFlags() & DELIMITER) == 0) {
                return false; // the reader drains first; reading the delimiter notifies again
            }
        }
        finished = true;
        terminated = true;
        return true;
    }

    /** LINGER passed by the peer's {@link #terminate(int)}, or {@code Integer.MIN_VALUE} if it gave none. */
    public int peerLinger() {
        return peerLinger;
    }

    /** The peer ended the pipe: no more writes are possible. */
    public boolean isPeerTerminated() {
        return peerTerminated;
    }

    public boolean isTerminated() {
        return terminated;
    }

    @Override
    public String toString() {
        return "Pipe[" + Integer.toHexString(System.identityHashCode(this)) + (terminated ? ",ended" : "") + "]";
    }
}

/** Padding laid out before a pipe end's own fields (superclass fields come first). */
abstract class PipePad {
    long p00, p01, p02, p03, p04, p05, p06, p07, p08, p09, p0a, p0b, p0c, p0d, p0e, p0f;
}

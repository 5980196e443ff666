package org.zmq4j.internal.socket;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.zmq4j.internal.concurrent.CommandQueue;
import org.zmq4j.internal.engine.Session;
import org.zmq4j.internal.engine.SocketPort;
import org.zmq4j.internal.pipe.FrameArrays;
import org.zmq4j.internal.pipe.Pipe;
import org.zmq4j.internal.transport.Endpoint;
import org.zmq4j.internal.transport.StreamConnecter;
import org.zmq4j.internal.transport.StreamListener;
import org.zmq4j.internal.transport.inproc.InprocRegistry;
import org.zmq4j.internal.util.EventSink;
import org.zmq4j.internal.util.Options;
import org.zmq4j.internal.util.ZmqError;

/**
 * The engine room every socket type extends: endpoints, the blocking send/receive loops, the command mailbox and
 * pipe bookkeeping (libzmq's {@code socket_base_t}). A socket type supplies routing through the {@code x…} hooks.
 *
 * <p>Threads: the API methods and every {@code x…} hook run on the one thread using the socket. Other threads
 * (I/O threads, inproc peers) reach it only by posting commands to its {@link CommandQueue}; the using thread runs
 * them on entry to each call and while it waits. After {@link #close()} late commands run on an I/O thread.
 */
public abstract class SocketBase implements SocketPort, Pipe.Listener, InprocRegistry.Peer {
    /** API flag: do not block (EAGAIN is a false/null result). */
    public static final int DONTWAIT = 1;
    /** API flag: more frames of this message follow. */
    public static final int SNDMORE = 2;

    private static final VarHandle IN_CALL;

    static {
        try {
            IN_CALL = MethodHandles.lookup().findVarHandle(SocketBase.class, "inCall", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    protected final Options options;
    protected final ContextCore ctx;
    private final CommandQueue mailbox = new CommandQueue();
    /** What a wait looks at after registering, so that a context ended just before is not missed (made once). */
    private final BooleanSupplier contextTerminated;
    private final List<Pipe> pipes = new ArrayList<>();
    private final Map<String, List<Object>> endpoints = new LinkedHashMap<>();
    private final Monitor monitor = new Monitor();
    /** Flags of the frame the type's {@link #xRecv()} returned ({@link Pipe#MORE}). */
    protected int recvFlags;
    private boolean rcvMore;
    private boolean closed;
    @SuppressWarnings("unused") // accessed through IN_CALL
    private volatile int inCall;

    /** Arrays of the frames this socket copies for sending, and of the frames it copies out on receiving. */
    private final FrameArrays arrays;

    protected SocketBase(ContextCore ctx, Options options) {
        this.ctx = ctx;
        this.options = options;
        this.arrays = new FrameArrays(ctx.io().arrays());
        this.contextTerminated = ctx::isTerminated;
    }

    // ================================================================ type hooks

    /** Takes a new pipe; {@code locallyInitiated} for connect-side pipes. */
    protected abstract void xAttachPipe(Pipe pipe, boolean locallyInitiated);

    /** Forgets a pipe that has ended. */
    protected abstract void xPipeTerminated(Pipe pipe);

    /** Sends a frame ({@code flags} = {@link Pipe#MORE}); false = would block (EAGAIN). */
    protected boolean xSend(byte[] frame, int flags) {
        throw new ZmqError(ZmqError.ENOTSUP, getClass().getSimpleName().toUpperCase() + " sockets cannot send");
    }

    /** Receives a frame and sets {@link #recvFlags}; null = would block. */
    protected byte[] xRecv() {
        throw new ZmqError(ZmqError.ENOTSUP, getClass().getSimpleName().toUpperCase() + " sockets cannot receive");
    }

    protected boolean xHasIn() {
        return false;
    }

    protected boolean xHasOut() {
        return false;
    }

    protected void xReadActivated(Pipe pipe) {}

    protected void xWriteActivated(Pipe pipe) {}

    /** A handshake completed behind an existing pipe; {@code reconnected} after the first time. */
    protected void xHiccuped(Pipe pipe, boolean reconnected) {}

    /** The pipe the last received frame came from, or null (for message properties). */
    protected Pipe xLastIn() {
        return null;
    }

    /** Type-specific option; false if the type does not know it. */
    protected boolean xSetOption(int option, Object value) {
        return false;
    }

    /** Type-specific option value, or null. */
    protected Object xGetOption(int option) {
        return null;
    }

    // ================================================================ commands from other threads

    @Override
    public final Pipe.Listener pipeListener() {
        return this;
    }

    @Override
    public final Options options() {
        return options;
    }

    @Override
    public final EventSink events() {
        return monitor;
    }

    @Override
    public final org.zmq4j.internal.security.ZapConnector zapConnector() {
        return ctx.zapConnector();
    }

    @Override
    public final void attachPipe(Pipe pipe) {
        mailbox.post(() -> attach(pipe, false));
    }

    @Override
    public final void attachInproc(Pipe pipe, String endpoint) {
        mailbox.post(() -> {
            if (!closed) {
                endpoints.computeIfAbsent(endpoint, k -> new ArrayList<>()).add(pipe);
            }
            attach(pipe, false);
        });
    }

    @Override
    public final void hiccup(Pipe pipe, Map<String, byte[]> props, boolean reconnected) {
        mailbox.post(() -> {
            pipe.peerProperties = props;
            if (!closed && !pipe.isTerminated()) {
                xHiccuped(pipe, reconnected);
            }
        });
    }

    /**
     * The other end's thread found this socket's reader asleep. The command is made once per pipe and reused, and
     * the mailbox ({@link org.zmq4j.internal.concurrent.TaskQueue}) takes it without allocating, so a wake-up
     * allocates nothing: it cannot be queued twice, as the reader sleeps again only after running it. (A race that
     * makes two is harmless: each is immutable.)
     */
    @Override
    public final void readActivated(Pipe pipe) {
        Runnable command = pipe.readActivation;
        if (command == null) {
            command = pipe.readActivation = whileOpen(pipe, this::xReadActivated);
        }
        mailbox.post(command);
    }

    /** The other end's thread made room for this socket's writer; as {@link #readActivated}, one command per pipe. */
    @Override
    public final void writeActivated(Pipe pipe) {
        Runnable command = pipe.writeActivation;
        if (command == null) {
            command = pipe.writeActivation = whileOpen(pipe, this::xWriteActivated);
        }
        mailbox.post(command);
    }

    /** A command that hands {@code pipe} to {@code action} unless the socket or the pipe has ended by then. */
    private Runnable whileOpen(Pipe pipe, Consumer<Pipe> action) {
        return () -> {
            if (!closed && !pipe.isTerminated()) {
                action.accept(pipe);
            }
        };
    }

    @Override
    public final void pipeTerminated(Pipe pipe) {
        mailbox.post(() -> onPipeTerminated(pipe));
    }

    @Override
    public final void hwmsChanged(Pipe pipe) {
        mailbox.post(whileOpen(pipe, Pipe::applyRequestedHwms));
    }

    private void attach(Pipe pipe, boolean locallyInitiated) {
        if (closed) {
            pipe.terminate(0);
            return;
        }
        pipes.add(pipe);
        pipe.writerArrays = arrays;
        xAttachPipe(pipe, locallyInitiated);
    }

    private void onPipeTerminated(Pipe pipe) {
        if (!pipe.onTerminated(!closed)) {
            return;
        }
        pipes.remove(pipe);
        forgetEndpointObject(pipe);
        if (!closed) {
            xPipeTerminated(pipe);
        }
    }

    /** A type drops a pipe it will not use (second PAIR peer, duplicate routing id). */
    protected final void dropPipe(Pipe pipe) {
        pipes.remove(pipe);
        forgetEndpointObject(pipe);
        pipe.terminate(0);
    }

    private void forgetEndpointObject(Object o) {
        for (List<Object> l : endpoints.values()) {
            l.remove(o);
        }
    }

    /** Runs queued commands; true if there were any. */
    public final boolean processCommands() {
        return mailbox.runAll();
    }

    // ================================================================ entry and waiting

    private void enter() {
        // Termination first: Context.close() closes the sockets it finds open, and a thread that was parked in a
        // Poller on one of them must still learn ETERM, not ENOTSOCK.
        if (ctx.isTerminated()) {
            throw new ZmqError(ZmqError.ETERM, "context was terminated");
        }
        if (closed) {
            throw new ZmqError(ZmqError.ENOTSOCK, "socket is closed");
        }
        IN_CALL.setVolatile(this, 1);
        if (ctx.isTerminated()) {
            IN_CALL.setRelease(this, 0);
            throw new ZmqError(ZmqError.ETERM, "context was terminated");
        }
    }

    private void exit() {
        IN_CALL.setRelease(this, 0);
    }

    /** Context: true while a thread is inside an API call of this socket. */
    final boolean isInCall() {
        return (int) IN_CALL.getVolatile(this) != 0;
    }

    /** Waits for a command until {@code deadline}; throws when interrupted or when the context ends. */
    private void await(long deadline) {
        if (Thread.currentThread().isInterrupted()) {
            throw new ZmqError(ZmqError.EINTR, "interrupted");
        }
        mailbox.await(deadline, contextTerminated);
        if (ctx.isTerminated()) {
            throw new ZmqError(ZmqError.ETERM, "context was terminated");
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new ZmqError(ZmqError.EINTR, "interrupted");
        }
    }

    /** Context termination: wakes a thread blocked in this socket. */
    final void wake() {
        mailbox.wakeWaiter();
    }

    /** Poller: the thread to wake when a command arrives (null to stop). */
    public final void setWaiter(Thread t) {
        mailbox.setWaiter(t);
    }

    /** Poller: true once the context has ended (looked at after {@link #setWaiter}, as the wait of a call does). */
    public final boolean isContextTerminated() {
        return ctx.isTerminated();
    }

    public final boolean hasPendingCommands() {
        return !mailbox.isEmpty();
    }

    private static long deadline(int timeoutMillis) {
        return timeoutMillis < 0 ? Long.MAX_VALUE : System.nanoTime() + timeoutMillis * 1_000_000L;
    }

    private static boolean expired(long deadline) {
        return deadline != Long.MAX_VALUE && System.nanoTime() - deadline >= 0;
    }

    // ================================================================ send and receive

    /** Sends one frame; false if it would block (DONTWAIT, or SNDTIMEO passed). */
    public final boolean send(byte[] frame, int flags) {
        return send(frame, flags, 0);
    }

    /** {@code pipeFlags}: {@link Pipe#RECYCLABLE} if the caller gives up {@code frame} for good. */
    private boolean send(byte[] frame, int flags, int pipeFlags) {
        enter();
        try {
            if (!mailbox.isEmpty()) {
                mailbox.runAll();
            }
            int f = ((flags & SNDMORE) != 0 ? Pipe.MORE : 0) | pipeFlags;
            if (xSend(frame, f)) {
                return true;
            }
            if ((flags & DONTWAIT) != 0 || options.sndTimeo == 0) {
                return false;
            }
            long deadline = deadline(options.sndTimeo);
            while (true) {
                await(deadline);
                mailbox.runAll();
                if (xSend(frame, f)) {
                    return true;
                }
                if (expired(deadline)) {
                    return false;
                }
            }
        } finally {
            exit();
        }
    }

    /**
     * Sends a copy of {@code data[offset, offset + length)} as {@link #send}. The copy's array is reused: it comes
     * back ({@link FrameArrays}) once written to the wire or copied out by a receiver's {@link #recv(ByteBuffer,
     * int)}.
     */
    public final boolean sendCopy(byte[] data, int offset, int length, int flags) {
        byte[] frame = arrays.allocate(length);
        System.arraycopy(data, offset, frame, 0, length);
        return sendRecyclable(frame, flags);
    }

    /** Sends a copy of the buffer's remaining octets (its position does not move) as {@link #sendCopy}. */
    public final boolean sendCopy(ByteBuffer data, int flags) {
        byte[] frame = arrays.allocate(data.remaining());
        data.get(data.position(), frame);
        return sendRecyclable(frame, flags);
    }

    private boolean sendRecyclable(byte[] frame, int flags) {
        boolean sent = send(frame, flags, Pipe.RECYCLABLE);
        if (!sent) {
            arrays.discard(frame);
        }
        return sent;
    }

    /** Sends {@code frame} itself (no copy), as {@link #send}: the caller gives the array up for good. */
    public final boolean sendOwned(byte[] frame, int flags) {
        return send(frame, flags, Pipe.RECYCLABLE);
    }

    /** An array of exactly {@code length} octets for the caller to fill, perhaps reused (old contents). */
    public final byte[] allocateFrame(int length) {
        return arrays.allocate(length);
    }

    /** True if the frame {@link #recv} returned last is held by nobody else, so it may be {@link #recycle}d. */
    public final boolean lastRecvRecyclable() {
        return (recvFlags & Pipe.RECYCLABLE) != 0;
    }

    /** Where the frame {@link #recv} returned last came from: what {@link #recycle} needs. */
    public final Object lastRecvOrigin() {
        return xLastIn();
    }

    /**
     * Reuses the array of a frame the caller received ({@link #lastRecvRecyclable}, with the origin it had then) or
     * allocated (origin null), and has finished with. A small one stays in this socket's cache while it has room
     * ({@link FrameArrays#recycle}); after that, a received one goes back to its pipe only if it came from this
     * socket (another socket's pipe belongs to another thread) and nothing was read from that pipe since, and is
     * otherwise left to the garbage collector.
     */
    public final void recycle(byte[] frame, Object origin) {
        if (origin == null) {
            arrays.discard(frame);
        } else {
            Pipe from = (Pipe) origin;
            arrays.recycle(frame, from.listener() == this ? from : null);
        }
    }

    /**
     * Receives one frame into {@code buffer} (as much as fits: libzmq's zmq_recv truncates); returns the frame's
     * full size, or -1 as {@link #recv} returns null. A recyclable frame's array goes back for reuse.
     */
    public final int recv(ByteBuffer buffer, int flags) {
        byte[] frame = recv(flags);
        if (frame == null) {
            return -1;
        }
        buffer.put(frame, 0, Math.min(frame.length, buffer.remaining()));
        if (lastRecvRecyclable()) {
            recycle(frame, xLastIn());
        }
        return frame.length;
    }

    /** Receives one frame; null if none came (DONTWAIT, or RCVTIMEO passed). */
    public final byte[] recv(int flags) {
        enter();
        try {
            if (!mailbox.isEmpty()) {
                mailbox.runAll();
            }
            byte[] frame = xRecv();
            if (frame == null && (flags & DONTWAIT) == 0 && options.rcvTimeo != 0) {
                long deadline = deadline(options.rcvTimeo);
                while (frame == null) {
                    await(deadline);
                    mailbox.runAll();
                    frame = xRecv();
                    if (frame == null && expired(deadline)) {
                        break;
                    }
                }
            }
            if (frame != null) {
                rcvMore = (recvFlags & Pipe.MORE) != 0;
            }
            return frame;
        } finally {
            exit();
        }
    }

    /**
     * A property of the connection the last frame came from (libzmq's zmq_msg_gets): Socket-Type, Identity,
     * Peer-Address, User-Id, ZAP metadata; null if unknown.
     */
    @SuppressWarnings("unchecked")
    public final byte[] lastPeerProperty(String name) {
        Pipe p = xLastIn();
        if (p == null || !(p.peerProperties instanceof Map)) {
            return null;
        }
        Map<String, byte[]> props = (Map<String, byte[]>) p.peerProperties;
        byte[] v = props.get(name);
        if (v == null && name.equalsIgnoreCase("Routing-Id")) {
            v = p.routingId;
        }
        return v;
    }

    /** All properties of the connection the last frame came from (case-insensitive names), or an empty map. */
    @SuppressWarnings("unchecked")
    public final Map<String, byte[]> lastPeerProperties() {
        Pipe p = xLastIn();
        if (p == null || !(p.peerProperties instanceof Map)) {
            return Map.of();
        }
        return java.util.Collections.unmodifiableMap((Map<String, byte[]>) p.peerProperties);
    }

    /** RCVMORE: the last frame received has more frames after it. */
    public final boolean hasMore() {
        return rcvMore;
    }

    /** EVENTS: bit 1 = a message can be received now, bit 2 = one can be sent now. */
    public final int pollEvents() {
        enter();
        try {
            mailbox.runAll();
            return (xHasIn() ? 1 : 0) | (xHasOut() ? 2 : 0);
        } finally {
            exit();
        }
    }

    // ================================================================ endpoints

    public final void bind(String uri) {
        enter();
        try {
            Endpoint ep = Endpoint.parse(uri);
            switch (ep.transport) {
                case "inproc":
                    ctx.inproc().bind(ep.address, this);
                    options.lastEndpoint = uri;
                    endpoints.computeIfAbsent(uri, k -> new ArrayList<>());
                    return;
                case "tcp": {
                    StreamListener l = StreamListener.bindTcp(ctx.io(), this, options.copy(), ep.address);
                    addEndpoint(uri, l);
                    return;
                }
                default: {
                    StreamListener l = StreamListener.bindIpc(ctx.io(), this, options.copy(), ep.address);
                    addEndpoint(uri, l);
                }
            }
        } finally {
            exit();
        }
    }

    private void addEndpoint(String uri, StreamListener l) {
        options.lastEndpoint = l.endpoint();
        endpoints.computeIfAbsent(uri, k -> new ArrayList<>()).add(l);
        if (!uri.equals(l.endpoint())) {
            endpoints.computeIfAbsent(l.endpoint(), k -> new ArrayList<>()).add(l);
        }
    }

    public final void connect(String uri) {
        enter();
        try {
            Endpoint ep = Endpoint.parse(uri);
            if (ep.transport.equals("inproc")) {
                Pipe p = ctx.inproc().connect(ep.address, this);
                endpoints.computeIfAbsent(uri, k -> new ArrayList<>()).add(p);
                options.lastEndpoint = uri;
                attach(p, true);
                return;
            }
            Options o = options.copy();
            Session s = new Session(ctx.io().choose(), ctx.io(), this, o, true, uri);
            StreamConnecter c;
            try {
                c = ep.transport.equals("tcp") ? StreamConnecter.tcp(s, o, monitor, ep.address)
                        : StreamConnecter.ipc(s, o, monitor, ep.address);
            } catch (RuntimeException e) {
                s.terminate();
                throw e;
            }
            s.setConnector(c);
            if (!o.immediate) {
                attach(s.createPipe(), true);
            }
            endpoints.computeIfAbsent(uri, k -> new ArrayList<>()).add(s);
            options.lastEndpoint = uri;
            s.ioThread().execute(s::startConnecting);
        } finally {
            exit();
        }
    }

    public final void unbind(String uri) {
        enter();
        try {
            mailbox.runAll();
            Endpoint ep = Endpoint.parse(uri);
            List<Object> objs = endpoints.remove(uri);
            if (ep.transport.equals("inproc")) {
                if (!ctx.inproc().unbind(ep.address, this)) {
                    throw new ZmqError(ZmqError.ENOENT, "not bound: " + uri);
                }
                terminateInprocPipes(objs);
                return;
            }
            if (objs == null || objs.stream().noneMatch(o -> o instanceof StreamListener)) {
                throw new ZmqError(ZmqError.ENOENT, "not bound: " + uri);
            }
            for (Object o : objs) {
                if (o instanceof StreamListener) {
                    StreamListener l = (StreamListener) o;
                    endpoints.values().forEach(list -> list.remove(l));
                    l.terminate(true);
                }
            }
        } finally {
            exit();
        }
    }

    public final void disconnect(String uri) {
        enter();
        try {
            mailbox.runAll();
            Endpoint ep = Endpoint.parse(uri);
            List<Object> objs = endpoints.get(uri);
            if (objs == null || objs.stream().anyMatch(o -> o instanceof StreamListener)
                    || (ep.transport.equals("inproc") && objs.isEmpty())) {
                throw new ZmqError(ZmqError.ENOENT, "not connected: " + uri);
            }
            endpoints.remove(uri);
            if (ep.transport.equals("inproc")) {
                ctx.inproc().cancelPending(ep.address, this);
                terminateInprocPipes(objs);
                return;
            }
            for (Object o : objs) {
                Session s = (Session) o;
                for (Pipe p : new ArrayList<>(pipes)) {
                    if (p.attachment == s) {
                        terminateOwnPipe(p);
                    }
                }
                s.closeIfNoPipe();
            }
        } finally {
            exit();
        }
    }

    private void terminateInprocPipes(List<Object> objs) {
        if (objs == null) {
            return;
        }
        for (Object o : objs) {
            if (o instanceof Pipe) {
                terminateOwnPipe((Pipe) o);
            }
        }
    }

    private void terminateOwnPipe(Pipe p) {
        if (pipes.remove(p)) {
            p.terminate(options.linger);
            xPipeTerminated(p);
        }
    }

    // ================================================================ options

    public final void setOption(int option, Object value) {
        enter();
        try {
            if (xSetOption(option, value)) {
                return;
            }
            OptionSetter.apply(options, option, value);
            if (option == Sockopt.SNDHWM || option == Sockopt.RCVHWM) {
                updatePipeHwms();
            }
        } finally {
            exit();
        }
    }

    /**
     * zmq_setsockopt(3) lists SNDHWM and RCVHWM among the options that take effect at once: like libzmq, the
     * socket's live pipes take the new limits (inproc ones add the peer socket's HWMs, as when they were made).
     * Connections made later take them from the options copied at bind or connect time, as in libzmq.
     */
    private void updatePipeHwms() {
        mailbox.runAll(); // pipes already handed to this socket join first
        for (Pipe p : pipes) {
            int out = p.peerRcvHwm < 0 ? options.sndHwm : Pipe.sumHwms(options.sndHwm, p.peerRcvHwm);
            int in = p.peerSndHwm < 0 ? options.rcvHwm : Pipe.sumHwms(p.peerSndHwm, options.rcvHwm);
            p.setHwms(out, in);
        }
    }

    public final Object getOption(int option) {
        enter();
        try {
            mailbox.runAll();
            switch (option) {
                case Sockopt.RCVMORE:
                    return rcvMore;
                case Sockopt.EVENTS:
                    return (xHasIn() ? 1 : 0) | (xHasOut() ? 2 : 0);
                default:
                    Object v = xGetOption(option);
                    return v != null ? v : OptionSetter.get(options, option);
            }
        } finally {
            exit();
        }
    }

    // ================================================================ monitor

    /** Starts (or with a null endpoint stops) sending events in {@code mask} to a PAIR bound at {@code endpoint}. */
    public final void monitor(String endpoint, int mask) {
        enter();
        try {
            monitor.stop();
            if (endpoint == null) {
                return;
            }
            Endpoint ep = Endpoint.parse(endpoint);
            if (!ep.transport.equals("inproc")) {
                throw new ZmqError(ZmqError.EPROTONOSUPPORT, "monitor endpoints must be inproc://");
            }
            SocketBase pair = ctx.createSocket(org.zmq4j.internal.util.SocketTypes.PAIR);
            try {
                pair.setOption(Sockopt.LINGER, 0);
                pair.bind(endpoint);
            } catch (RuntimeException e) {
                pair.close();
                throw e;
            }
            monitor.start(pair, mask);
        } finally {
            exit();
        }
    }

    /** Delivers events to {@code listener} as well (typed in-process listener); null removes it. */
    public final void setEventListener(EventSink listener) {
        monitor.listener = listener;
    }

    // ================================================================ close

    /** Closes the socket: pipes end (what they hold is delivered within LINGER), endpoints close. */
    public final synchronized void close() {
        if (closed) {
            return;
        }
        mailbox.runAll();
        closed = true;
        int linger = options.linger;
        for (Pipe p : pipes) {
            p.terminate(linger);
        }
        pipes.clear();
        for (List<Object> objs : endpoints.values()) {
            for (Object o : objs) {
                if (o instanceof StreamListener) {
                    ((StreamListener) o).terminate(false);
                } else if (o instanceof Session) {
                    ((Session) o).closeIfNoPipe();
                }
            }
        }
        endpoints.clear();
        ctx.inproc().removeAll(this);
        monitor.stop();
        mailbox.forwardTo(ctx.reaper());
        ctx.socketClosed(this);
    }

    public final boolean isClosed() {
        return closed;
    }

    public final int type() {
        return options.type;
    }
}

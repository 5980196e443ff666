package org.zmq4j;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.Consumer;
import org.zmq4j.internal.socket.SocketBase;
import org.zmq4j.internal.util.ZmqError;

/**
 * A ZeroMQ socket: binds and connects to any number of endpoints in any order, and sends and receives whole
 * messages routed by its {@link SocketType}.
 *
 * <p>Not thread-safe, as in libzmq: use a socket from one thread at a time. Sends and receives block by default;
 * a send that would block under {@link #DONTWAIT}, SNDTIMEO or {@link #trySend} returns {@code false}, and such a
 * receive returns {@code null} (back-pressure is a value, not an exception). Sent arrays are copied, so the
 * caller may reuse them at once. Blocking calls end with {@link InterruptedCallException} when the thread is
 * interrupted and with {@link ContextTerminatedException} when the context is terminated.
 */
public final class Socket implements AutoCloseable {
    /** Flag: do not block; a send returns false and a receive null instead. */
    public static final int DONTWAIT = SocketBase.DONTWAIT;
    /** Flag: more frames of this message follow. */
    public static final int SNDMORE = SocketBase.SNDMORE;

    private final SocketBase base;
    private final SocketType type;
    /**
     * A message whose receipt an OutOfMemoryError interrupted ({@link #recvMessage(int)}), and its next frame; or a
     * frame {@link #recvStr(int)} took but could not make a string of (then {@code partialMessage} is null).
     */
    private Message partialMessage;
    private byte[] heldFrame;

    Socket(SocketBase base, SocketType type) {
        this.base = base;
        this.type = type;
    }

    public SocketType type() {
        return type;
    }

    // ---------------------------------------------------------------- endpoints

    /**
     * Binds to {@code tcp://iface:port} ({@code *} and {@code :*} allowed), {@code ipc://path}, {@code inproc://name}.
     */
    public void bind(String endpoint) {
        try {
            base.bind(endpoint);
        } catch (ZmqError e) {
            throw Errors.map(e);
        }
    }

    /** Connects to an endpoint; the connection is made (and remade) in the background. */
    public void connect(String endpoint) {
        try {
            base.connect(endpoint);
        } catch (ZmqError e) {
            throw Errors.map(e);
        }
    }

    /** Stops listening on an endpoint given to {@link #bind} (or its LAST_ENDPOINT form) and drops its peers. */
    public void unbind(String endpoint) {
        try {
            base.unbind(endpoint);
        } catch (ZmqError e) {
            throw Errors.map(e);
        }
    }

    /** Ends a connection made with {@link #connect}. */
    public void disconnect(String endpoint) {
        try {
            base.disconnect(endpoint);
        } catch (ZmqError e) {
            throw Errors.map(e);
        }
    }

    // ---------------------------------------------------------------- sending

    /** Sends a one-frame message (or a frame, with {@link #SNDMORE}); false if it would block. */
    public boolean send(byte[] data, int flags) {
        return send(data, 0, data.length, flags);
    }

    public boolean send(byte[] data) {
        return send(data, 0, data.length, 0);
    }

    /** Sends a copy of {@code data[offset, offset + length)}; the array may be reused as soon as this returns. */
    public boolean send(byte[] data, int offset, int length, int flags) {
        Objects.checkFromIndexSize(offset, length, data.length);
        try {
            return base.sendCopy(data, offset, length, flags);
        } catch (ZmqError e) {
            throw Errors.map(e);
        }
    }

    /**
     * Sends the buffer's remaining bytes (the buffer's position is not moved); the buffer may be reused as soon as
     * this returns. With a buffer reused for every message, a frame of up to 1 MiB allocates nothing once traffic
     * flows: its copy is an array that comes back once the frame is on the wire or copied out by {@link
     * #recv(ByteBuffer, int)}.
     */
    public boolean send(ByteBuffer data, int flags) {
        try {
            return base.sendCopy(data, flags);
        } catch (ZmqError e) {
            throw Errors.map(e);
        }
    }

    /**
     * Sends the frame's array itself, without a copy, as {@code zmq_msg_send}: on success the array belongs to the
     * socket and the frame is empty; false (the frame unchanged) if it would block. See {@link Frame}.
     */
    public boolean send(Frame frame, int flags) {
        try {
            if (!base.sendOwned(frame.data, flags)) {
                return false;
            }
        } catch (ZmqError e) {
            throw Errors.map(e);
        }
        frame.clear();
        return true;
    }

    /**
     * Gives the frame an array of exactly {@code size} octets to fill and send, as {@code zmq_msg_init_size}: one that
     * came back from earlier traffic when there is one, holding old bytes. The frame's previous array is released
     * first.
     */
    public void allocate(Frame frame, int size) {
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative: " + size);
        }
        release(frame);
        frame.data = base.allocateFrame(size);
        frame.recyclable = true;
    }

    /** Sends a UTF-8 string. */
    public boolean send(String data) {
        return sendOwned(data.getBytes(StandardCharsets.UTF_8), 0);
    }

    public boolean send(String data, int flags) {
        return sendOwned(data.getBytes(StandardCharsets.UTF_8), flags);
    }

    /** Sends a frame with more to follow. */
    public boolean sendMore(byte[] data) {
        return send(data, 0, data.length, SNDMORE);
    }

    public boolean sendMore(String data) {
        return sendOwned(data.getBytes(StandardCharsets.UTF_8), SNDMORE);
    }

    /** Sends a whole multipart message; false (nothing sent) if it would block. */
    public boolean send(Message message) {
        return send(message, 0);
    }

    public boolean send(Message message, int flags) {
        int n = message.size();
        if (n == 0) {
            throw new ZmqException(ZmqException.EINVAL, "a message needs at least one frame");
        }
        for (int i = 0; i < n; i++) {
            int f = (flags & DONTWAIT) | (i < n - 1 ? SNDMORE : flags & SNDMORE);
            byte[] frame = message.frame(i);
            if (!send(frame, 0, frame.length, f)) {
                if (i == 0) {
                    return false;
                }
                throw new IllegalStateException("multipart send stopped after frame " + i);
            }
        }
        return true;
    }

    /** Sends without blocking; false if the message cannot be queued now. */
    public boolean trySend(byte[] data) {
        return send(data, DONTWAIT);
    }

    public boolean trySend(String data) {
        return send(data, DONTWAIT);
    }

    public boolean trySend(Message message) {
        return send(message, DONTWAIT);
    }

    /** Sends an array nobody else holds (a string's fresh bytes) without a copy; it may be reused once sent. */
    private boolean sendOwned(byte[] frame, int flags) {
        try {
            return base.sendOwned(frame, flags);
        } catch (ZmqError e) {
            throw Errors.map(e);
        }
    }

    // ---------------------------------------------------------------- receiving

    /** Receives one frame, blocking; null if RCVTIMEO passed. {@link #hasMore()} tells if frames follow. */
    public byte[] recv() {
        return recv(0);
    }

    /** Receives one frame; null if it would block ({@link #DONTWAIT}) or RCVTIMEO passed. */
    public byte[] recv(int flags) {
        abandonPartialMessage();
        return take(flags);
    }

    private byte[] take(int flags) {
        try {
            return base.recv(flags);
        } catch (ZmqError e) {
            throw Errors.map(e);
        }
    }

    /**
     * Receives one frame into {@code buffer} from its position, truncating as libzmq's zmq_recv when it does not
     * fit; returns the frame's full size, or -1 if none came (as {@link #recv(int)} returns null). A frame of up to
     * 1 MiB received this way hands its array back for reuse, so a reused buffer allocates nothing per message.
     */
    public int recv(ByteBuffer buffer, int flags) {
        abandonPartialMessage();
        try {
            return base.recv(buffer, flags);
        } catch (ZmqError e) {
            throw Errors.map(e);
        }
    }

    /**
     * Receives one frame into {@code frame} without a copy, as {@code zmq_msg_recv}; false if none came (as {@link
     * #recv(int)} returns null), and the frame is then empty. The frame's previous array is released first. See
     * {@link Frame}.
     */
    public boolean recv(Frame frame, int flags) {
        abandonPartialMessage();
        release(frame);
        byte[] data;
        try {
            data = base.recv(flags);
        } catch (ZmqError e) {
            throw Errors.map(e);
        }
        if (data == null) {
            return false;
        }
        frame.data = data;
        frame.recyclable = base.lastRecvRecyclable();
        frame.origin = base.lastRecvOrigin();
        frame.more = base.hasMore();
        return true;
    }

    /**
     * Empties the frame, as {@code zmq_msg_close}: an array that came over a connection (or that {@link #allocate}
     * gave) goes back for reuse, so the application must not touch it afterwards.
     */
    public void release(Frame frame) {
        if (frame.recyclable) {
            base.recycle(frame.data, frame.origin);
        }
        frame.clear();
    }

    /**
     * Receives one frame as UTF-8; null as {@link #recv()}. If the heap cannot hold the string, the OutOfMemoryError
     * leaves the frame with the socket, and the next {@code recvStr} (or {@link #recvMessage}) returns it; a
     * frame-level receive in between gives it up and goes on with the next frame.
     */
    public String recvStr() {
        return recvStr(0);
    }

    public String recvStr(int flags) {
        if (heldFrame == null || partialMessage != null) {
            abandonPartialMessage();
            if ((heldFrame = take(flags)) == null) {
                return null;
            }
        }
        String s = new String(heldFrame, StandardCharsets.UTF_8); // refused: the frame stays held for the next call
        heldFrame = null;
        return s;
    }

    /**
     * Receives a whole multipart message; null if none (DONTWAIT, RCVTIMEO). If the heap cannot hold a frame, the
     * OutOfMemoryError leaves the frames taken so far with the socket, and the next call returns the whole message
     * (a frame-level receive in between gives those frames up and goes on with the next frame).
     */
    public Message recvMessage() {
        return recvMessage(0);
    }

    public Message recvMessage(int flags) {
        // Each frame taken is stored in a field before anything else allocates: an OutOfMemoryError at any point
        // leaves it here (a frame not yet taken stays in its pipe), and the next call goes on where this one stopped.
        Message m = partialMessage;
        if (m == null) {
            if (heldFrame == null && (heldFrame = take(flags)) == null) {
                return null;
            }
            m = new Message();
            m.properties(base.lastPeerProperties());
            partialMessage = m;
            m.add(heldFrame);
            heldFrame = null;
        }
        while (heldFrame != null || base.hasMore()) {
            // Messages arrive whole: the remaining frames are already here.
            if (heldFrame == null) {
                heldFrame = take(0);
            }
            m.add(heldFrame);
            heldFrame = null;
        }
        partialMessage = null;
        return m;
    }

    private void abandonPartialMessage() {
        partialMessage = null;
        heldFrame = null;
    }

    /** Receives without blocking; null if nothing is queued. */
    public byte[] tryRecv() {
        return recv(DONTWAIT);
    }

    public Message tryRecvMessage() {
        return recvMessage(DONTWAIT);
    }

    /**
     * A property of the connection the last frame came from ("Socket-Type", "Peer-Address", "User-Id", ZAP
     * metadata …), as UTF-8; null if unknown. See {@link Message#property}.
     */
    public String property(String name) {
        byte[] v = base.lastPeerProperty(name);
        return v == null ? null : new String(v, StandardCharsets.UTF_8);
    }

    /** RCVMORE: the frame last received has more frames after it. */
    public boolean hasMore() {
        return base.hasMore();
    }

    /** EVENTS: {@link Poller#POLLIN} and/or {@link Poller#POLLOUT} for what can be done now without blocking. */
    public int events() {
        try {
            return base.pollEvents();
        } catch (ZmqError e) {
            throw Errors.map(e);
        }
    }

    // ---------------------------------------------------------------- options

    public <T> void set(SocketOption<T> option, T value) {
        Object v = option.checkForSet(value);
        try {
            base.setOption(option.id(), v);
        } catch (ZmqError e) {
            throw Errors.map(e);
        }
    }

    public <T> T get(SocketOption<T> option) {
        if (!option.isReadable()) {
            throw new ZmqException(ZmqException.EINVAL, option.name() + " cannot be read");
        }
        try {
            return option.cast(base.getOption(option.id()));
        } catch (ZmqError e) {
            throw Errors.map(e);
        }
    }

    /** SUB: subscribe to messages whose first frame starts with {@code prefix} ("" = all). */
    public void subscribe(String prefix) {
        set(SocketOption.SUBSCRIBE, prefix.getBytes(StandardCharsets.UTF_8));
    }

    public void subscribe(byte[] prefix) {
        set(SocketOption.SUBSCRIBE, prefix);
    }

    public void unsubscribe(String prefix) {
        set(SocketOption.UNSUBSCRIBE, prefix.getBytes(StandardCharsets.UTF_8));
    }

    public void unsubscribe(byte[] prefix) {
        set(SocketOption.UNSUBSCRIBE, prefix);
    }

    /** LAST_ENDPOINT: the last endpoint bound or connected, with the actual port of a {@code :*} bind. */
    public String lastEndpoint() {
        return get(SocketOption.LAST_ENDPOINT);
    }

    // ---------------------------------------------------------------- monitor

    /**
     * libzmq's zmq_socket_monitor: publishes the events in {@code events} (a mask of {@link MonitorEvent.Type}
     * bits, {@link MonitorEvent#ALL}) on a PAIR bound at {@code inproc://…}; connect a PAIR there and read them
     * with {@link MonitorEvent#receive(Socket)}. A null endpoint stops monitoring.
     */
    public void monitor(String endpoint, int events) {
        try {
            base.monitor(endpoint, events);
        } catch (ZmqError e) {
            throw Errors.map(e);
        }
    }

    /**
     * Calls {@code listener} with every event, on the I/O thread where it happens: it must return quickly and not
     * use this socket. Null removes the listener.
     */
    public void monitor(Consumer<MonitorEvent> listener) {
        base.setEventListener(listener == null ? null
                : (event, value, local, remote) -> {
                    MonitorEvent.Type t = MonitorEvent.Type.of(event);
                    if (t != null) {
                        listener.accept(new MonitorEvent(t, value, local, remote));
                    }
                });
    }

    // ---------------------------------------------------------------- lifecycle

    /**
     * Closes the socket. Returns at once; messages still queued are delivered in the background for up to LINGER
     * ms, and {@link Context#close()} waits for that.
     */
    @Override
    public void close() {
        base.close();
    }

    public boolean isClosed() {
        return base.isClosed();
    }

    SocketBase base() {
        return base;
    }

    @Override
    public String toString() {
        return "Socket[" + type + "]";
    }
}

package org.zmq4j;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.zmq4j.internal.util.MonitorEvents;

/**
 * A socket monitor event, with libzmq's event numbers and values (zmq_socket_monitor(3)).
 *
 * <p>Pairs and rules: LISTENING or BIND_FAILED follow each bind; ACCEPTED (listener) and CONNECTED (connect side)
 * open a connection, which then has exactly one of HANDSHAKE_SUCCEEDED or HANDSHAKE_FAILED_*, and later
 * DISCONNECTED when it ends for any reason but the socket's own close. CONNECT_DELAYED and CONNECT_RETRIED mark
 * attempts in progress and back-off (value: the next interval in ms). CLOSED ends a listener or an abandoned
 * connect. MONITOR_STOPPED is last. The value is the connection's protocol error code for
 * HANDSHAKE_FAILED_PROTOCOL and the ZAP status for HANDSHAKE_FAILED_AUTH; where libzmq gives a file descriptor,
 * zmq4j gives 0.
 */
public final class MonitorEvent {
    /** Every event ({@code ZMQ_EVENT_ALL}). */
    public static final int ALL = MonitorEvents.ALL;

    /** The event types with libzmq's bit values. */
    public enum Type {
        CONNECTED(MonitorEvents.CONNECTED),
        CONNECT_DELAYED(MonitorEvents.CONNECT_DELAYED),
        CONNECT_RETRIED(MonitorEvents.CONNECT_RETRIED),
        LISTENING(MonitorEvents.LISTENING),
        BIND_FAILED(MonitorEvents.BIND_FAILED),
        ACCEPTED(MonitorEvents.ACCEPTED),
        ACCEPT_FAILED(MonitorEvents.ACCEPT_FAILED),
        CLOSED(MonitorEvents.CLOSED),
        CLOSE_FAILED(MonitorEvents.CLOSE_FAILED),
        DISCONNECTED(MonitorEvents.DISCONNECTED),
        MONITOR_STOPPED(MonitorEvents.MONITOR_STOPPED),
        HANDSHAKE_FAILED_NO_DETAIL(MonitorEvents.HANDSHAKE_FAILED_NO_DETAIL),
        HANDSHAKE_SUCCEEDED(MonitorEvents.HANDSHAKE_SUCCEEDED),
        HANDSHAKE_FAILED_PROTOCOL(MonitorEvents.HANDSHAKE_FAILED_PROTOCOL),
        HANDSHAKE_FAILED_AUTH(MonitorEvents.HANDSHAKE_FAILED_AUTH);

        private final int code;

        Type(int code) {
            this.code = code;
        }

        /** libzmq's {@code ZMQ_EVENT_*} bit. */
        public int code() {
            return code;
        }

        /** The type with bit {@code code}, or null. */
        public static Type of(int code) {
            for (Type t : values()) {
                if (t.code == code) {
                    return t;
                }
            }
            return null;
        }
    }

    private final Type type;
    private final long value;
    private final String endpoint;
    private final String remote;

    public MonitorEvent(Type type, long value, String endpoint, String remote) {
        this.type = type;
        this.value = value;
        this.endpoint = endpoint;
        this.remote = remote;
    }

    public Type type() {
        return type;
    }

    /** The event's value: protocol error code, ZAP status, reconnect interval, errno; else 0. */
    public long value() {
        return value;
    }

    /** The endpoint the event is about (bound or connected). */
    public String endpoint() {
        return endpoint;
    }

    /** The peer's address where known (in-process listener only), else "". */
    public String remote() {
        return remote == null ? "" : remote;
    }

    /**
     * Reads one event from a PAIR connected to a monitor endpoint (libzmq's two-frame form, which libzmq and pyzmq
     * tools read too); null if none arrived (DONTWAIT, RCVTIMEO).
     */
    public static MonitorEvent receive(Socket monitor) {
        return receive(monitor, 0);
    }

    public static MonitorEvent receive(Socket monitor, int flags) {
        byte[] head = monitor.recv(flags);
        if (head == null) {
            return null;
        }
        if (head.length != 6 || !monitor.hasMore()) {
            throw new ZmqException(ZmqException.EINVAL, "not a monitor event frame");
        }
        byte[] ep = monitor.recv(0);
        ByteBuffer b = ByteBuffer.wrap(head).order(ByteOrder.nativeOrder());
        int code = b.getShort() & 0xFFFF;
        long value = b.getInt() & 0xFFFFFFFFL;
        Type t = Type.of(code);
        if (t == null) {
            throw new ZmqException(ZmqException.EINVAL, "unknown monitor event " + code);
        }
        return new MonitorEvent(t, value, new String(ep, StandardCharsets.UTF_8), "");
    }

    @Override
    public String toString() {
        return type + "(" + value + ") " + endpoint;
    }
}

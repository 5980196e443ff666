package org.zmq4j;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.zmq4j.internal.socket.Sockopt;

/**
 * A typed socket option with libzmq's name, number and default (see zmq_setsockopt(3)): the value's Java type is
 * checked at compile time and its range when set. Options marked read-only can only be read.
 *
 * <pre>{@code
 * socket.set(SocketOption.SNDHWM, 10_000);
 * String ep = socket.get(SocketOption.LAST_ENDPOINT);
 * }</pre>
 */
public final class SocketOption<T> {
    private static final List<SocketOption<?>> ALL = new ArrayList<>();

    /** Outbound queue limit per peer, in messages; 0 = none. Default 1000. */
    public static final SocketOption<Integer> SNDHWM = rw("SNDHWM", Sockopt.SNDHWM, Integer.class);
    /** Inbound queue limit per peer, in messages; 0 = none. Default 1000. */
    public static final SocketOption<Integer> RCVHWM = rw("RCVHWM", Sockopt.RCVHWM, Integer.class);
    /** How long (ms) messages still queued at close may be delivered; -1 = until done (default), 0 = drop. */
    public static final SocketOption<Integer> LINGER = rw("LINGER", Sockopt.LINGER, Integer.class);
    /** Send timeout in ms; -1 = block (default), 0 = never block. A timed-out send returns false. */
    public static final SocketOption<Integer> SNDTIMEO = rw("SNDTIMEO", Sockopt.SNDTIMEO, Integer.class);
    /** Receive timeout in ms; -1 = block (default), 0 = never block. A timed-out receive returns null. */
    public static final SocketOption<Integer> RCVTIMEO = rw("RCVTIMEO", Sockopt.RCVTIMEO, Integer.class);
    /** This socket's routing id (1 to 255 bytes), announced as the ZMTP Identity (REQ, DEALER, ROUTER). */
    public static final SocketOption<byte[]> ROUTING_ID = rw("ROUTING_ID", Sockopt.ROUTING_ID, byte[].class);
    /** ROUTER: the routing id to give the peer of the next connect. */
    public static final SocketOption<byte[]> CONNECT_ROUTING_ID =
            wo("CONNECT_ROUTING_ID", Sockopt.CONNECT_ROUTING_ID, byte[].class);
    /** SUB: subscribe to messages starting with these bytes (empty = all). */
    public static final SocketOption<byte[]> SUBSCRIBE = wo("SUBSCRIBE", Sockopt.SUBSCRIBE, byte[].class);
    /** SUB: remove one subscription made with SUBSCRIBE. */
    public static final SocketOption<byte[]> UNSUBSCRIBE = wo("UNSUBSCRIBE", Sockopt.UNSUBSCRIBE, byte[].class);
    /** First reconnect delay in ms (default 100); -1 = do not reconnect. */
    public static final SocketOption<Integer> RECONNECT_IVL = rw("RECONNECT_IVL", Sockopt.RECONNECT_IVL, Integer.class);
    /** Reconnect back-off cap in ms; 0 (default) = always RECONNECT_IVL. */
    public static final SocketOption<Integer> RECONNECT_IVL_MAX =
            rw("RECONNECT_IVL_MAX", Sockopt.RECONNECT_IVL_MAX, Integer.class);
    /** listen() backlog for tcp and ipc binds. Default 100. */
    public static final SocketOption<Integer> BACKLOG = rw("BACKLOG", Sockopt.BACKLOG, Integer.class);
    /** Largest inbound message in bytes; a peer sending more is disconnected. -1 (default) = no limit. */
    public static final SocketOption<Long> MAXMSGSIZE = rw("MAXMSGSIZE", Sockopt.MAXMSGSIZE, Long.class);
    /** Queue messages only to completed connections. Default false. */
    public static final SocketOption<Boolean> IMMEDIATE = rw("IMMEDIATE", Sockopt.IMMEDIATE, Boolean.class);
    /** ROUTER: unroutable messages fail with {@link HostUnreachableException}, full peers block. Default false. */
    public static final SocketOption<Boolean> ROUTER_MANDATORY =
            wo("ROUTER_MANDATORY", Sockopt.ROUTER_MANDATORY, Boolean.class);
    /** ROUTER: a new peer with a routing id in use takes it over. Default false. */
    public static final SocketOption<Boolean> ROUTER_HANDOVER =
            wo("ROUTER_HANDOVER", Sockopt.ROUTER_HANDOVER, Boolean.class);
    /** ROUTER, DEALER: send an empty message to each new peer. Default false. */
    public static final SocketOption<Boolean> PROBE_ROUTER = wo("PROBE_ROUTER", Sockopt.PROBE_ROUTER, Boolean.class);
    /** XPUB: pass every subscription to the application, not only new ones. Default false. */
    public static final SocketOption<Boolean> XPUB_VERBOSE = wo("XPUB_VERBOSE", Sockopt.XPUB_VERBOSE, Boolean.class);
    /** XPUB: pass every subscription and cancellation to the application. Default false. */
    public static final SocketOption<Boolean> XPUB_VERBOSER =
            wo("XPUB_VERBOSER", Sockopt.XPUB_VERBOSER, Boolean.class);
    /** SO_SNDBUF in bytes; -1 (default) = the OS's. */
    public static final SocketOption<Integer> SNDBUF = rw("SNDBUF", Sockopt.SNDBUF, Integer.class);
    /** SO_RCVBUF in bytes; -1 (default) = the OS's. */
    public static final SocketOption<Integer> RCVBUF = rw("RCVBUF", Sockopt.RCVBUF, Integer.class);
    /** Use IPv6 (and IPv4) for tcp. Default false. */
    public static final SocketOption<Boolean> IPV6 = rw("IPV6", Sockopt.IPV6, Boolean.class);
    /** SO_KEEPALIVE: -1 (default) = the OS's, 0 = off, 1 = on. */
    public static final SocketOption<Integer> TCP_KEEPALIVE = rw("TCP_KEEPALIVE", Sockopt.TCP_KEEPALIVE, Integer.class);
    /** TCP_KEEPCNT; -1 (default) = the OS's. */
    public static final SocketOption<Integer> TCP_KEEPALIVE_CNT =
            rw("TCP_KEEPALIVE_CNT", Sockopt.TCP_KEEPALIVE_CNT, Integer.class);
    /** TCP_KEEPIDLE in seconds; -1 (default) = the OS's. */
    public static final SocketOption<Integer> TCP_KEEPALIVE_IDLE =
            rw("TCP_KEEPALIVE_IDLE", Sockopt.TCP_KEEPALIVE_IDLE, Integer.class);
    /** TCP_KEEPINTVL in seconds; -1 (default) = the OS's. */
    public static final SocketOption<Integer> TCP_KEEPALIVE_INTVL =
            rw("TCP_KEEPALIVE_INTVL", Sockopt.TCP_KEEPALIVE_INTVL, Integer.class);
    /** Longest ZMTP handshake in ms; 0 = none. Default 30000. */
    public static final SocketOption<Integer> HANDSHAKE_IVL = rw("HANDSHAKE_IVL", Sockopt.HANDSHAKE_IVL, Integer.class);
    /** Send a ZMTP PING every this many ms; 0 (default) = no heartbeats. */
    public static final SocketOption<Integer> HEARTBEAT_IVL = rw("HEARTBEAT_IVL", Sockopt.HEARTBEAT_IVL, Integer.class);
    /** Time-to-live the peer is told in PINGs, ms (up to 6553599). Default 0. */
    public static final SocketOption<Integer> HEARTBEAT_TTL = rw("HEARTBEAT_TTL", Sockopt.HEARTBEAT_TTL, Integer.class);
    /** Close the connection if nothing arrives this long after a PING; default = HEARTBEAT_IVL. */
    public static final SocketOption<Integer> HEARTBEAT_TIMEOUT =
            rw("HEARTBEAT_TIMEOUT", Sockopt.HEARTBEAT_TIMEOUT, Integer.class);
    /** The security mechanism in use: 0 NULL, 1 PLAIN, 2 CURVE (read-only). */
    public static final SocketOption<Integer> MECHANISM = ro("MECHANISM", Sockopt.MECHANISM, Integer.class);
    /** Be a PLAIN server (24/ZMTP-PLAIN); needs a ZAP handler such as {@link Authenticator}. */
    public static final SocketOption<Boolean> PLAIN_SERVER = rw("PLAIN_SERVER", Sockopt.PLAIN_SERVER, Boolean.class);
    /** PLAIN client user name; setting it makes the socket a PLAIN client (empty: back to NULL). */
    public static final SocketOption<String> PLAIN_USERNAME =
            rw("PLAIN_USERNAME", Sockopt.PLAIN_USERNAME, String.class);
    /** PLAIN client password; setting it makes the socket a PLAIN client. */
    public static final SocketOption<String> PLAIN_PASSWORD =
            rw("PLAIN_PASSWORD", Sockopt.PLAIN_PASSWORD, String.class);
    /** Be a CURVE server (needs CURVE_SECRETKEY and the zmq4j-curve artifact). */
    public static final SocketOption<Boolean> CURVE_SERVER = rw("CURVE_SERVER", Sockopt.CURVE_SERVER, Boolean.class);
    /** This socket's CURVE public key: 32 bytes or 40 Z85 characters (as bytes). */
    public static final SocketOption<byte[]> CURVE_PUBLICKEY =
            rw("CURVE_PUBLICKEY", Sockopt.CURVE_PUBLICKEY, byte[].class);
    /** This socket's CURVE secret key: 32 bytes or 40 Z85 characters (as bytes). */
    public static final SocketOption<byte[]> CURVE_SECRETKEY =
            rw("CURVE_SECRETKEY", Sockopt.CURVE_SECRETKEY, byte[].class);
    /** The server's CURVE public key, which makes this socket a CURVE client. */
    public static final SocketOption<byte[]> CURVE_SERVERKEY =
            rw("CURVE_SERVERKEY", Sockopt.CURVE_SERVERKEY, byte[].class);
    /** The 27/ZAP domain; with NULL security a non-empty domain turns ZAP on. Default "". */
    public static final SocketOption<String> ZAP_DOMAIN = rw("ZAP_DOMAIN", Sockopt.ZAP_DOMAIN, String.class);
    /** Fail handshakes when no ZAP handler is bound, instead of letting NULL and CURVE peers in. Default false. */
    public static final SocketOption<Boolean> ZAP_ENFORCE_DOMAIN =
            rw("ZAP_ENFORCE_DOMAIN", Sockopt.ZAP_ENFORCE_DOMAIN, Boolean.class);
    /** The last endpoint bound or connected, with the actual port for {@code tcp://*:*} (read-only). */
    public static final SocketOption<String> LAST_ENDPOINT = ro("LAST_ENDPOINT", Sockopt.LAST_ENDPOINT, String.class);
    /** The socket type's libzmq number (read-only). */
    public static final SocketOption<Integer> TYPE = ro("TYPE", Sockopt.TYPE, Integer.class);
    /** The last frame received has more frames after it (read-only). */
    public static final SocketOption<Boolean> RCVMORE = ro("RCVMORE", Sockopt.RCVMORE, Boolean.class);
    /** {@link Poller#POLLIN} / {@link Poller#POLLOUT} bits for what can be done now (read-only). */
    public static final SocketOption<Integer> EVENTS = ro("EVENTS", Sockopt.EVENTS, Integer.class);

    private final String name;
    private final int id;
    private final Class<T> type;
    private final boolean readable;
    private final boolean writable;

    private SocketOption(String name, int id, Class<T> type, boolean readable, boolean writable) {
        this.name = name;
        this.id = id;
        this.type = type;
        this.readable = readable;
        this.writable = writable;
    }

    private static <T> SocketOption<T> add(SocketOption<T> o) {
        ALL.add(o);
        return o;
    }

    private static <T> SocketOption<T> rw(String name, int id, Class<T> type) {
        return add(new SocketOption<>(name, id, type, true, true));
    }

    private static <T> SocketOption<T> wo(String name, int id, Class<T> type) {
        return add(new SocketOption<>(name, id, type, false, true));
    }

    private static <T> SocketOption<T> ro(String name, int id, Class<T> type) {
        return add(new SocketOption<>(name, id, type, true, false));
    }

    /** libzmq's name without the ZMQ_ prefix. */
    public String name() {
        return name;
    }

    /** libzmq's option number. */
    public int id() {
        return id;
    }

    public Class<T> type() {
        return type;
    }

    public boolean isReadable() {
        return readable;
    }

    public boolean isWritable() {
        return writable;
    }

    /** Every option zmq4j knows. */
    public static List<SocketOption<?>> values() {
        return Collections.unmodifiableList(ALL);
    }

    /** The option named {@code name} (libzmq spelling, with or without ZMQ_), or null. */
    public static SocketOption<?> byName(String name) {
        String n = name.startsWith("ZMQ_") ? name.substring(4) : name;
        for (SocketOption<?> o : ALL) {
            if (o.name.equalsIgnoreCase(n)) {
                return o;
            }
        }
        return null;
    }

    /** Checks a value for setting and returns the form the socket takes. */
    Object checkForSet(T value) {
        if (!writable) {
            throw new ZmqException(ZmqException.EINVAL, name + " is read-only");
        }
        if (value == null) {
            throw new ZmqException(ZmqException.EINVAL, name + " cannot be null");
        }
        if (!type.isInstance(value)) {
            throw new ZmqException(ZmqException.EINVAL, name + " takes a " + type.getSimpleName());
        }
        return value instanceof byte[] ? ((byte[]) value).clone() : value;
    }

    T cast(Object v) {
        return type.cast(v);
    }

    @Override
    public String toString() {
        return name;
    }
}

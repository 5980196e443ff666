package org.zmq4j.internal.util;

/**
 * One socket's option values with libzmq 4.3's defaults, as read by every layer below the public API.
 *
 * <p>Owned by the socket's thread. Endpoints and connections take a {@link #copy()} when they are created, so an
 * option changed later applies to later binds and connects only, as in libzmq.
 */
public final class Options implements Cloneable {
    public static final byte[] NO_ID = new byte[0];

    public final int type;
    public int sndHwm = 1000;
    public int rcvHwm = 1000;
    public int linger = -1;
    public int sndTimeo = -1;
    public int rcvTimeo = -1;
    public byte[] routingId = NO_ID;
    public byte[] connectRoutingId;
    public int reconnectIvl = 100;
    public int reconnectIvlMax = 0;
    public int backlog = 100;
    public long maxMsgSize = -1;
    public boolean immediate;
    public boolean routerMandatory;
    public boolean ipv6;
    public int sndBuf = -1;
    public int rcvBuf = -1;
    public int tcpKeepalive = -1;
    public int tcpKeepaliveCnt = -1;
    public int tcpKeepaliveIdle = -1;
    public int tcpKeepaliveIntvl = -1;
    public int handshakeIvl = 30_000;
    public int heartbeatIvl = 0;
    public int heartbeatTtl = 0;
    public int heartbeatTimeout = -1;
    public String lastEndpoint = "";
    /** Security mechanism: 0 NULL, 1 PLAIN, 2 CURVE (libzmq's ZMQ_NULL, ZMQ_PLAIN, ZMQ_CURVE). */
    public int mechanism = MECHANISM_NULL;
    /** PLAIN_SERVER / CURVE_SERVER: this side is the server of the handshake. */
    public boolean asServer;
    public String plainUsername = "";
    public String plainPassword = "";
    public byte[] curvePublicKey;
    public byte[] curveSecretKey;
    public byte[] curveServerKey;
    public String zapDomain = "";
    public boolean zapEnforceDomain;

    public static final int MECHANISM_NULL = 0;
    public static final int MECHANISM_PLAIN = 1;
    public static final int MECHANISM_CURVE = 2;

    /** The peer's Identity property names the pipe (ROUTER, REP). */
    public boolean recvRoutingId;

    public Options(int type) {
        this.type = type;
        this.recvRoutingId = type == SocketTypes.ROUTER || type == SocketTypes.REP;
        if (type == SocketTypes.XSUB) {
            this.linger = 0;
        }
    }

    public Options copy() {
        try {
            return (Options) clone();
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
    }
}

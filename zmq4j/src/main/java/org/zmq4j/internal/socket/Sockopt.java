package org.zmq4j.internal.socket;

/** libzmq's socket option numbers ({@code ZMQ_*} in zmq.h) for the options zmq4j implements. */
public final class Sockopt {
    public static final int AFFINITY = 4;
    public static final int ROUTING_ID = 5;
    public static final int SUBSCRIBE = 6;
    public static final int UNSUBSCRIBE = 7;
    public static final int SNDBUF = 11;
    public static final int RCVBUF = 12;
    public static final int RCVMORE = 13;
    public static final int EVENTS = 15;
    public static final int TYPE = 16;
    public static final int LINGER = 17;
    public static final int RECONNECT_IVL = 18;
    public static final int BACKLOG = 19;
    public static final int RECONNECT_IVL_MAX = 21;
    public static final int MAXMSGSIZE = 22;
    public static final int SNDHWM = 23;
    public static final int RCVHWM = 24;
    public static final int RCVTIMEO = 27;
    public static final int SNDTIMEO = 28;
    public static final int LAST_ENDPOINT = 32;
    public static final int ROUTER_MANDATORY = 33;
    public static final int TCP_KEEPALIVE = 34;
    public static final int TCP_KEEPALIVE_CNT = 35;
    public static final int TCP_KEEPALIVE_IDLE = 36;
    public static final int TCP_KEEPALIVE_INTVL = 37;
    public static final int IMMEDIATE = 39;
    public static final int XPUB_VERBOSE = 40;
    public static final int IPV6 = 42;
    public static final int MECHANISM = 43;
    public static final int PLAIN_SERVER = 44;
    public static final int PLAIN_USERNAME = 45;
    public static final int PLAIN_PASSWORD = 46;
    public static final int CURVE_SERVER = 47;
    public static final int CURVE_PUBLICKEY = 48;
    public static final int CURVE_SECRETKEY = 49;
    public static final int CURVE_SERVERKEY = 50;
    public static final int PROBE_ROUTER = 51;
    public static final int REQ_CORRELATE = 52;
    public static final int REQ_RELAXED = 53;
    public static final int ZAP_DOMAIN = 55;
    public static final int ROUTER_HANDOVER = 56;
    public static final int CONNECT_ROUTING_ID = 61;
    public static final int HANDSHAKE_IVL = 66;
    public static final int HEARTBEAT_IVL = 75;
    public static final int HEARTBEAT_TTL = 76;
    public static final int HEARTBEAT_TIMEOUT = 77;
    public static final int XPUB_VERBOSER = 78;
    public static final int ZAP_ENFORCE_DOMAIN = 93;

    private Sockopt() {}
}

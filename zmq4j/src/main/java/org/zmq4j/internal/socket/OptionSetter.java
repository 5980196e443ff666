package org.zmq4j.internal.socket;

import org.zmq4j.internal.util.Options;
import org.zmq4j.internal.util.ZmqError;

/**
 * Applies and reads the socket options every type shares. Values arrive already checked and converted by the
 * public option table ({@code Integer}, {@code Long}, {@code Boolean}, {@code byte[]}); the ranges libzmq
 * enforces are checked here, in one place.
 */
final class OptionSetter {
    private OptionSetter() {}

    static void apply(Options o, int option, Object v) {
        switch (option) {
            case Sockopt.SNDHWM: o.sndHwm = atLeast(v, 0); break;
            case Sockopt.RCVHWM: o.rcvHwm = atLeast(v, 0); break;
            case Sockopt.LINGER: o.linger = atLeast(v, -1); break;
            case Sockopt.SNDTIMEO: o.sndTimeo = atLeast(v, -1); break;
            case Sockopt.RCVTIMEO: o.rcvTimeo = atLeast(v, -1); break;
            case Sockopt.ROUTING_ID: {
                byte[] id = (byte[]) v;
                if (id.length == 0 || id.length > 255) {
                    throw new ZmqError(ZmqError.EINVAL, "ROUTING_ID must be 1 to 255 bytes");
                }
                o.routingId = id.clone();
                break;
            }
            case Sockopt.CONNECT_ROUTING_ID: {
                byte[] id = (byte[]) v;
                if (id.length == 0 || id.length > 255) {
                    throw new ZmqError(ZmqError.EINVAL, "CONNECT_ROUTING_ID must be 1 to 255 bytes");
                }
                o.connectRoutingId = id.clone();
                break;
            }
            case Sockopt.RECONNECT_IVL: o.reconnectIvl = atLeast(v, -1); break;
            case Sockopt.RECONNECT_IVL_MAX: o.reconnectIvlMax = atLeast(v, 0); break;
            case Sockopt.BACKLOG: o.backlog = atLeast(v, 0); break;
            case Sockopt.MAXMSGSIZE: {
                long m = (Long) v;
                if (m < -1) {
                    throw new ZmqError(ZmqError.EINVAL, "MAXMSGSIZE must be -1 or more");
                }
                o.maxMsgSize = m;
                break;
            }
            case Sockopt.IMMEDIATE: o.immediate = (Boolean) v; break;
            case Sockopt.IPV6: o.ipv6 = (Boolean) v; break;
            case Sockopt.SNDBUF: o.sndBuf = atLeast(v, -1); break;
            case Sockopt.RCVBUF: o.rcvBuf = atLeast(v, -1); break;
            case Sockopt.TCP_KEEPALIVE: {
                int k = (Integer) v;
                if (k < -1 || k > 1) {
                    throw new ZmqError(ZmqError.EINVAL, "TCP_KEEPALIVE must be -1, 0 or 1");
                }
                o.tcpKeepalive = k;
                break;
            }
            case Sockopt.TCP_KEEPALIVE_CNT: o.tcpKeepaliveCnt = atLeast(v, -1); break;
            case Sockopt.TCP_KEEPALIVE_IDLE: o.tcpKeepaliveIdle = atLeast(v, -1); break;
            case Sockopt.TCP_KEEPALIVE_INTVL: o.tcpKeepaliveIntvl = atLeast(v, -1); break;
            case Sockopt.HANDSHAKE_IVL: o.handshakeIvl = atLeast(v, 0); break;
            case Sockopt.HEARTBEAT_IVL: o.heartbeatIvl = atLeast(v, 0); break;
            case Sockopt.HEARTBEAT_TTL: {
                int t = atLeast(v, 0);
                if (t > 6_553_599) {
                    throw new ZmqError(ZmqError.EINVAL, "HEARTBEAT_TTL is at most 6553599 ms");
                }
                o.heartbeatTtl = t;
                break;
            }
            case Sockopt.HEARTBEAT_TIMEOUT: o.heartbeatTimeout = atLeast(v, 0); break;
            case Sockopt.ROUTER_MANDATORY:
            case Sockopt.SUBSCRIBE:
            case Sockopt.UNSUBSCRIBE:
            case Sockopt.XPUB_VERBOSE:
            case Sockopt.XPUB_VERBOSER:
            case Sockopt.PROBE_ROUTER:
            case Sockopt.REQ_CORRELATE:
            case Sockopt.REQ_RELAXED:
            case Sockopt.ROUTER_HANDOVER:
                throw new ZmqError(ZmqError.EINVAL, "option " + option + " does not apply to this socket type");
            default:
                throw new ZmqError(ZmqError.EINVAL, "unknown or read-only option " + option);
        }
    }

    static Object get(Options o, int option) {
        switch (option) {
            case Sockopt.SNDHWM: return o.sndHwm;
            case Sockopt.RCVHWM: return o.rcvHwm;
            case Sockopt.LINGER: return o.linger;
            case Sockopt.SNDTIMEO: return o.sndTimeo;
            case Sockopt.RCVTIMEO: return o.rcvTimeo;
            case Sockopt.ROUTING_ID: return o.routingId.clone();
            case Sockopt.RECONNECT_IVL: return o.reconnectIvl;
            case Sockopt.RECONNECT_IVL_MAX: return o.reconnectIvlMax;
            case Sockopt.BACKLOG: return o.backlog;
            case Sockopt.MAXMSGSIZE: return o.maxMsgSize;
            case Sockopt.IMMEDIATE: return o.immediate;
            case Sockopt.IPV6: return o.ipv6;
            case Sockopt.SNDBUF: return o.sndBuf;
            case Sockopt.RCVBUF: return o.rcvBuf;
            case Sockopt.TCP_KEEPALIVE: return o.tcpKeepalive;
            case Sockopt.TCP_KEEPALIVE_CNT: return o.tcpKeepaliveCnt;
            case Sockopt.TCP_KEEPALIVE_IDLE: return o.tcpKeepaliveIdle;
            case Sockopt.TCP_KEEPALIVE_INTVL: return o.tcpKeepaliveIntvl;
            case Sockopt.HANDSHAKE_IVL: return o.handshakeIvl;
            case Sockopt.HEARTBEAT_IVL: return o.heartbeatIvl;
            case Sockopt.HEARTBEAT_TTL: return o.heartbeatTtl;
            case Sockopt.HEARTBEAT_TIMEOUT: return o.heartbeatTimeout;
            case Sockopt.LAST_ENDPOINT: return o.lastEndpoint;
            case Sockopt.TYPE: return o.type;
            default:
                throw new ZmqError(ZmqError.EINVAL, "option " + option + " cannot be read");
        }
    }

    private static int atLeast(Object v, int min) {
        int i = (Integer) v;
        if (i < min) {
            throw new ZmqError(ZmqError.EINVAL, "value " + i + " is below " + min);
        }
        return i;
    }
}

package org.zmq4j.internal.socket;

import org.zmq4j.internal.security.Mechanisms;
import org.zmq4j.internal.util.Options;
import org.zmq4j.internal.util.Z85;
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
            // Security, with libzmq's side effects on MECHANISM and the server role (options.cpp).
            case Sockopt.PLAIN_SERVER:
                o.asServer = (Boolean) v;
                o.mechanism = o.asServer ? Options.MECHANISM_PLAIN : Options.MECHANISM_NULL;
                break;
            case Sockopt.PLAIN_USERNAME:
            case Sockopt.PLAIN_PASSWORD: {
                String s = (String) v;
                if (option == Sockopt.PLAIN_USERNAME) {
                    o.plainUsername = s;
                } else {
                    o.plainPassword = s;
                }
                if (s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 255) {
                    throw new ZmqError(ZmqError.EINVAL, "PLAIN credentials are at most 255 bytes");
                }
                o.asServer = false;
                o.mechanism = s.isEmpty() ? Options.MECHANISM_NULL : Options.MECHANISM_PLAIN;
                break;
            }
            case Sockopt.CURVE_SERVER:
                requireCurve();
                o.asServer = (Boolean) v;
                o.mechanism = o.asServer ? Options.MECHANISM_CURVE : Options.MECHANISM_NULL;
                break;
            case Sockopt.CURVE_PUBLICKEY:
                requireCurve();
                o.curvePublicKey = curveKey(v);
                o.mechanism = Options.MECHANISM_CURVE;
                break;
            case Sockopt.CURVE_SECRETKEY:
                requireCurve();
                o.curveSecretKey = curveKey(v);
                o.mechanism = Options.MECHANISM_CURVE;
                break;
            case Sockopt.CURVE_SERVERKEY:
                requireCurve();
                o.curveServerKey = curveKey(v);
                o.asServer = false;
                o.mechanism = Options.MECHANISM_CURVE;
                break;
            case Sockopt.ZAP_DOMAIN: {
                String d = (String) v;
                if (d.length() > 255) {
                    throw new ZmqError(ZmqError.EINVAL, "ZAP_DOMAIN is at most 255 characters");
                }
                o.zapDomain = d;
                break;
            }
            case Sockopt.ZAP_ENFORCE_DOMAIN: o.zapEnforceDomain = (Boolean) v; break;
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
            case Sockopt.MECHANISM: return o.mechanism;
            case Sockopt.PLAIN_SERVER: return o.mechanism == Options.MECHANISM_PLAIN && o.asServer;
            case Sockopt.PLAIN_USERNAME: return o.plainUsername;
            case Sockopt.PLAIN_PASSWORD: return o.plainPassword;
            case Sockopt.CURVE_SERVER: return o.mechanism == Options.MECHANISM_CURVE && o.asServer;
            case Sockopt.CURVE_PUBLICKEY: return o.curvePublicKey == null ? null : o.curvePublicKey.clone();
            case Sockopt.CURVE_SECRETKEY: return o.curveSecretKey == null ? null : o.curveSecretKey.clone();
            case Sockopt.CURVE_SERVERKEY: return o.curveServerKey == null ? null : o.curveServerKey.clone();
            case Sockopt.ZAP_DOMAIN: return o.zapDomain;
            case Sockopt.ZAP_ENFORCE_DOMAIN: return o.zapEnforceDomain;
            case Sockopt.TYPE: return o.type;
            default:
                throw new ZmqError(ZmqError.EINVAL, "option " + option + " cannot be read");
        }
    }

    private static void requireCurve() {
        if (!Mechanisms.curveAvailable()) {
            // Let the provider lookup say which artifact is missing.
            Mechanisms.curve();
        }
    }

    /** A CURVE key as libzmq takes it: 32 bytes, or its 40-character Z85 text. */
    private static byte[] curveKey(Object v) {
        byte[] k = (byte[]) v;
        if (k.length == 32) {
            return k.clone();
        }
        if (k.length == 40) {
            String text = new String(k, java.nio.charset.StandardCharsets.US_ASCII);
            if (Z85.isValid(text)) {
                return Z85.decode(text);
            }
        }
        throw new ZmqError(ZmqError.EINVAL, "a CURVE key is 32 bytes or 40 Z85 characters");
    }

    private static int atLeast(Object v, int min) {
        int i = (Integer) v;
        if (i < min) {
            throw new ZmqError(ZmqError.EINVAL, "value " + i + " is below " + min);
        }
        return i;
    }
}

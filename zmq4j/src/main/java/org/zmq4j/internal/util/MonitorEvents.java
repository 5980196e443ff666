package org.zmq4j.internal.util;

/** libzmq's socket monitor event numbers ({@code ZMQ_EVENT_*}). */
public final class MonitorEvents {
    public static final int CONNECTED = 0x0001;
    public static final int CONNECT_DELAYED = 0x0002;
    public static final int CONNECT_RETRIED = 0x0004;
    public static final int LISTENING = 0x0008;
    public static final int BIND_FAILED = 0x0010;
    public static final int ACCEPTED = 0x0020;
    public static final int ACCEPT_FAILED = 0x0040;
    public static final int CLOSED = 0x0080;
    public static final int CLOSE_FAILED = 0x0100;
    public static final int DISCONNECTED = 0x0200;
    public static final int MONITOR_STOPPED = 0x0400;
    public static final int HANDSHAKE_FAILED_NO_DETAIL = 0x0800;
    public static final int HANDSHAKE_SUCCEEDED = 0x1000;
    public static final int HANDSHAKE_FAILED_PROTOCOL = 0x2000;
    public static final int HANDSHAKE_FAILED_AUTH = 0x4000;
    public static final int ALL = 0xFFFF;

    private MonitorEvents() {}
}

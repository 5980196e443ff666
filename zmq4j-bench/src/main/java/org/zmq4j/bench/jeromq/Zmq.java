package org.zmq4j.bench.jeromq;

import org.zmq4j.bench.PerfTool;
import zmq.Ctx;
import zmq.Msg;
import zmq.SocketBase;
import zmq.ZMQ;

/**
 * JeroMQ's C-style API ({@code zmq.ZMQ}) as its own perf tools use it, with libzmq's tools' error handling: a failed
 * call prints what failed and why, and exits.
 */
final class Zmq {
    private Zmq() {}

    static SocketBase socket(Ctx ctx, int type) {
        SocketBase s = ZMQ.socket(ctx, type);
        if (s == null) {
            throw PerfTool.fail("error in zmq_socket: " + ZMQ.strerror(ctx.errno().get()));
        }
        return s;
    }

    static void bind(SocketBase s, String endpoint) {
        check(s, ZMQ.bind(s, endpoint), "zmq_bind");
    }

    static void connect(SocketBase s, String endpoint) {
        check(s, ZMQ.connect(s, endpoint), "zmq_connect");
    }

    static void setOption(SocketBase s, int option, Object value) {
        check(s, ZMQ.setSocketOption(s, option, value), "zmq_setsockopt");
    }

    /** Receives one message and checks its size, as libzmq's tools do. */
    static Msg recvSized(SocketBase s, int messageSize) {
        Msg msg = ZMQ.recvMsg(s, 0);
        check(s, msg != null, "zmq_recvmsg");
        if (msg.size() != messageSize) {
            throw PerfTool.fail("message of incorrect size received");
        }
        return msg;
    }

    static void send(SocketBase s, Msg msg) {
        check(s, ZMQ.sendMsg(s, msg, 0) >= 0, "zmq_sendmsg");
    }

    /** Sends a new message of {@code messageSize} bytes, as libzmq's tools do (a fresh message each time). */
    static void sendNew(SocketBase s, int messageSize) {
        send(s, ZMQ.msgInitWithSize(messageSize));
    }

    static void check(SocketBase s, boolean ok, String call) {
        if (!ok) {
            throw PerfTool.fail("error in " + call + ": " + ZMQ.strerror(s.errno()));
        }
    }
}

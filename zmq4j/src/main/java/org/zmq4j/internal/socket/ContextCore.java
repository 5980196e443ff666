package org.zmq4j.internal.socket;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.zmq4j.internal.io.IoContext;
import org.zmq4j.internal.security.ZapConnector;
import org.zmq4j.internal.socket.pair.Pair;
import org.zmq4j.internal.socket.pipeline.Pull;
import org.zmq4j.internal.socket.pipeline.Push;
import org.zmq4j.internal.socket.pubsub.Pub;
import org.zmq4j.internal.socket.pubsub.Sub;
import org.zmq4j.internal.socket.pubsub.XPub;
import org.zmq4j.internal.socket.pubsub.XSub;
import org.zmq4j.internal.socket.reqrep.Dealer;
import org.zmq4j.internal.socket.reqrep.Rep;
import org.zmq4j.internal.socket.reqrep.Req;
import org.zmq4j.internal.socket.reqrep.Router;
import org.zmq4j.internal.transport.inproc.InprocRegistry;
import org.zmq4j.internal.util.Options;
import org.zmq4j.internal.util.SocketTypes;
import org.zmq4j.internal.util.ZmqError;

/**
 * What a context is underneath: its I/O threads, inproc names and open sockets, and termination.
 *
 * <p>Termination ({@link #terminate()}) makes calls blocked in any socket end with ETERM; {@link #close()} also
 * closes the sockets still open (waiting for a thread inside one of them to leave it), waits until every session
 * has delivered what LINGER allows, and stops the I/O threads.
 */
public final class ContextCore {
    private final IoContext io;
    private final InprocRegistry inproc = new InprocRegistry();
    private final Set<SocketBase> sockets = ConcurrentHashMap.newKeySet();
    private volatile boolean terminated;
    private boolean closed;

    public ContextCore(int ioThreads, Consumer<Throwable> errorHandler) {
        if (ioThreads < 1) {
            throw new ZmqError(ZmqError.EINVAL, "a context needs at least one I/O thread");
        }
        this.io = new IoContext(ioThreads, "zmq4j-", errorHandler);
    }

    public SocketBase createSocket(int type) {
        if (terminated) {
            throw new ZmqError(ZmqError.ETERM, "context was terminated");
        }
        Options o = new Options(type);
        SocketBase s;
        switch (type) {
            case SocketTypes.PAIR: s = new Pair(this, o); break;
            case SocketTypes.PUB: s = new Pub(this, o); break;
            case SocketTypes.SUB: s = new Sub(this, o); break;
            case SocketTypes.REQ: s = new Req(this, o); break;
            case SocketTypes.REP: s = new Rep(this, o); break;
            case SocketTypes.DEALER: s = new Dealer(this, o); break;
            case SocketTypes.ROUTER: s = new Router(this, o); break;
            case SocketTypes.PULL: s = new Pull(this, o); break;
            case SocketTypes.PUSH: s = new Push(this, o); break;
            case SocketTypes.XPUB: s = new XPub(this, o); break;
            case SocketTypes.XSUB: s = new XSub(this, o); break;
            default: throw new ZmqError(ZmqError.EINVAL, "unsupported socket type " + type);
        }
        sockets.add(s);
        return s;
    }

    IoContext io() {
        return io;
    }

    InprocRegistry inproc() {
        return inproc;
    }

    /** How connections reach the ZAP handler (27/ZAP: bound at inproc://zeromq.zap.01). */
    ZapConnector zapConnector() {
        return listener -> inproc.connectInternal("zeromq.zap.01", listener);
    }

    /** Where a closed socket's late commands run. */
    Executor reaper() {
        return io.choose()::execute;
    }

    void socketClosed(SocketBase s) {
        sockets.remove(s);
    }

    public boolean isTerminated() {
        return terminated;
    }

    /** Makes blocked and later calls on every socket fail with ETERM (libzmq's zmq_ctx_shutdown). */
    public void terminate() {
        terminated = true;
        for (SocketBase s : sockets) {
            s.wake();
        }
    }

    /** Terminates, closes open sockets, waits for LINGER to be honoured, stops the I/O threads. */
    public synchronized void close() {
        if (closed) {
            return;
        }
        terminate();
        List<SocketBase> open = new ArrayList<>(sockets);
        for (SocketBase s : open) {
            while (s.isInCall()) {
                s.wake();
                Thread.onSpinWait();
                Thread.yield();
            }
            s.close();
        }
        boolean quiet = io.awaitQuiescent();
        closed = true;
        io.stop();
        if (!quiet) {
            Thread.currentThread().interrupt();
        }
    }
}

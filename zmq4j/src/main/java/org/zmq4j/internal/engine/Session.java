package org.zmq4j.internal.engine;

import java.nio.channels.SocketChannel;
import java.util.Map;
import org.zmq4j.internal.io.IoContext;
import org.zmq4j.internal.io.IoThread;
import org.zmq4j.internal.io.Timer;
import org.zmq4j.internal.pipe.Pipe;
import org.zmq4j.internal.util.MonitorEvents;
import org.zmq4j.internal.util.Options;

/**
 * Bridges a socket's pipe and one connection at a time, on one I/O thread (libzmq's {@code session_base_t}).
 *
 * <p>A connect-side session lives as long as its endpoint: its pipe is made at connect time (unless IMMEDIATE), so
 * messages queue while there is no connection, and when a connection drops it reconnects with back-off
 * (RECONNECT_IVL, doubling up to RECONNECT_IVL_MAX, plus jitter as libzmq). An accepted session lives as long as
 * its connection; its pipe is made when the handshake completes.
 *
 * <p>Ending: when the socket ends the pipe (close, disconnect) the session keeps writing what the pipe still holds,
 * for at most LINGER ms (-1: until done), reconnecting if need be, then closes. It is counted in the context's live
 * objects from construction to {@link #finish()}.
 */
public final class Session implements Pipe.Listener {
    private final IoThread io;
    private final IoContext ctx;
    private final SocketPort socket;
    private final Options options;
    private final boolean connectSide;
    private final String endpoint;
    private Connector connector;
    private Runnable onFinished;

    private Pipe pipe;
    private Pipe socketEnd;
    private StreamEngine engine;
    /** The engine while it moves messages, for socket threads ({@link #readActivated}). */
    private volatile StreamEngine activeEngine;
    /** One task object for every wake-up of the engine's output (a busy pipe wakes it often). */
    private final Runnable restartOutput = () -> {
        if (engine != null) {
            engine.restartOutput();
        }
    };
    private int handshakes;
    private boolean terminating;
    private boolean stopped;
    private boolean finished;
    private Timer lingerTimer;
    private int reconnectIvl;

    public Session(IoThread io, IoContext ctx, SocketPort socket, Options options, boolean connectSide,
            String endpoint) {
        this.io = io;
        this.ctx = ctx;
        this.socket = socket;
        this.options = options;
        this.connectSide = connectSide;
        this.endpoint = endpoint;
        this.reconnectIvl = options.reconnectIvl;
        ctx.retain();
    }

    public IoThread ioThread() {
        return io;
    }

    public String endpoint() {
        return endpoint;
    }

    /**
     * Socket thread, before the session is started: creates the pipe now (connect side without IMMEDIATE) and
     * returns the socket's end.
     */
    public Pipe createPipe() {
        Pipe[] ends = Pipe.pair(socket.pipeListener(), options.sndHwm, this, options.rcvHwm);
        socketEnd = ends[0];
        socketEnd.attachment = this;
        pipe = ends[1];
        return socketEnd;
    }

    public void setConnector(Connector connector) {
        this.connector = connector;
    }

    /** Called when the session has finished (an accepted session leaves its listener's set). */
    public void onFinished(Runnable r) {
        this.onFinished = r;
    }

    /** I/O thread: begins connecting. */
    public void startConnecting() {
        connector.start(0);
    }

    // ---------------------------------------------------------------- connection lifecycle (I/O thread)

    /** A connection exists (made or accepted): start the ZMTP engine on it. */
    public void connected(SocketChannel channel, java.nio.channels.SelectionKey key, String remoteAddress) {
        if (finished) {
            closeQuietly(channel);
            return;
        }
        reconnectIvl = options.reconnectIvl;
        engine = new StreamEngine(this, io, channel, options, socket.zapConnector(), socket.events(), endpoint,
                remoteAddress);
        engine.plug(key);
    }

    private static void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (java.io.IOException e) {
            // already unusable
        }
    }

    /** A connection attempt failed: try again later. */
    public void connectFailed() {
        if (finished) {
            return;
        }
        scheduleReconnect();
    }

    private void scheduleReconnect() {
        if (options.reconnectIvl < 0) {
            // RECONNECT_IVL -1: no reconnection; the endpoint is done.
            endWithoutReconnect();
            return;
        }
        int base = Math.max(reconnectIvl, 1);
        int interval = base + (int) (Math.random() * Math.max(options.reconnectIvl, 1));
        if (options.reconnectIvlMax > 0 && options.reconnectIvlMax > options.reconnectIvl) {
            reconnectIvl = Math.min(reconnectIvl * 2, options.reconnectIvlMax);
        }
        socket.events().event(MonitorEvents.CONNECT_RETRIED, interval, endpoint, "");
        connector.start(interval);
    }

    private void endWithoutReconnect() {
        if (pipe != null) {
            pipe.terminate();
            pipe = null;
        }
        finish();
    }

    /** The handshake completed; returns the pipe the engine moves messages through. */
    Pipe engineReady(StreamEngine e, Map<String, byte[]> peerProps) {
        handshakes++;
        activeEngine = e;
        Map<String, byte[]> props = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        props.putAll(peerProps);
        props.put("Peer-Address",
                StreamEngine.peerIp(e.remoteAddress()).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        if (pipe == null) {
            if (stopped) {
                finish();
                return null;
            }
            Pipe[] ends = Pipe.pair(socket.pipeListener(), options.sndHwm, this, options.rcvHwm);
            socketEnd = ends[0];
            pipe = ends[1];
            socketEnd.peerProperties = props;
            socketEnd.attachment = this;
            socket.attachPipe(socketEnd);
        } else {
            socket.hiccup(socketEnd, props, handshakes > 1);
        }
        return pipe;
    }

    /** The engine closed after an error or the peer's close. */
    void engineFailed(StreamEngine e, boolean duringHandshake, String why) {
        if (engine != e) {
            return;
        }
        engine = null;
        activeEngine = null;
        if (pipe != null) {
            pipe.rollback();
        }
        if (finished) {
            return;
        }
        if (connectSide) {
            if (terminating && (pipe == null || options.linger == 0)) {
                finish();
                return;
            }
            if (options.immediate && pipe != null && !terminating) {
                pipe.terminate();
                pipe = null;
            }
            scheduleReconnect();
        } else {
            if (pipe != null) {
                pipe.terminate();
                pipe = null;
            }
            finish();
        }
    }

    // ---------------------------------------------------------------- Pipe.Listener (other threads)

    /**
     * Socket thread. An idle connection's engine writes right here (no I/O thread wake-up); otherwise, or for what
     * it could not write, the I/O thread is asked.
     */
    @Override
    public void readActivated(Pipe p) {
        StreamEngine e = activeEngine;
        if (e != null && e.writeFromCaller()) {
            return;
        }
        io.execute(restartOutput);
    }

    /**
     * Socket thread, whose read made room in a pipe the engine had found full (or this thread, after new limits):
     * the engine goes on right here if it can ({@link StreamEngine#restartInputFromCaller}); otherwise the I/O thread
     * restarts its input.
     */
    @Override
    public void writeActivated(Pipe p) {
        StreamEngine e = activeEngine;
        boolean restarted = false;
        try {
            restarted = e != null && e.restartInputFromCaller();
        } finally {
            if (!restarted) { // also if something the engine did threw: its input then waits for the I/O thread
                io.execute(() -> {
                    if (engine != null) {
                        engine.restartInput();
                    }
                });
            }
        }
    }

    @Override
    public void pipeTerminated(Pipe p) {
        io.execute(() -> onPipeTerminated(p));
    }

    @Override
    public void hwmsChanged(Pipe p) {
        io.execute(() -> {
            if (p == pipe) {
                p.applyRequestedHwms();
            }
        });
    }

    private void onPipeTerminated(Pipe p) {
        if (p != pipe || finished) {
            return;
        }
        if (!terminating) {
            terminating = true;
            int linger = p.peerLinger() != Integer.MIN_VALUE ? p.peerLinger() : options.linger;
            if (linger == 0) {
                p.onTerminated(false);
                pipe = null;
                finish();
                return;
            }
            if (linger > 0) {
                lingerTimer = io.schedule(linger, this::finish);
            }
        }
        if (p.onTerminated(true)) {
            // Everything the socket wrote has been handed to the engine.
            pipe = null;
            if (engine == null) {
                finish();
            } else {
                engine.closeWhenFlushed(); // calls engineDrained once written
            }
        } else if (engine != null) {
            engine.restartOutput();
        }
    }

    /** The engine wrote everything after the pipe ended, and closed. */
    void engineDrained(StreamEngine e) {
        if (engine == e) {
            engine = null;
            activeEngine = null;
            finish();
        }
    }

    /**
     * Listener or socket closing: a session still in its handshake has no pipe to drain, so it ends now. One whose
     * pipe already ended ({@code terminating}: its engine is writing what it took from the pipe) goes on until that
     * is written, the peer goes away or LINGER runs out.
     */
    public void closeIfNoPipe() {
        io.execute(() -> {
            stopped = true;
            if (pipe == null && !terminating && !finished) {
                finish();
            }
        });
    }

    /** Socket or listener: ends this session now, dropping what is queued (unbind, disconnect of an accepted one). */
    public void terminate() {
        io.execute(() -> {
            if (pipe != null) {
                pipe.terminate();
                pipe = null;
            }
            finish();
        });
    }

    private void finish() {
        if (finished) {
            return;
        }
        finished = true;
        if (lingerTimer != null) {
            lingerTimer.cancel();
        }
        if (connector != null) {
            connector.close();
        }
        if (engine != null) {
            engine.close();
            engine = null;
            activeEngine = null;
        }
        if (pipe != null) {
            pipe.terminate();
            pipe = null;
        }
        if (onFinished != null) {
            onFinished.run();
        }
        ctx.release();
    }
}

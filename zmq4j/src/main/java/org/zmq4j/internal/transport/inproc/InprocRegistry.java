package org.zmq4j.internal.transport.inproc;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.zmq4j.internal.pipe.Pipe;
import org.zmq4j.internal.util.Options;
import org.zmq4j.internal.util.SocketTypes;
import org.zmq4j.internal.util.ZmqError;

/**
 * A context's {@code inproc://} names. Bind and connect work in either order: a connect to a name nobody has
 * bound yet makes its pipe at once (so sends queue) and the binder receives the other end when it binds.
 * Pipes join the two sockets directly; each direction's high-water mark is the sender's SNDHWM plus the
 * receiver's RCVHWM (none if either is 0), as libzmq.
 */
public final class InprocRegistry {
    /** A socket as the registry sees it; {@link #attachInproc} may be called from any thread. */
    public interface Peer {
        Options options();

        Pipe.Listener pipeListener();

        void attachInproc(Pipe pipe, String endpoint);
    }

    private static final class Pending {
        final Peer connecter;
        final Pipe binderEnd;

        Pending(Peer connecter, Pipe binderEnd) {
            this.connecter = connecter;
            this.binderEnd = binderEnd;
        }
    }

    private final Map<String, Peer> bound = new HashMap<>();
    private final Map<String, List<Pending>> pending = new HashMap<>();

    public synchronized void bind(String name, Peer binder) {
        if (bound.containsKey(name)) {
            throw new ZmqError(ZmqError.EADDRINUSE, "inproc://" + name + " is already bound");
        }
        bound.put(name, binder);
        List<Pending> waiting = pending.remove(name);
        if (waiting != null) {
            Options b = binder.options();
            for (Pending p : waiting) {
                Options c = p.connecter.options();
                p.binderEnd.peerProperties = properties(c);
                p.binderEnd.setBinderHwms(b.sndHwm, b.rcvHwm, c.sndHwm, c.rcvHwm);
                DeferredListener d = (DeferredListener) p.binderEnd.attachment;
                p.binderEnd.attachment = null;
                binder.attachInproc(p.binderEnd, "inproc://" + name);
                d.forwardTo(p.binderEnd, binder.pipeListener());
            }
        }
    }

    /** Connects to {@code name}; returns the connecter's end, which the caller attaches. */
    public synchronized Pipe connect(String name, Peer connecter) {
        Peer binder = bound.get(name);
        Options c = connecter.options();
        if (binder == null) {
            // Until the binder appears its end's signals are held, and its HWMs are taken to equal the connecter's;
            // bind() then sets the sums with the binder's own.
            DeferredListener deferred = new DeferredListener();
            Pipe[] ends = Pipe.pair(connecter.pipeListener(), Pipe.sumHwms(c.sndHwm, c.rcvHwm), deferred,
                    Pipe.sumHwms(c.rcvHwm, c.sndHwm));
            ends[1].attachment = deferred;
            peerHwms(ends[0], c);
            peerHwms(ends[1], c);
            ends[0].deliversToApp = true;
            ends[1].deliversToApp = true;
            pending.computeIfAbsent(name, k -> new ArrayList<>()).add(new Pending(connecter, ends[1]));
            return ends[0];
        }
        Options b = binder.options();
        Pipe[] ends = Pipe.pair(connecter.pipeListener(), Pipe.sumHwms(c.sndHwm, b.rcvHwm), binder.pipeListener(),
                Pipe.sumHwms(b.sndHwm, c.rcvHwm));
        ends[0].peerProperties = properties(b);
        ends[1].peerProperties = properties(c);
        peerHwms(ends[0], b);
        peerHwms(ends[1], c);
        ends[0].deliversToApp = true;
        ends[1].deliversToApp = true;
        binder.attachInproc(ends[1], "inproc://" + name);
        return ends[0];
    }

    /**
     * Connects an internal pipe end (not a socket: the ZAP client of a connection) to the socket bound at
     * {@code name}; returns that end, or null if nothing is bound there.
     */
    public synchronized Pipe connectInternal(String name, Pipe.Listener listener) {
        Peer binder = bound.get(name);
        if (binder == null) {
            return null;
        }
        Pipe[] ends = Pipe.pair(listener, 0, binder.pipeListener(), 0);
        ends[1].peerSndHwm = 0; // unlimited whatever the binder's HWMs become
        ends[1].peerRcvHwm = 0;
        Map<String, byte[]> props = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        props.put("Socket-Type", "DEALER".getBytes(StandardCharsets.US_ASCII));
        ends[1].peerProperties = props;
        binder.attachInproc(ends[1], "inproc://" + name);
        return ends[0];
    }

    /** Forgets {@code name} if {@code binder} holds it; false if it did not. */
    public synchronized boolean unbind(String name, Peer binder) {
        if (bound.get(name) != binder) {
            return false;
        }
        bound.remove(name);
        return true;
    }

    /** Forgets every name {@code peer} bound and every connect it left pending (socket close). */
    public synchronized void removeAll(Peer peer) {
        bound.values().removeIf(p -> p == peer);
        for (Iterator<List<Pending>> it = pending.values().iterator(); it.hasNext(); ) {
            List<Pending> l = it.next();
            l.removeIf(p -> p.connecter == peer);
            if (l.isEmpty()) {
                it.remove();
            }
        }
    }

    /** Drops a pending connect whose connecter end was ended before any bind (disconnect). */
    public synchronized void cancelPending(String name, Peer connecter) {
        List<Pending> l = pending.get(name);
        if (l != null) {
            l.removeIf(p -> p.connecter == connecter);
            if (l.isEmpty()) {
                pending.remove(name);
            }
        }
    }

    /** Keeps the HWMs of the socket at {@code end}'s far side, which an inproc pipe's limits add to its owner's. */
    private static void peerHwms(Pipe end, Options peer) {
        end.peerSndHwm = peer.sndHwm;
        end.peerRcvHwm = peer.rcvHwm;
    }

    private static Map<String, byte[]> properties(Options o) {
        Map<String, byte[]> m = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        m.put("Socket-Type", SocketTypes.name(o.type).getBytes(StandardCharsets.US_ASCII));
        m.put("Identity", o.routingId);
        return m;
    }

    /** Holds the signals for a binder's end until the binder exists, then forwards them. */
    private static final class DeferredListener implements Pipe.Listener {
        private Pipe.Listener target;
        private Pipe pipe;
        private boolean read;
        private boolean write;
        private boolean terminated;
        private boolean hwms;

        synchronized void forwardTo(Pipe p, Pipe.Listener t) {
            pipe = p;
            target = t;
            if (read) {
                t.readActivated(p);
            }
            if (write) {
                t.writeActivated(p);
            }
            if (terminated) {
                t.pipeTerminated(p);
            }
            if (hwms) {
                t.hwmsChanged(p);
            }
        }

        @Override
        public synchronized void readActivated(Pipe p) {
            if (target != null) {
                target.readActivated(pipe);
            } else {
                read = true;
            }
        }

        @Override
        public synchronized void writeActivated(Pipe p) {
            if (target != null) {
                target.writeActivated(pipe);
            } else {
                write = true;
            }
        }

        @Override
        public synchronized void pipeTerminated(Pipe p) {
            if (target != null) {
                target.pipeTerminated(pipe);
            } else {
                terminated = true;
            }
        }

        @Override
        public synchronized void hwmsChanged(Pipe p) {
            if (target != null) {
                target.hwmsChanged(pipe);
            } else {
                hwms = true;
            }
        }
    }
}

package org.zmq4j.internal.socket.pubsub;

import java.util.ArrayDeque;
import java.util.function.Consumer;
import org.zmq4j.internal.pipe.Pipe;
import org.zmq4j.internal.routing.Distributor;
import org.zmq4j.internal.routing.MultiTrie;
import org.zmq4j.internal.socket.ContextCore;
import org.zmq4j.internal.socket.SocketBase;
import org.zmq4j.internal.socket.Sockopt;
import org.zmq4j.internal.util.Options;

/**
 * XPUB (29/PUBSUB): sends each message to the subscribers with a subscription that prefixes it, dropping it for a
 * subscriber whose queue is full; passes subscription messages ({@code 0x01}/{@code 0x00} + topic) up to the
 * application: a topic's first subscription and last cancellation (every one with XPUB_VERBOSE / VERBOSER),
 * and a cancellation for each topic a departing subscriber alone held.
 */
public class XPub extends SocketBase {
    protected final Distributor dist = new Distributor();
    protected final MultiTrie subscriptions = new MultiTrie();
    private final Consumer<Pipe> matcher = dist::match;
    private final ArrayDeque<byte[]> pending = new ArrayDeque<>();
    private final ArrayDeque<Integer> pendingFlags = new ArrayDeque<>();
    private final boolean upstream;
    private boolean verbose;
    private boolean verboser;
    private boolean moreOut;

    public XPub(ContextCore ctx, Options options) {
        this(ctx, options, true);
    }

    protected XPub(ContextCore ctx, Options options, boolean upstream) {
        super(ctx, options);
        this.upstream = upstream;
    }

    @Override
    protected void xAttachPipe(Pipe pipe, boolean locallyInitiated) {
        dist.attach(pipe);
        xReadActivated(pipe);
    }

    @Override
    protected void xReadActivated(Pipe pipe) {
        byte[] f;
        while ((f = pipe.read()) != null) {
            boolean more = (pipe.flags() & Pipe.MORE) != 0;
            if (!more && f.length > 0 && (f[0] == 1 || f[0] == 0)) {
                if (f[0] == 1) {
                    boolean first = subscriptions.add(f, 1, f.length - 1, pipe);
                    if (first || verbose || verboser) {
                        queue(f, 0);
                    }
                } else {
                    boolean last = subscriptions.remove(f, 1, f.length - 1, pipe);
                    if (last || verboser) {
                        queue(f, 0);
                    }
                }
                continue;
            }
            // A user message travelling upstream (from an XSUB): XPUB hands it to the application whole.
            queue(f, more ? Pipe.MORE : 0);
            while (more) {
                f = pipe.read();
                more = (pipe.flags() & Pipe.MORE) != 0;
                queue(f, more ? Pipe.MORE : 0);
            }
        }
    }

    private void queue(byte[] f, int flags) {
        if (upstream) {
            pending.add(f);
            pendingFlags.add(flags);
        }
    }

    @Override
    protected void xWriteActivated(Pipe pipe) {
        dist.activated(pipe);
    }

    @Override
    protected void xPipeTerminated(Pipe pipe) {
        subscriptions.removePipe(pipe, topic -> {
            byte[] cancel = new byte[topic.length + 1];
            System.arraycopy(topic, 0, cancel, 1, topic.length);
            queue(cancel, 0);
        });
        dist.pipeTerminated(pipe);
    }

    @Override
    protected boolean xSend(byte[] frame, int flags) {
        if (!moreOut) {
            dist.unmatch();
            subscriptions.match(frame, 0, frame.length, matcher);
        }
        dist.sendToMatching(frame, flags);
        moreOut = (flags & Pipe.MORE) != 0;
        return true;
    }

    @Override
    protected boolean xHasOut() {
        return true;
    }

    @Override
    protected byte[] xRecv() {
        byte[] f = pending.poll();
        if (f != null) {
            recvFlags = pendingFlags.poll();
        }
        return f;
    }

    @Override
    protected boolean xHasIn() {
        return !pending.isEmpty();
    }

    @Override
    protected boolean xSetOption(int option, Object value) {
        switch (option) {
            case Sockopt.XPUB_VERBOSE:
                verbose = (Boolean) value;
                return true;
            case Sockopt.XPUB_VERBOSER:
                verboser = (Boolean) value;
                return true;
            default:
                return false;
        }
    }
}

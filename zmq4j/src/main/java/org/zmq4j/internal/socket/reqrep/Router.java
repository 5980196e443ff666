package org.zmq4j.internal.socket.reqrep;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.zmq4j.internal.pipe.Pipe;
import org.zmq4j.internal.routing.FairQueue;
import org.zmq4j.internal.socket.ContextCore;
import org.zmq4j.internal.socket.SocketBase;
import org.zmq4j.internal.socket.Sockopt;
import org.zmq4j.internal.util.Options;
import org.zmq4j.internal.util.ZmqError;

/**
 * ROUTER (28/REQREP): fair-queues in, prefixing each message with the routing id of the peer it came from, and
 * sends each message to the peer its first frame names. A peer's id is its Identity property if it announced
 * one, else a 5-byte id (0x00 + counter) as libzmq. Unroutable messages are dropped, or fail with EHOSTUNREACH
 * under ROUTER_MANDATORY; a full peer drops the message, or gives EAGAIN under ROUTER_MANDATORY.
 */
public class Router extends SocketBase {
    private static final byte[] EMPTY = new byte[0];

    protected final FairQueue fq = new FairQueue();
    private final Map<IdKey, Pipe> outPipes = new HashMap<>();
    /** The key every lookup reuses, so that routing a message allocates nothing. */
    private final IdKey lookupKey = new IdKey(EMPTY);
    private final Set<Pipe> anonymous = new HashSet<>();
    private int nextId = ThreadLocalRandom.current().nextInt();
    private boolean mandatory;
    private boolean handover;
    private boolean probe;

    private byte[] pendingFrame;
    private int pendingFlags;
    private boolean moreIn;
    private Pipe currentOut;
    private boolean moreOut;

    public Router(ContextCore ctx, Options options) {
        super(ctx, options);
    }

    @Override
    protected void xAttachPipe(Pipe pipe, boolean locallyInitiated) {
        if (probe) {
            pipe.write(EMPTY, 0);
            pipe.flush();
        }
        if (identify(pipe, locallyInitiated)) {
            fq.attach(pipe);
        } else {
            anonymous.add(pipe);
        }
    }

    @Override
    protected void xHiccuped(Pipe pipe, boolean reconnected) {
        if (anonymous.contains(pipe) && identify(pipe, false)) {
            anonymous.remove(pipe);
            fq.attach(pipe);
        }
    }

    /** Gives the pipe its routing id; false while it cannot have one yet (or, without handover, a duplicate). */
    private boolean identify(Pipe pipe, boolean locallyInitiated) {
        byte[] id;
        if (locallyInitiated && options.connectRoutingId != null) {
            id = options.connectRoutingId;
            options.connectRoutingId = null;
        } else {
            if (pipe.peerProperties == null) {
                return false; // connect side before its handshake: the peer's Identity is not known yet
            }
            @SuppressWarnings("unchecked")
            Map<String, byte[]> props = (Map<String, byte[]>) pipe.peerProperties;
            byte[] peerId = props.get("Identity");
            if (peerId != null && peerId.length > 0) {
                id = peerId;
                Pipe old = lookup(id);
                if (old != null) {
                    if (!handover) {
                        return false; // libzmq: the newcomer is ignored
                    }
                    outPipes.remove(new IdKey(id));
                    old.routingId = autoId();
                    outPipes.put(new IdKey(old.routingId), old);
                    old.terminate(0);
                }
            } else {
                id = autoId();
            }
        }
        pipe.routingId = id;
        outPipes.put(new IdKey(id), pipe);
        return true;
    }

    private Pipe lookup(byte[] id) {
        Pipe p = outPipes.get(lookupKey.set(id));
        lookupKey.set(EMPTY);
        return p;
    }

    private byte[] autoId() {
        byte[] id = new byte[5];
        int n = nextId++;
        id[1] = (byte) (n >>> 24);
        id[2] = (byte) (n >>> 16);
        id[3] = (byte) (n >>> 8);
        id[4] = (byte) n;
        return id;
    }

    @Override
    protected void xPipeTerminated(Pipe pipe) {
        anonymous.remove(pipe);
        if (pipe.routingId != null) {
            outPipes.remove(new IdKey(pipe.routingId), pipe);
        }
        fq.pipeTerminated(pipe);
        if (pipe == currentOut) {
            currentOut = null;
        }
    }

    @Override
    protected void xReadActivated(Pipe pipe) {
        if (!anonymous.contains(pipe)) {
            fq.activated(pipe);
        }
    }

    @Override
    protected boolean xSend(byte[] frame, int flags) {
        boolean more = (flags & Pipe.MORE) != 0;
        if (!moreOut) {
            // The first frame names the peer; a lone frame is a malformed message and is dropped.
            if (more) {
                Pipe p = lookup(frame);
                if (p == null || p.isPeerTerminated()) {
                    if (mandatory) {
                        throw new ZmqError(ZmqError.EHOSTUNREACH, "no peer with this routing id");
                    }
                    currentOut = null;
                } else if (!p.checkWrite()) {
                    if (mandatory) {
                        return false;
                    }
                    currentOut = null;
                } else {
                    currentOut = p;
                }
            }
            moreOut = more;
            return true;
        }
        moreOut = more;
        if (currentOut != null) {
            currentOut.write(frame, flags);
            if (!more) {
                currentOut.flush();
                currentOut = null;
            }
        }
        return true;
    }

    /** Drops the message being sent (REP: a request whose envelope had no delimiter). */
    protected final void rollbackOut() {
        if (currentOut != null) {
            currentOut.rollback();
            currentOut = null;
        }
        moreOut = false;
    }

    @Override
    protected byte[] xRecv() {
        if (pendingFrame != null) {
            byte[] f = pendingFrame;
            pendingFrame = null;
            recvFlags = pendingFlags;
            moreIn = (recvFlags & Pipe.MORE) != 0;
            return f;
        }
        if (moreIn) {
            byte[] f = fq.recv();
            recvFlags = fq.flags();
            moreIn = (recvFlags & Pipe.MORE) != 0;
            return f;
        }
        byte[] f = fq.recv();
        if (f == null) {
            return null;
        }
        pendingFrame = f;
        pendingFlags = fq.flags();
        recvFlags = Pipe.MORE;
        moreIn = true;
        return routingIdFrame(fq.lastIn());
    }

    /** The frame that names the peer a message came from: a copy, as the application may keep or change it. */
    protected byte[] routingIdFrame(Pipe from) {
        return from.routingId.clone();
    }

    @Override
    protected boolean xHasIn() {
        return pendingFrame != null || moreIn || fq.hasIn();
    }

    @Override
    protected boolean xHasOut() {
        return true;
    }

    @Override
    protected boolean xSetOption(int option, Object value) {
        switch (option) {
            case Sockopt.ROUTER_MANDATORY:
                mandatory = (Boolean) value;
                return true;
            case Sockopt.ROUTER_HANDOVER:
                handover = (Boolean) value;
                return true;
            case Sockopt.PROBE_ROUTER:
                probe = (Boolean) value;
                return true;
            default:
                return false;
        }
    }

    @Override
    protected Pipe xLastIn() {
        return fq.lastIn();
    }

    /** A routing id as a map key: equal by contents. */
    private static final class IdKey {
        private byte[] id;
        private int hash;

        IdKey(byte[] id) {
            set(id);
        }

        IdKey set(byte[] id) {
            this.id = id;
            this.hash = Arrays.hashCode(id);
            return this;
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof IdKey k && Arrays.equals(id, k.id);
        }
    }
}

package org.zmq4j;

import org.zmq4j.internal.util.SocketTypes;

/** The socket types, with libzmq's numbers ({@code ZMQ_PAIR} = 0, …) and ZMTP names. */
public enum SocketType {
    PAIR(SocketTypes.PAIR),
    PUB(SocketTypes.PUB),
    SUB(SocketTypes.SUB),
    REQ(SocketTypes.REQ),
    REP(SocketTypes.REP),
    DEALER(SocketTypes.DEALER),
    ROUTER(SocketTypes.ROUTER),
    PULL(SocketTypes.PULL),
    PUSH(SocketTypes.PUSH),
    XPUB(SocketTypes.XPUB),
    XSUB(SocketTypes.XSUB);

    private final int id;

    SocketType(int id) {
        this.id = id;
    }

    /** libzmq's number for this type (the TYPE option). */
    public int id() {
        return id;
    }

    /** The type with libzmq number {@code id}. */
    public static SocketType of(int id) {
        for (SocketType t : values()) {
            if (t.id == id) {
                return t;
            }
        }
        throw new IllegalArgumentException("no socket type " + id);
    }

    /** True if a socket of this type may talk to one of {@code peer} (37/ZMTP 3.1's table). */
    public boolean isCompatible(SocketType peer) {
        return SocketTypes.compatible(id, peer.id);
    }
}

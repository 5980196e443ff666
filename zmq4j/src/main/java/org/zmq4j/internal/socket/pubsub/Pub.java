package org.zmq4j.internal.socket.pubsub;

import org.zmq4j.internal.socket.ContextCore;
import org.zmq4j.internal.util.Options;

/** PUB (29/PUBSUB): an XPUB that keeps subscriptions to itself and cannot receive. */
public final class Pub extends XPub {
    public Pub(ContextCore ctx, Options options) {
        super(ctx, options, false);
    }

    @Override
    protected byte[] xRecv() {
        throw new org.zmq4j.internal.util.ZmqError(org.zmq4j.internal.util.ZmqError.ENOTSUP,
                "PUB sockets cannot receive");
    }

    @Override
    protected boolean xHasIn() {
        return false;
    }
}

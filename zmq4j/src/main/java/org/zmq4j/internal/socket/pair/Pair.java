package org.zmq4j.internal.socket.pair;

import org.zmq4j.internal.pipe.Pipe;
import org.zmq4j.internal.socket.ContextCore;
import org.zmq4j.internal.socket.SocketBase;
import org.zmq4j.internal.util.Options;

/**
 * PAIR (31/EXPAIR): one peer at a time; a second connection is refused while the first lasts, and sending blocks
 * while there is no peer or its queue is full.
 */
public final class Pair extends SocketBase {
    private Pipe pipe;
    private boolean sendingMore;

    public Pair(ContextCore ctx, Options options) {
        super(ctx, options);
    }

    @Override
    protected void xAttachPipe(Pipe p, boolean locallyInitiated) {
        if (pipe != null) {
            dropPipe(p); // 31/EXPAIR: "SHALL NOT accept more than one connected peer"
            return;
        }
        pipe = p;
    }

    @Override
    protected void xPipeTerminated(Pipe p) {
        if (p == pipe) {
            pipe = null;
            sendingMore = false;
        }
    }

    @Override
    protected boolean xSend(byte[] frame, int flags) {
        if (pipe == null || (!sendingMore && !pipe.checkWrite())) {
            return false;
        }
        pipe.write(frame, flags);
        sendingMore = (flags & Pipe.MORE) != 0;
        if (!sendingMore) {
            pipe.flush();
        }
        return true;
    }

    @Override
    protected byte[] xRecv() {
        if (pipe == null) {
            return null;
        }
        byte[] f = pipe.read();
        if (f != null) {
            recvFlags = pipe.flags();
        }
        return f;
    }

    @Override
    protected boolean xHasIn() {
        return pipe != null && pipe.checkRead();
    }

    @Override
    protected boolean xHasOut() {
        return pipe != null && (sendingMore || pipe.checkWrite());
    }

    @Override
    protected Pipe xLastIn() {
        return pipe;
    }
}

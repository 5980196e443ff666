package org.zmq4j.internal.socket.reqrep;

import org.zmq4j.internal.pipe.Pipe;
import org.zmq4j.internal.socket.ContextCore;
import org.zmq4j.internal.util.Options;
import org.zmq4j.internal.util.ZmqError;

/**
 * REP (28/REQREP): a ROUTER that receives one request at a time, keeps its envelope (every frame up to and
 * including the empty delimiter) and sends the reply back with that envelope to the peer it came from.
 * Receiving twice or sending first is a state error (EFSM).
 */
public final class Rep extends Router {
    private boolean sendingReply;
    private boolean requestBegins = true;

    public Rep(ContextCore ctx, Options options) {
        super(ctx, options);
    }

    @Override
    protected boolean xSend(byte[] frame, int flags) {
        if (!sendingReply) {
            throw new ZmqError(ZmqError.EFSM, "REP must receive a request before sending a reply");
        }
        super.xSend(frame, flags);
        if ((flags & Pipe.MORE) == 0) {
            sendingReply = false;
        }
        return true;
    }

    @Override
    protected byte[] xRecv() {
        if (sendingReply) {
            throw new ZmqError(ZmqError.EFSM, "REP must send the reply before receiving another request");
        }
        while (requestBegins) {
            byte[] f = super.xRecv();
            if (f == null) {
                return null;
            }
            if ((recvFlags & Pipe.MORE) != 0) {
                // The envelope goes straight into the reply's pipe, routing id first.
                super.xSend(f, Pipe.MORE);
                if (f.length == 0) {
                    requestBegins = false;
                }
            } else {
                // 28/REQREP: a request without an empty delimiter is malformed and discarded.
                rollbackOut();
            }
        }
        byte[] f = super.xRecv();
        if (f == null) {
            return null;
        }
        if ((recvFlags & Pipe.MORE) == 0) {
            sendingReply = true;
            requestBegins = true;
        }
        return f;
    }

    /** The id goes straight back into the reply's routing and never reaches the application: no copy. */
    @Override
    protected byte[] routingIdFrame(Pipe from) {
        return from.routingId;
    }

    @Override
    protected boolean xHasIn() {
        return !sendingReply && super.xHasIn();
    }

    @Override
    protected boolean xHasOut() {
        return sendingReply;
    }
}

package org.zmq4j.internal.socket.reqrep;

import org.zmq4j.internal.pipe.Pipe;
import org.zmq4j.internal.socket.ContextCore;
import org.zmq4j.internal.util.Options;
import org.zmq4j.internal.util.ZmqError;

/**
 * REQ (28/REQREP): a DEALER that prefixes each request with an empty delimiter frame, then accepts exactly one
 * reply, from the peer the request went to, before the next request. Sending twice or receiving first is a
 * state error (EFSM).
 */
public final class Req extends Dealer {
    private static final byte[] EMPTY = new byte[0];

    private boolean receivingReply;
    private boolean messageBegins = true;
    private boolean replyBegins = true;
    private Pipe replyPipe;

    public Req(ContextCore ctx, Options options) {
        super(ctx, options);
    }

    @Override
    protected boolean xSend(byte[] frame, int flags) {
        if (receivingReply) {
            throw new ZmqError(ZmqError.EFSM, "REQ must receive the reply before sending another request");
        }
        if (messageBegins) {
            // 28/REQREP: "SHALL prefix the outgoing message with an empty delimiter frame"
            if (!lb.send(EMPTY, Pipe.MORE)) {
                return false;
            }
            replyPipe = lb.lastPipe();
            messageBegins = false;
        }
        lb.send(frame, flags);
        if ((flags & Pipe.MORE) == 0) {
            receivingReply = true;
            messageBegins = true;
            replyBegins = true;
        }
        return true;
    }

    @Override
    protected byte[] xRecv() {
        if (!receivingReply) {
            throw new ZmqError(ZmqError.EFSM, "REQ must send a request before receiving");
        }
        while (replyBegins) {
            byte[] f = fq.recv();
            if (f == null) {
                return null;
            }
            boolean more = (fq.flags() & Pipe.MORE) != 0;
            // 28/REQREP: "SHALL discard silently any messages received from other peers" and messages that do
            // not start with an empty delimiter.
            if (fq.lastIn() == replyPipe && f.length == 0 && more) {
                replyBegins = false;
                break;
            }
            while (more) {
                fq.recv();
                more = (fq.flags() & Pipe.MORE) != 0;
            }
        }
        byte[] f = fq.recv();
        if (f == null) {
            return null;
        }
        recvFlags = fq.flags();
        if ((recvFlags & Pipe.MORE) == 0) {
            receivingReply = false;
        }
        return f;
    }

    @Override
    protected boolean xHasIn() {
        return receivingReply && fq.hasIn();
    }

    @Override
    protected boolean xHasOut() {
        return !receivingReply && lb.hasOut();
    }
}

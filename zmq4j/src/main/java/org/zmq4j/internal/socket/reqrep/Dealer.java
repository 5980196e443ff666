package org.zmq4j.internal.socket.reqrep;

import org.zmq4j.internal.pipe.Pipe;
import org.zmq4j.internal.routing.FairQueue;
import org.zmq4j.internal.routing.LoadBalancer;
import org.zmq4j.internal.socket.ContextCore;
import org.zmq4j.internal.socket.SocketBase;
import org.zmq4j.internal.util.Options;

/** DEALER (28/REQREP): load-balances out, fair-queues in; blocks when no peer can take a message. */
public class Dealer extends SocketBase {
    protected final LoadBalancer lb = new LoadBalancer();
    protected final FairQueue fq = new FairQueue();

    public Dealer(ContextCore ctx, Options options) {
        super(ctx, options);
    }

    @Override
    protected void xAttachPipe(Pipe pipe, boolean locallyInitiated) {
        fq.attach(pipe);
        lb.attach(pipe);
    }

    @Override
    protected void xReadActivated(Pipe pipe) {
        fq.activated(pipe);
    }

    @Override
    protected void xWriteActivated(Pipe pipe) {
        lb.activated(pipe);
    }

    @Override
    protected void xPipeTerminated(Pipe pipe) {
        fq.pipeTerminated(pipe);
        lb.pipeTerminated(pipe);
    }

    @Override
    protected boolean xSend(byte[] frame, int flags) {
        return lb.send(frame, flags);
    }

    @Override
    protected byte[] xRecv() {
        byte[] f = fq.recv();
        recvFlags = fq.flags();
        return f;
    }

    @Override
    protected boolean xHasIn() {
        return fq.hasIn();
    }

    @Override
    protected boolean xHasOut() {
        return lb.hasOut();
    }

    @Override
    protected Pipe xLastIn() {
        return fq.lastIn();
    }
}

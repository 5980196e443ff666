package org.zmq4j.internal.socket.pipeline;

import org.zmq4j.internal.pipe.Pipe;
import org.zmq4j.internal.routing.FairQueue;
import org.zmq4j.internal.socket.ContextCore;
import org.zmq4j.internal.socket.SocketBase;
import org.zmq4j.internal.util.Options;

/** PULL (30/PIPELINE): fair-queues messages from its PUSH peers. */
public final class Pull extends SocketBase {
    private final FairQueue fq = new FairQueue();

    public Pull(ContextCore ctx, Options options) {
        super(ctx, options);
    }

    @Override
    protected void xAttachPipe(Pipe pipe, boolean locallyInitiated) {
        fq.attach(pipe);
    }

    @Override
    protected void xReadActivated(Pipe pipe) {
        fq.activated(pipe);
    }

    @Override
    protected void xPipeTerminated(Pipe pipe) {
        fq.pipeTerminated(pipe);
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
    protected Pipe xLastIn() {
        return fq.lastIn();
    }
}

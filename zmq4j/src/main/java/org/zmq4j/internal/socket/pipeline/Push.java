package org.zmq4j.internal.socket.pipeline;

import org.zmq4j.internal.pipe.Pipe;
import org.zmq4j.internal.routing.LoadBalancer;
import org.zmq4j.internal.socket.ContextCore;
import org.zmq4j.internal.socket.SocketBase;
import org.zmq4j.internal.util.Options;

/** PUSH (30/PIPELINE): load-balances messages over its PULL peers; blocks when none can take one. */
public final class Push extends SocketBase {
    private final LoadBalancer lb = new LoadBalancer();

    public Push(ContextCore ctx, Options options) {
        super(ctx, options);
    }

    @Override
    protected void xAttachPipe(Pipe pipe, boolean locallyInitiated) {
        lb.attach(pipe);
    }

    @Override
    protected void xWriteActivated(Pipe pipe) {
        lb.activated(pipe);
    }

    @Override
    protected void xPipeTerminated(Pipe pipe) {
        lb.pipeTerminated(pipe);
    }

    @Override
    protected boolean xSend(byte[] frame, int flags) {
        return lb.send(frame, flags);
    }

    @Override
    protected boolean xHasOut() {
        return lb.hasOut();
    }
}

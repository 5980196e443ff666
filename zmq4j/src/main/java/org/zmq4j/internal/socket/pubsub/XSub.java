package org.zmq4j.internal.socket.pubsub;

import org.zmq4j.internal.pipe.Pipe;
import org.zmq4j.internal.routing.Distributor;
import org.zmq4j.internal.routing.FairQueue;
import org.zmq4j.internal.routing.SubscriptionTrie;
import org.zmq4j.internal.socket.ContextCore;
import org.zmq4j.internal.socket.SocketBase;
import org.zmq4j.internal.util.Options;

/**
 * XSUB (29/PUBSUB): fair-queues messages from publishers without filtering; a sent {@code 0x01}/{@code 0x00} +
 * topic message subscribes or cancels at every publisher, other sent messages go upstream as they are. Keeps its
 * subscriptions, sends them to every new publisher and again after a reconnect.
 */
public class XSub extends SocketBase {
    protected final FairQueue fq = new FairQueue();
    protected final Distributor dist = new Distributor();
    protected final SubscriptionTrie subscriptions = new SubscriptionTrie();
    private boolean moreOut;

    public XSub(ContextCore ctx, Options options) {
        super(ctx, options);
    }

    @Override
    protected void xAttachPipe(Pipe pipe, boolean locallyInitiated) {
        fq.attach(pipe);
        dist.attach(pipe);
        sendSubscriptions(pipe);
    }

    @Override
    protected void xHiccuped(Pipe pipe, boolean reconnected) {
        if (reconnected) {
            // 29/PUBSUB: subscriptions are re-sent after a reconnect, since the publisher forgot them.
            sendSubscriptions(pipe);
        }
    }

    private void sendSubscriptions(Pipe pipe) {
        if (subscriptions.size() == 0) {
            return;
        }
        subscriptions.forEach(topic -> {
            byte[] m = new byte[topic.length + 1];
            m[0] = 1;
            System.arraycopy(topic, 0, m, 1, topic.length);
            pipe.write(m, Pipe.SUBSCRIPTION);
        });
        pipe.flush();
    }

    @Override
    protected void xReadActivated(Pipe pipe) {
        fq.activated(pipe);
    }

    @Override
    protected void xWriteActivated(Pipe pipe) {
        dist.activated(pipe);
    }

    @Override
    protected void xPipeTerminated(Pipe pipe) {
        fq.pipeTerminated(pipe);
        dist.pipeTerminated(pipe);
    }

    @Override
    protected boolean xSend(byte[] frame, int flags) {
        boolean first = !moreOut;
        boolean more = (flags & Pipe.MORE) != 0;
        moreOut = more;
        if (first && !more && frame.length > 0 && frame[0] == 1) {
            subscriptions.add(frame, 1, frame.length - 1);
            dist.sendToAll(frame, Pipe.SUBSCRIPTION);
            return true;
        }
        if (first && !more && frame.length > 0 && frame[0] == 0) {
            // Only the cancellation that removes the last reference goes upstream (libzmq's xsub_t).
            if (subscriptions.remove(frame, 1, frame.length - 1)) {
                dist.sendToAll(frame, Pipe.SUBSCRIPTION);
            }
            return true;
        }
        dist.sendToAll(frame, flags);
        return true;
    }

    @Override
    protected boolean xHasOut() {
        return true;
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

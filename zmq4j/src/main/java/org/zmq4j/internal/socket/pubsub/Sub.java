package org.zmq4j.internal.socket.pubsub;

import org.zmq4j.internal.pipe.Pipe;
import org.zmq4j.internal.socket.ContextCore;
import org.zmq4j.internal.socket.Sockopt;
import org.zmq4j.internal.util.Options;
import org.zmq4j.internal.util.ZmqError;

/**
 * SUB (29/PUBSUB): an XSUB driven by the SUBSCRIBE and UNSUBSCRIBE options, which delivers only messages whose
 * first frame starts with a subscribed prefix (it filters too, for publishers that send everything).
 */
public final class Sub extends XSub {
    private byte[] prefetched;
    private int prefetchedFlags;
    private boolean moreIn;

    public Sub(ContextCore ctx, Options options) {
        super(ctx, options);
    }

    @Override
    protected boolean xSetOption(int option, Object value) {
        if (option != Sockopt.SUBSCRIBE && option != Sockopt.UNSUBSCRIBE) {
            return false;
        }
        byte[] topic = (byte[]) value;
        byte[] m = new byte[topic.length + 1];
        m[0] = (byte) (option == Sockopt.SUBSCRIBE ? 1 : 0);
        System.arraycopy(topic, 0, m, 1, topic.length);
        super.xSend(m, 0);
        return true;
    }

    @Override
    protected boolean xSend(byte[] frame, int flags) {
        throw new ZmqError(ZmqError.ENOTSUP, "SUB sockets cannot send");
    }

    @Override
    protected boolean xHasOut() {
        return false;
    }

    @Override
    protected byte[] xRecv() {
        if (prefetched != null) {
            byte[] f = prefetched;
            prefetched = null;
            recvFlags = prefetchedFlags;
            moreIn = (recvFlags & Pipe.MORE) != 0;
            return f;
        }
        byte[] f = nextMatching();
        if (f != null) {
            recvFlags = fq.flags();
            moreIn = (recvFlags & Pipe.MORE) != 0;
        }
        return f;
    }

    /** The next frame to deliver: a continuation, or the first frame of a matching message. */
    private byte[] nextMatching() {
        while (true) {
            byte[] f = fq.recv();
            if (f == null) {
                return null;
            }
            if (moreIn || subscriptions.matches(f, 0, f.length)) {
                return f;
            }
            boolean more = (fq.flags() & Pipe.MORE) != 0;
            while (more) {
                fq.recv();
                more = (fq.flags() & Pipe.MORE) != 0;
            }
        }
    }

    @Override
    protected boolean xHasIn() {
        if (moreIn || prefetched != null) {
            return true;
        }
        byte[] f = nextMatching();
        if (f == null) {
            return false;
        }
        prefetched = f;
        prefetchedFlags = fq.flags();
        return true;
    }
}

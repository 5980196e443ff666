package org.zmq4j.internal.routing;

import org.zmq4j.internal.pipe.Pipe;

/**
 * Manages a set of outbound pipes; on send it load-balances whole messages round-robin over the pipes that can
 * take one (libzmq's {@code lb_t}). A full pipe is skipped until its reader makes room.
 */
public final class LoadBalancer {
    private final ActivePipes pipes = new ActivePipes(true);
    private boolean more;
    private boolean dropping;
    private Pipe last;

    public void attach(Pipe pipe) {
        pipes.attach(pipe);
    }

    public void activated(Pipe pipe) {
        pipes.activate(pipe);
    }

    public void pipeTerminated(Pipe pipe) {
        if (pipes.remove(pipe) && more) {
            dropping = true; // the rest of a multipart message for a dead pipe is dropped
        }
        if (last == pipe) {
            last = null;
        }
    }

    /** Sends a frame; false if no pipe can take a new message now. */
    public boolean send(byte[] frame, int flags) {
        boolean frameMore = (flags & Pipe.MORE) != 0;
        if (dropping) {
            more = frameMore;
            dropping = more;
            return true;
        }
        Pipe p = null;
        while (pipes.hasActive()) {
            p = pipes.current();
            if (more || p.checkWrite()) {
                break;
            }
            pipes.deactivateCurrent();
            p = null;
        }
        if (p == null) {
            return false;
        }
        p.write(frame, flags);
        more = frameMore;
        last = p;
        if (!more) {
            p.flush();
            pipes.advance();
        }
        return true;
    }

    /** The pipe the last frame went to. */
    public Pipe lastPipe() {
        return last;
    }

    public boolean hasOut() {
        if (more) {
            return true;
        }
        while (pipes.hasActive()) {
            if (pipes.current().checkWrite()) {
                return true;
            }
            pipes.deactivateCurrent();
        }
        return false;
    }
}

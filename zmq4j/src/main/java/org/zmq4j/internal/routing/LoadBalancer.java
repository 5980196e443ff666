package org.zmq4j.internal.routing;

import org.zmq4j.internal.pipe.Pipe;

/**
 * Manages a set of outbound pipes; on send it load-balances whole messages round-robin over the pipes that can
 * take one (libzmq's {@code lb_t}). A full pipe is skipped until its reader makes room.
 */
public final class LoadBalancer {
    private final PipeList pipes = new PipeList();
    private int active;
    private int current;
    private boolean more;
    private boolean dropping;
    private Pipe last;

    public void attach(Pipe pipe) {
        pipes.add(pipe);
        activated(pipe);
    }

    public void activated(Pipe pipe) {
        int i = pipes.indexOf(pipe);
        if (i >= active) {
            pipes.swap(i, active);
            active++;
        }
    }

    public void pipeTerminated(Pipe pipe) {
        int i = pipes.indexOf(pipe);
        if (i < 0) {
            return;
        }
        if (i == current && more) {
            dropping = true; // the rest of a multipart message for a dead pipe is dropped
        }
        if (i < active) {
            active--;
            pipes.swap(i, active);
            if (current == active) {
                current = 0;
            }
            i = active;
        }
        pipes.removeAt(i);
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
        while (active > 0) {
            p = pipes.get(current);
            if (more || p.checkWrite()) {
                break;
            }
            active--;
            pipes.swap(current, active);
            if (current == active) {
                current = 0;
            }
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
            if (++current >= active) {
                current = 0;
            }
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
        while (active > 0) {
            if (pipes.get(current).checkWrite()) {
                return true;
            }
            active--;
            pipes.swap(current, active);
            if (current == active) {
                current = 0;
            }
        }
        return false;
    }
}

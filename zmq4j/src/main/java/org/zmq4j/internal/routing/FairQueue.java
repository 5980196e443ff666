package org.zmq4j.internal.routing;

import org.zmq4j.internal.pipe.Pipe;

/**
 * Manages a set of inbound pipes; on receive it takes whole messages round-robin from the pipes that have one
 * (libzmq's {@code fq_t}). An empty pipe is skipped until its writer flushes more.
 */
public final class FairQueue {
    private final PipeList pipes = new PipeList();
    private int active;
    private int current;
    private boolean more;
    private Pipe lastIn;
    private int flags;

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
        if (i < active) {
            active--;
            pipes.swap(i, active);
            if (current == active) {
                current = 0;
            }
            i = active;
        }
        pipes.removeAt(i);
        if (lastIn == pipe) {
            lastIn = null;
            more = false;
        }
    }

    /** The next frame, or null if no pipe has a message; its flags are in {@link #flags()}. */
    public byte[] recv() {
        while (active > 0) {
            Pipe p = pipes.get(current);
            byte[] frame = p.read();
            if (frame != null) {
                lastIn = p;
                flags = p.flags();
                more = (flags & Pipe.MORE) != 0;
                if (!more && ++current >= active) {
                    current = 0;
                }
                return frame;
            }
            // Messages are published whole, so a pipe cannot run dry in the middle of one.
            more = false;
            active--;
            pipes.swap(current, active);
            if (current == active) {
                current = 0;
            }
        }
        return null;
    }

    public int flags() {
        return flags;
    }

    /** The pipe the last frame came from. */
    public Pipe lastIn() {
        return lastIn;
    }

    public boolean hasIn() {
        if (more) {
            return true;
        }
        while (active > 0) {
            if (pipes.get(current).checkRead()) {
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

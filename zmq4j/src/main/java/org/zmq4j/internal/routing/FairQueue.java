package org.zmq4j.internal.routing;

import org.zmq4j.internal.pipe.Pipe;

/**
 * Manages a set of inbound pipes; on receive it takes whole messages round-robin from the pipes that have one
 * (libzmq's {@code fq_t}). An empty pipe is skipped until its writer flushes more.
 */
public final class FairQueue {
    private final ActivePipes pipes = new ActivePipes(false);
    private boolean more;
    private Pipe lastIn;
    private int flags;

    public void attach(Pipe pipe) {
        pipes.attach(pipe);
    }

    public void activated(Pipe pipe) {
        pipes.activate(pipe);
    }

    public void pipeTerminated(Pipe pipe) {
        pipes.remove(pipe);
        if (lastIn == pipe) {
            lastIn = null;
            more = false;
        }
    }

    /** The next frame, or null if no pipe has a message; its flags are in {@link #flags()}. */
    public byte[] recv() {
        while (pipes.hasActive()) {
            Pipe p = pipes.current();
            byte[] frame = p.read();
            if (frame != null) {
                lastIn = p;
                flags = p.flags();
                more = (flags & Pipe.MORE) != 0;
                if (!more) {
                    pipes.advance();
                }
                return frame;
            }
            // Messages are published whole, so a pipe cannot run dry in the middle of one.
            more = false;
            pipes.deactivateCurrent();
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
        while (pipes.hasActive()) {
            if (pipes.current().checkRead()) {
                return true;
            }
            pipes.deactivateCurrent();
        }
        return false;
    }
}

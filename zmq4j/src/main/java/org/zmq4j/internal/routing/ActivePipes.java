package org.zmq4j.internal.routing;

import org.zmq4j.internal.pipe.Pipe;

/**
 * The pipes of a round-robin strategy, active ones first: {@code [0, active)} take part, and {@link #current()}
 * is the one whose turn it is (libzmq's {@code lb_t} and {@code fq_t} keep the same arrangement). Activation and
 * deactivation are swaps. Used on the owning socket's thread only.
 */
final class ActivePipes {
    private final PipeList pipes;
    private int active;
    private int current;

    /** {@code outbound}: which of a pipe's slots the list keeps ({@link PipeList}). */
    ActivePipes(boolean outbound) {
        pipes = new PipeList(outbound);
    }

    void attach(Pipe pipe) {
        pipes.add(pipe);
        activate(pipe);
    }

    /** Moves a pipe into the active part (nothing if it is there already). */
    void activate(Pipe pipe) {
        int i = pipes.indexOf(pipe);
        if (i >= active) {
            pipes.swap(i, active);
            active++;
        }
    }

    /** Removes a pipe; true if it was the current one (false also when it was not held). */
    boolean remove(Pipe pipe) {
        int i = pipes.indexOf(pipe);
        if (i < 0) {
            return false;
        }
        boolean wasCurrent = i == current;
        if (i < active) {
            active--;
            pipes.swap(i, active);
            if (current == active) {
                current = 0;
            }
            i = active;
        }
        pipes.removeAt(i);
        return wasCurrent;
    }

    boolean hasActive() {
        return active > 0;
    }

    /** The pipe whose turn it is; only when {@link #hasActive()}. */
    Pipe current() {
        return pipes.get(current);
    }

    /** Takes the current pipe out of the rotation until it is activated again. */
    void deactivateCurrent() {
        active--;
        pipes.swap(current, active);
        if (current == active) {
            current = 0;
        }
    }

    /** Passes the turn to the next active pipe. */
    void advance() {
        if (++current >= active) {
            current = 0;
        }
    }
}

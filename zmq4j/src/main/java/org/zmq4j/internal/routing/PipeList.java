package org.zmq4j.internal.routing;

import java.util.ArrayList;
import org.zmq4j.internal.pipe.Pipe;

/**
 * A list of pipes whose order the strategies rearrange by swapping, with index lookup in constant time: each pipe
 * carries its own index in one of two slots, {@link Pipe#inSlot} for an inbound list (fair queue) or
 * {@link Pipe#outSlot} for an outbound one (load balancer, distributor), as a socket holds a pipe in at most one of
 * each. A scan per lookup made a 100-subscriber PUB's matching quadratic in its subscribers.
 */
final class PipeList {
    private final ArrayList<Pipe> pipes = new ArrayList<>();
    private final boolean outbound;

    PipeList(boolean outbound) {
        this.outbound = outbound;
    }

    private void place(Pipe p, int i) {
        if (outbound) {
            p.outSlot = i;
        } else {
            p.inSlot = i;
        }
    }

    int size() {
        return pipes.size();
    }

    Pipe get(int i) {
        return pipes.get(i);
    }

    void add(Pipe p) {
        place(p, pipes.size());
        pipes.add(p);
    }

    int indexOf(Pipe p) {
        int i = outbound ? p.outSlot : p.inSlot;
        return i >= 0 && i < pipes.size() && pipes.get(i) == p ? i : -1;
    }

    void swap(int i, int j) {
        if (i != j) {
            Pipe a = pipes.get(i);
            Pipe b = pipes.get(j);
            pipes.set(i, b);
            pipes.set(j, a);
            place(b, i);
            place(a, j);
        }
    }

    /** Removes the pipe at {@code i} by moving the last pipe into its place. */
    void removeAt(int i) {
        int last = pipes.size() - 1;
        swap(i, last);
        place(pipes.remove(last), -1);
    }
}

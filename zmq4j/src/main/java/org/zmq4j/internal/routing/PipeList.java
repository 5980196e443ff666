package org.zmq4j.internal.routing;

import java.util.ArrayList;
import org.zmq4j.internal.pipe.Pipe;

/** A list of pipes whose order the strategies rearrange by swapping, with index lookup. */
final class PipeList {
    private final ArrayList<Pipe> pipes = new ArrayList<>();

    int size() {
        return pipes.size();
    }

    Pipe get(int i) {
        return pipes.get(i);
    }

    void add(Pipe p) {
        pipes.add(p);
    }

    int indexOf(Pipe p) {
        for (int i = 0, n = pipes.size(); i < n; i++) {
            if (pipes.get(i) == p) {
                return i;
            }
        }
        return -1;
    }

    void swap(int i, int j) {
        if (i != j) {
            Pipe a = pipes.get(i);
            pipes.set(i, pipes.get(j));
            pipes.set(j, a);
        }
    }

    /** Removes the pipe at {@code i} by moving the last pipe into its place. */
    void removeAt(int i) {
        int last = pipes.size() - 1;
        swap(i, last);
        pipes.remove(last);
    }
}

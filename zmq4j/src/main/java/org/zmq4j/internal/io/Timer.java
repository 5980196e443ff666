package org.zmq4j.internal.io;

/** A one-shot timer of an {@link IoThread}; created, run and cancelled on that thread only. */
public final class Timer implements Comparable<Timer> {
    final long deadline;
    final long seq;
    final Runnable task;
    boolean cancelled;

    Timer(long deadline, long seq, Runnable task) {
        this.deadline = deadline;
        this.seq = seq;
        this.task = task;
    }

    public void cancel() {
        cancelled = true;
    }

    @Override
    public int compareTo(Timer o) {
        int c = Long.compare(deadline, o.deadline);
        return c != 0 ? c : Long.compare(seq, o.seq);
    }
}

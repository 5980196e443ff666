package org.zmq4j.internal.concurrent;

import java.util.concurrent.locks.LockSupport;

/**
 * A socket's mailbox: commands posted by any thread, run by the one thread that uses the socket, which parks
 * while it waits for one.
 *
 * <p>{@link #post} may be called from any thread. {@link #runAll} and {@link #await} are called by the socket's
 * thread only. A waiting thread registers itself before its final emptiness check and a poster reads the
 * registration after enqueuing, so a command never arrives unseen.
 */
public final class CommandQueue {
    private final TaskQueue queue = new TaskQueue();
    private volatile Thread waiter;
    private volatile java.util.concurrent.Executor forward;

    public void post(Runnable command) {
        queue.add(command);
        java.util.concurrent.Executor f = forward;
        if (f != null) {
            f.execute(this::runAll);
            return;
        }
        Thread w = waiter;
        if (w != null) {
            LockSupport.unpark(w);
        }
    }

    /**
     * From now on commands run on {@code executor} (one thread) instead of the socket's thread: used once the
     * socket is closed, so late commands (a pipe attached during close) are still answered.
     */
    public void forwardTo(java.util.concurrent.Executor executor) {
        forward = executor;
        executor.execute(this::runAll);
    }

    public boolean isEmpty() {
        return queue.isEmpty();
    }

    /** Runs every command queued now; returns whether there were any. */
    public boolean runAll() {
        Runnable c = queue.poll();
        if (c == null) {
            return false;
        }
        do {
            c.run();
        } while ((c = queue.poll()) != null);
        return true;
    }

    /** Makes {@code t} the thread that {@link #post} unparks (null to stop). */
    public void setWaiter(Thread t) {
        waiter = t;
    }

    /** Wakes whatever thread waits on this queue, without a command (termination). */
    public void wakeWaiter() {
        Thread w = waiter;
        if (w != null) {
            LockSupport.unpark(w);
        }
    }

    /**
     * Parks the calling thread until a command is queued, the deadline passes ({@code deadline} in
     * {@link System#nanoTime()} terms, {@code Long.MAX_VALUE} for none), the thread is interrupted or
     * {@link #wakeWaiter()} is called. Spurious returns are possible; callers loop.
     */
    public void await(long deadline) {
        waiter = Thread.currentThread();
        try {
            if (!queue.isEmpty()) {
                return;
            }
            Waits.waiting();
            if (deadline == Long.MAX_VALUE) {
                LockSupport.park(this);
            } else {
                long wait = deadline - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(this, wait);
                }
            }
        } finally {
            waiter = null;
        }
    }
}

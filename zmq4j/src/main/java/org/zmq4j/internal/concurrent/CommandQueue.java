package org.zmq4j.internal.concurrent;

import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * A socket's mailbox: commands posted by any thread, run by the one thread that uses the socket, which parks
 * while it waits for one.
 *
 * <p>{@link #post} may be called from any thread. {@link #runAll} and {@link #await} are called by the socket's
 * thread only. A waiting thread registers itself before its final emptiness check and a poster reads the
 * registration after enqueuing, so a command never arrives unseen. The same holds for a stop condition (the
 * context's end) that is set before {@link #wakeWaiter}: the waiting thread looks at it after registering.
 */
public final class CommandQueue {
    private final TaskQueue queue = new TaskQueue();
    private volatile Thread waiter;
    private volatile java.util.concurrent.Executor forward;

    /** Queues {@code command}; true if a thread was waiting and is now unparked. */
    public boolean post(Runnable command) {
        queue.add(command);
        java.util.concurrent.Executor f = forward;
        if (f != null) {
            f.execute(this::runAll);
            return false;
        }
        Thread w = waiter;
        if (w != null) {
            LockSupport.unpark(w);
            return true;
        }
        return false;
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

    /**
     * Wakes whatever thread waits on this queue, without a command (termination: set the stop condition the waiter
     * passes to {@link #await} first). True if a thread was waiting and is now unparked.
     */
    public boolean wakeWaiter() {
        Thread w = waiter;
        if (w != null) {
            LockSupport.unpark(w);
            return true;
        }
        return false;
    }

    /**
     * Registers the calling thread as the one {@link #post} and {@link #wakeWaiter} unpark, then looks once more:
     * true if it may park, false if a command is queued or {@code stopped} is true. Either way the caller ends with
     * {@link #doneWaiting}. (What {@link #await} does before it parks; a public step for the stress tests.)
     */
    public boolean prepareToWait(BooleanSupplier stopped) {
        waiter = Thread.currentThread();
        return queue.isEmpty() && !stopped.getAsBoolean();
    }

    public void doneWaiting() {
        waiter = null;
    }

    /**
     * Parks the calling thread until a command is queued, {@code stopped} is true (it is looked at after the thread
     * is registered, so a stop set before {@link #wakeWaiter} is never missed), the deadline passes ({@code deadline}
     * in {@link System#nanoTime()} terms, {@code Long.MAX_VALUE} for none), the thread is interrupted or
     * {@link #wakeWaiter()} is called. Spurious returns are possible; callers loop.
     */
    public void await(long deadline, BooleanSupplier stopped) {
        try {
            if (!prepareToWait(stopped)) {
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
            doneWaiting();
        }
    }
}

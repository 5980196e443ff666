package org.zmq4j.internal.concurrent;

import java.util.ArrayDeque;

/**
 * Unbounded first-in first-out queue of tasks: any thread adds, the owner takes them out. Once its array has grown
 * to the largest backlog seen, adding allocates nothing: a {@code ConcurrentLinkedQueue} allocates a node per task,
 * and with a command per message (request-reply, or large messages that wake a thread each) that was the only
 * allocation per message left.
 *
 * <p>The array is guarded by its own monitor, held for a few instructions. The count is volatile and written under
 * the monitor after each change, so {@link #isEmpty} takes no lock, and a thread that adds and then reads whether the
 * owner sleeps, while the owner announces its sleep and then checks {@link #isEmpty}, always lets one see the other.
 */
public final class TaskQueue {
    private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
    private volatile int size;

    public void add(Runnable task) {
        synchronized (tasks) {
            tasks.addLast(task);
            size = tasks.size();
        }
    }

    /** The oldest task, or null if none. */
    public Runnable poll() {
        if (size == 0) {
            return null;
        }
        synchronized (tasks) {
            Runnable task = tasks.pollFirst();
            size = tasks.size();
            return task;
        }
    }

    public boolean isEmpty() {
        return size == 0;
    }
}

package org.zmq4j.testing;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A test's second thread: runs one task, keeps its result or failure, and is joined with a deadline so a hang
 * fails the test instead of stalling the build. The thread is a daemon, so one that never ends cannot keep the
 * JVM alive.
 */
public final class Worker<T> {
    private final Thread thread;
    private final CompletableFuture<T> result = new CompletableFuture<>();

    private Worker(String name, Callable<T> task) {
        thread = new Thread(() -> {
            try {
                result.complete(task.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        }, name);
        thread.setDaemon(true);
    }

    public static <T> Worker<T> start(String name, Callable<T> task) {
        Worker<T> w = new Worker<>(name, task);
        w.thread.start();
        return w;
    }

    /** Runs a task that returns nothing. */
    public static Worker<Void> run(String name, ThrowingRunnable task) {
        return start(name, () -> {
            task.run();
            return null;
        });
    }

    /** A task that may throw anything. */
    @FunctionalInterface
    public interface ThrowingRunnable {
        void run() throws Exception;
    }

    public Thread thread() {
        return thread;
    }

    public boolean isDone() {
        return result.isDone();
    }

    /**
     * Waits for the task; returns its result, rethrows its failure (wrapped in an AssertionError if checked), and
     * fails if it is still running after {@code timeout}.
     */
    public T join(Duration timeout) {
        try {
            return result.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            AssertionError a = new AssertionError(thread.getName() + " still running after " + timeout);
            StackTraceElement[] where = thread.getStackTrace();
            Throwable stack = new Throwable(thread.getName() + " is here");
            stack.setStackTrace(where);
            a.addSuppressed(stack);
            throw a;
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException) {
                throw (RuntimeException) c;
            }
            if (c instanceof Error) {
                throw (Error) c;
            }
            throw new AssertionError(thread.getName() + " failed", c);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while joining " + thread.getName(), e);
        }
    }

    /** The task's failure once it has ended with one, else null. */
    public Throwable failure() {
        if (!result.isCompletedExceptionally()) {
            return null;
        }
        try {
            result.join();
            return null;
        } catch (java.util.concurrent.CompletionException e) {
            return e.getCause();
        }
    }

    /**
     * Waits (with a deadline) until the thread is parked or waiting, as it is when blocked in a zmq4j call. A
     * thread can also park briefly for other reasons, so callers check the outcome, not this alone.
     */
    public void awaitBlocked(Duration timeout) {
        Await.until(() -> {
            Thread.State s = thread.getState();
            return s == Thread.State.WAITING || s == Thread.State.TIMED_WAITING || result.isDone();
        }, timeout, thread.getName() + " to block");
        if (result.isDone()) {
            throw new AssertionError(thread.getName() + " ended instead of blocking", failure());
        }
    }
}

package org.zmq4j.tools.common;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Runs one piece of work on its own daemon thread and hands its result, or its failure, to whoever joins it. */
public final class BackgroundTask<T> {
    private final String name;
    private final FutureTask<T> future;

    private BackgroundTask(String name, FutureTask<T> future) {
        this.name = name;
        this.future = future;
    }

    public static <T> BackgroundTask<T> start(String name, Callable<T> work) {
        FutureTask<T> future = new FutureTask<>(work);
        Thread thread = new Thread(future, name);
        thread.setDaemon(true);
        thread.start();
        return new BackgroundTask<>(name, future);
    }

    /** Waits up to {@code timeout} for the result; the work's own exception is rethrown as it was. */
    public T join(Duration timeout) throws InterruptedException {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException(name + " did not finish within " + timeout.toMillis() + " ms", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            if (cause instanceof InterruptedException) {
                throw (InterruptedException) cause;
            }
            throw new IllegalStateException(name + " failed: " + cause, cause);
        }
    }
}

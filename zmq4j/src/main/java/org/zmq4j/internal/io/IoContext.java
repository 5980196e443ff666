package org.zmq4j.internal.io;

import java.util.function.Consumer;
import org.zmq4j.internal.concurrent.ArrayPool;

/**
 * The I/O threads of one context and the count of I/O objects (listeners, sessions) still alive, which context
 * termination waits for: an object is counted from creation until it has finished lingering.
 */
public final class IoContext {
    private final IoThread[] threads;
    private final Consumer<Throwable> errorHandler;
    private final ArrayPool arrays = ArrayPool.withDefaultBudget();
    private final Object liveLock = new Object();
    private int live;

    public IoContext(int ioThreads, String namePrefix, Consumer<Throwable> errorHandler) {
        this.errorHandler = errorHandler;
        this.threads = new IoThread[ioThreads];
        for (int i = 0; i < ioThreads; i++) {
            threads[i] = new IoThread(namePrefix + "IO/" + i, errorHandler, arrays);
            threads[i].start();
        }
    }

    /** The least loaded I/O thread. */
    public IoThread choose() {
        IoThread best = threads[0];
        for (int i = 1; i < threads.length; i++) {
            if (threads[i].load() < best.load()) {
                best = threads[i];
            }
        }
        return best;
    }

    /** Large frame bodies for reuse, shared by this context's sockets and I/O threads. */
    public ArrayPool arrays() {
        return arrays;
    }

    public Consumer<Throwable> errorHandler() {
        return errorHandler;
    }

    public void retain() {
        synchronized (liveLock) {
            live++;
        }
    }

    public void release() {
        synchronized (liveLock) {
            if (--live == 0) {
                liveLock.notifyAll();
            }
        }
    }

    /** Waits until every counted object has finished; false if the thread was interrupted first. */
    public boolean awaitQuiescent() {
        synchronized (liveLock) {
            while (live > 0) {
                try {
                    liveLock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    public void stop() {
        for (IoThread t : threads) {
            t.stop();
        }
        for (IoThread t : threads) {
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}

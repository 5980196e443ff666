package org.zmq4j.internal.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.PriorityQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.zmq4j.internal.concurrent.ArrayPool;
import org.zmq4j.internal.concurrent.TaskQueue;

/**
 * An I/O thread: an event loop over a {@link Selector}, one-shot timers and a task queue that other threads post
 * to with {@link #execute}.
 *
 * <p>Everything registered here (listeners, connecters, engines, sessions) runs on this thread only, so none of it
 * needs locks. {@link #execute} wakes the selector only when the loop is inside {@code select()}, and only once per
 * select, so a busy loop is never signalled. The loop can run on its own thread ({@link #start()}) or be stepped by
 * the caller ({@link #runOnce(long)}) in tests.
 *
 * <p>A handler, task or timer that throws, even an {@link Error} such as an OutOfMemoryError, is reported to the
 * error handler and the loop goes on: a thread that died would leave every connection it serves waiting for ever.
 */
public final class IoThread {
    private final Selector selector;
    private final TaskQueue tasks = new TaskQueue();
    private final PriorityQueue<Timer> timers = new PriorityQueue<>();
    private final AtomicInteger wakeupArmed = new AtomicInteger();
    private final Consumer<Throwable> errorHandler;
    /** Hands a ready key to its handler; one instance, so that a select allocates nothing. */
    private final Consumer<SelectionKey> dispatch = this::dispatch;
    private final String name;
    private volatile boolean selecting;
    private volatile boolean stopped;
    private long timerSeq;
    private Thread thread;
    private final AtomicInteger load = new AtomicInteger();
    private final ArrayPool arrays;

    /** A thread with a pool of its own (tests). */
    public IoThread(String name, Consumer<Throwable> errorHandler) {
        this(name, errorHandler, ArrayPool.withDefaultBudget());
    }

    public IoThread(String name, Consumer<Throwable> errorHandler, ArrayPool arrays) {
        this.name = name;
        this.errorHandler = errorHandler;
        this.arrays = arrays;
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a selector", e);
        }
    }

    public void start() {
        thread = new Thread(this::loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** The context's pool of large frame bodies. */
    public ArrayPool arrays() {
        return arrays;
    }

    public boolean inThisThread() {
        return Thread.currentThread() == thread;
    }

    /** Runs {@code task} on this thread soon; callable from any thread. */
    public void execute(Runnable task) {
        tasks.add(task);
        if (selecting && wakeupArmed.compareAndSet(0, 1)) {
            selector.wakeup();
        }
    }

    /** Number of connections served here; new connections go to the least loaded thread. */
    public int load() {
        return load.get();
    }

    public void adjustLoad(int delta) {
        load.addAndGet(delta);
    }

    /** This thread: registers a channel. */
    public SelectionKey register(SelectableChannel channel, int ops, IoHandler handler) throws ClosedChannelException {
        return channel.register(selector, ops, handler);
    }

    /**
     * This thread: completes the deregistration of cancelled keys now, so the channels closed with them release
     * their file descriptors (a listening port is free again) without waiting for the next loop iteration.
     */
    public void flushCancelledKeys() {
        try {
            selector.selectNow();
        } catch (IOException e) {
            errorHandler.accept(e);
        }
    }

    /** This thread: runs {@code task} after {@code delayMillis}. */
    public Timer schedule(long delayMillis, Runnable task) {
        Timer t = new Timer(System.nanoTime() + delayMillis * 1_000_000L, timerSeq++, task);
        timers.add(t);
        return t;
    }

    /** Stops the loop after the current iteration and closes the selector; tasks still queued are run first. */
    public void stop() {
        stopped = true;
        selector.wakeup();
    }

    public void join(long millis) throws InterruptedException {
        if (thread != null) {
            thread.join(millis);
        }
    }

    private void loop() {
        try {
            while (!stopped) {
                runOnce(-1);
            }
            runTasks();
        } finally {
            try {
                for (SelectionKey k : selector.keys()) {
                    k.channel().close();
                }
                selector.close();
            } catch (IOException e) {
                errorHandler.accept(e);
            }
        }
    }

    /**
     * One iteration: queued tasks, due timers, then a select that waits at most until the next timer, or
     * {@code maxWaitMillis} if that is not negative.
     */
    public void runOnce(long maxWaitMillis) {
        runTasks();
        long wait = runTimers();
        if (maxWaitMillis >= 0 && (wait == 0 || wait > maxWaitMillis)) {
            wait = Math.max(1, maxWaitMillis);
        }
        try {
            selecting = true;
            // The Consumer forms of select hand each ready key straight to the handler: the selected-key set, which
            // costs a hash-set node per ready key and an iterator per select, is never used.
            if (!tasks.isEmpty() || stopped) {
                selector.selectNow(dispatch);
            } else {
                selector.select(dispatch, wait);
            }
            selecting = false;
            wakeupArmed.set(0);
        } catch (IOException e) {
            selecting = false;
            errorHandler.accept(e);
        }
    }

    private void dispatch(SelectionKey key) {
        selecting = false;
        if (!key.isValid()) {
            return;
        }
        try {
            ((IoHandler) key.attachment()).ioReady(key.readyOps());
        } catch (RuntimeException | Error e) {
            errorHandler.accept(e);
        }
    }

    private void runTasks() {
        Runnable r;
        int budget = 4096;
        while (budget-- > 0 && (r = tasks.poll()) != null) {
            try {
                r.run();
            } catch (RuntimeException | Error e) {
                errorHandler.accept(e);
            }
        }
    }

    /** Runs due timers; returns milliseconds until the next one (0 = none). */
    private long runTimers() {
        while (!timers.isEmpty()) {
            Timer t = timers.peek();
            if (t.cancelled) {
                timers.poll();
                continue;
            }
            long now = System.nanoTime();
            if (t.deadline - now > 0) {
                return Math.max(1, (t.deadline - now + 999_999) / 1_000_000);
            }
            timers.poll();
            try {
                t.task.run();
            } catch (RuntimeException | Error e) {
                errorHandler.accept(e);
            }
        }
        return 0;
    }
}

package org.zmq4j.internal.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.nio.channels.SelectionKey;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An I/O thread serves every connection of its share: whatever one handler, task or timer throws, Errors included,
 * is reported and the loop goes on. Before, only RuntimeExceptions were caught, and an OutOfMemoryError in one
 * connection's read ended the thread, leaving all its other connections waiting for ever.
 */
class IoThreadTest {
    private final List<Throwable> reported = new CopyOnWriteArrayList<>();
    private final IoThread io = new IoThread("test-io", reported::add);
    private Pipe pipe;

    @AfterEach
    void stop() throws Exception {
        io.stop();
        io.join(5_000);
        if (pipe != null) {
            pipe.sink().close();
            pipe.source().close();
        }
    }

    @Test
    void shouldReportAnErrorFromATaskAndRunTheNextTask() {
        Error thrown = new OutOfMemoryError("from a task");
        List<String> ran = new CopyOnWriteArrayList<>();
        io.execute(() -> {
            throw thrown;
        });
        io.execute(() -> ran.add("next"));

        io.runOnce(0);

        assertEquals(List.of(thrown), reported);
        assertEquals(List.of("next"), ran);
    }

    @Test
    void shouldReportAnErrorFromATimerAndRunTheNextTimer() {
        Error thrown = new StackOverflowError("from a timer");
        List<String> ran = new CopyOnWriteArrayList<>();
        io.execute(() -> {
            io.schedule(0, () -> {
                throw thrown;
            });
            io.schedule(0, () -> ran.add("next"));
        });

        io.runOnce(0); // runs the task, which schedules both timers, then the timers that are due: both

        assertEquals(List.of(thrown), reported);
        assertEquals(List.of("next"), ran);
    }

    @Test
    void shouldKeepServingAfterAHandlerThrowsAnError() throws Exception {
        Error thrown = new OutOfMemoryError("from a handler");
        pipe = Pipe.open();
        pipe.source().configureBlocking(false);
        CountDownLatch handlerCalled = new CountDownLatch(1);
        CountDownLatch registered = new CountDownLatch(1);
        io.start();
        io.execute(() -> {
            try {
                SelectionKey key = io.register(pipe.source(), SelectionKey.OP_READ, ops -> {
                    drain(pipe);
                    handlerCalled.countDown();
                    throw thrown;
                });
                assertTrue(key.isValid());
            } catch (IOException e) {
                throw new AssertionError(e);
            }
            registered.countDown();
        });
        assertTrue(registered.await(5, TimeUnit.SECONDS));

        pipe.sink().write(ByteBuffer.wrap(new byte[] {1}));
        assertTrue(handlerCalled.await(5, TimeUnit.SECONDS), "the handler was called");

        CountDownLatch later = new CountDownLatch(1);
        io.execute(later::countDown);
        assertTrue(later.await(5, TimeUnit.SECONDS), "the thread still runs tasks after the handler's Error");
        assertEquals(List.of(thrown), reported);
    }

    private static void drain(Pipe pipe) {
        try {
            pipe.source().read(ByteBuffer.allocate(16));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}

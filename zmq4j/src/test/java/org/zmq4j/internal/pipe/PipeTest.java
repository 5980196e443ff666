package org.zmq4j.internal.pipe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.zmq4j.internal.concurrent.ArrayPool;

/** Pipes: high-water marks in whole messages, activation signals, and ending after the last message. */
class PipeTest {
    /** Records the signals one pipe end receives. */
    static final class Recorder implements Pipe.Listener {
        final List<String> events = new ArrayList<>();
        /** Write activations to refuse as the heap would, with an OutOfMemoryError, before recording any. */
        int refusedWriteActivations;

        @Override
        public void readActivated(Pipe pipe) {
            events.add("read");
        }

        @Override
        public void writeActivated(Pipe pipe) {
            if (refusedWriteActivations > 0) {
                refusedWriteActivations--;
                throw new OutOfMemoryError("refused by the test");
            }
            events.add("write");
        }

        @Override
        public void pipeTerminated(Pipe pipe) {
            events.add("terminated");
        }

        @Override
        public void hwmsChanged(Pipe pipe) {
            events.add("hwms");
        }
    }

    private static byte[] msg(int i) {
        return new byte[] {(byte) i};
    }

    @Test
    void shouldRefuseNewMessagesAtTheHighWaterMark() {
        Recorder a = new Recorder();
        Recorder b = new Recorder();
        Pipe[] p = Pipe.pair(a, 4, b, 4);
        for (int i = 0; i < 4; i++) {
            assertTrue(p[0].checkWrite());
            p[0].write(msg(i), 0);
            p[0].flush();
        }
        assertFalse(p[0].checkWrite(), "4 messages queued with SNDHWM 4");
    }

    @Test
    void shouldHandTheReaderAnArrayCopyOfADirectFrameAndRecycleTheBuffer() {
        ArrayPool pool = new ArrayPool(1 << 20);
        Pipe[] p = Pipe.pair(new Recorder(), 0, new Recorder(), 0);
        p[1].writerArrays = new FrameArrays(pool);
        ByteBuffer body = pool.allocateDirect(40_000);
        for (int i = 0; i < 40_000; i++) {
            body.put(i, (byte) (i * 7));
        }
        p[0].write(body, Pipe.MORE | Pipe.RECYCLABLE);
        p[0].write(msg(1), 0);
        p[0].flush();

        byte[] first = p[1].read();
        assertEquals(40_000, first.length);
        for (int i = 0; i < 40_000; i++) {
            assertEquals((byte) (i * 7), first[i]);
        }
        assertEquals(Pipe.MORE | Pipe.RECYCLABLE, p[1].flags());
        assertEquals(65_536, pool.keptDirect(), "the buffer went back to the pool, by its capacity");
        assertArrayEquals(msg(1), p[1].read());
        assertSame(body, pool.allocateDirect(33_000), "and is handed out again for a body of its class");
    }

    @Test
    void shouldCountWholeMessagesNotFrames() {
        Pipe[] p = Pipe.pair(new Recorder(), 2, new Recorder(), 2);
        assertTrue(p[0].checkWrite());
        for (int i = 0; i < 10; i++) {
            p[0].write(msg(i), Pipe.MORE);
        }
        p[0].write(msg(10), 0);
        p[0].flush();
        assertTrue(p[0].checkWrite(), "an 11-frame message counts once against HWM 2");
    }

    @Test
    void shouldWakeTheWriterAfterTheReaderTakesTheLowWaterMark() {
        Recorder a = new Recorder();
        Recorder b = new Recorder();
        Pipe[] p = Pipe.pair(a, 4, b, 4);
        for (int i = 0; i < 4; i++) {
            p[0].write(msg(i), 0);
        }
        p[0].flush();
        assertFalse(p[0].checkWrite());
        assertArrayEquals(msg(0), p[1].read());
        assertTrue(a.events.isEmpty(), "one read is below the low-water mark (hwm+1)/2 = 2");
        assertArrayEquals(msg(1), p[1].read());
        assertEquals(List.of("write"), a.events);
        assertTrue(p[0].checkWrite());
    }

    /**
     * The read that reaches the low-water mark takes its frame, then wakes the writer. When the heap refuses the
     * wake-up, the frame still goes to the reader (a thrown error used to lose it, and leave the writer waiting for
     * good), and the next read sends the wake-up before anything else; refused again, that read throws with nothing
     * taken.
     */
    @Test
    void shouldDeliverTheFrameAndWakeTheWriterLaterWhenTheWakeUpIsRefused() {
        Recorder a = new Recorder();
        Pipe[] p = Pipe.pair(a, 4, new Recorder(), 4);
        for (int i = 0; i < 4; i++) {
            p[0].write(msg(i), 0);
        }
        p[0].flush();
        assertFalse(p[0].checkWrite());
        a.refusedWriteActivations = 2;

        assertArrayEquals(msg(0), p[1].read());
        assertArrayEquals(msg(1), p[1].read(), "the frame whose read reached the low-water mark");
        assertTrue(a.events.isEmpty(), "its wake-up was refused");
        assertThrows(OutOfMemoryError.class, () -> p[1].read(), "the owed wake-up, refused again");
        assertTrue(a.events.isEmpty());
        assertArrayEquals(msg(2), p[1].read(), "nothing was taken by the read that threw");
        assertEquals(List.of("write"), a.events, "the wake-up went first");
        assertTrue(p[0].checkWrite());
        assertArrayEquals(msg(3), p[1].read());
        assertEquals(List.of("write"), a.events, "and only once");
    }

    private static void writeAll(Pipe writer, int from, int to) {
        for (int i = from; i < to; i++) {
            assertTrue(writer.checkWrite(), "message " + i);
            writer.write(msg(i), 0);
        }
        writer.flush();
    }

    /**
     * zmq_setsockopt(3): SNDHWM and RCVHWM take effect at once. A writer's limit lowered below what is queued holds
     * it back, and the reader, once it adopted the change, wakes it within the new low-water mark: it must not wait
     * for a count-down that began at the old one (half of 10), which three queued messages would never finish.
     */
    @Test
    void shouldHoldAndWakeAWriterWhoseLimitWasLowered() {
        Recorder a = new Recorder();
        Recorder b = new Recorder();
        Pipe[] p = Pipe.pair(a, 10, b, 10);
        writeAll(p[0], 0, 3);
        p[0].setHwms(2, 10);
        assertEquals(List.of("hwms"), b.events, "the reader's owner is asked to adopt the change");
        assertFalse(p[0].checkWrite(), "3 queued, limit now 2");
        p[1].applyRequestedHwms();
        a.events.clear();
        assertArrayEquals(msg(0), p[1].read());
        assertArrayEquals(msg(1), p[1].read());
        assertTrue(a.events.contains("write"), "the writer is woken once it has room under the new limit");
        assertTrue(p[0].checkWrite());
        p[0].write(msg(3), 0);
        p[0].flush();
        assertFalse(p[0].checkWrite(), "2 queued: the new limit holds");
    }

    /** A writer held at its limit is woken at once when its own limit is raised. */
    @Test
    void shouldWakeAWriterWhoseLimitWasRaised() {
        Recorder a = new Recorder();
        Recorder b = new Recorder();
        Pipe[] p = Pipe.pair(a, 2, b, 2);
        writeAll(p[0], 0, 2);
        assertFalse(p[0].checkWrite());
        p[0].setHwms(5, 2);
        assertEquals(List.of("write"), a.events, "the writer tries again");
        writeAll(p[0], 2, 5);
        assertFalse(p[0].checkWrite(), "5 queued with the limit raised to 5");
        assertEquals(List.of("hwms"), b.events);
    }

    /**
     * The reader's side raises the limit of messages coming to it (RCVHWM): the writer's owner adopts it on its own
     * thread, and a writer that waited goes on.
     */
    @Test
    void shouldLetTheReaderRaiseTheWritersLimit() {
        Recorder a = new Recorder();
        Recorder b = new Recorder();
        Pipe[] p = Pipe.pair(a, 2, b, 10);
        writeAll(p[0], 0, 2);
        assertFalse(p[0].checkWrite());
        p[1].setHwms(10, 6);
        assertEquals(List.of("hwms"), a.events);
        assertFalse(p[0].checkWrite(), "the writer keeps its old limit until its owner adopts the new one");
        p[0].applyRequestedHwms();
        assertEquals(List.of("hwms", "write"), a.events);
        writeAll(p[0], 2, 6);
        assertFalse(p[0].checkWrite(), "6 queued with the limit raised to 6");
    }

    @Test
    void shouldSignalTheReaderOnlyAfterItFoundThePipeEmpty() {
        Recorder b = new Recorder();
        Pipe[] p = Pipe.pair(new Recorder(), 0, b, 0);
        p[0].write(msg(1), 0);
        p[0].flush();
        assertTrue(b.events.isEmpty(), "a reader that never slept is not signalled");
        assertArrayEquals(msg(1), p[1].read());
        assertNull(p[1].read());
        p[0].write(msg(2), 0);
        p[0].flush();
        assertEquals(List.of("read"), b.events);
    }

    @Test
    void shouldDeliverEverythingWrittenBeforeTheEnd() {
        Recorder b = new Recorder();
        Pipe[] p = Pipe.pair(new Recorder(), 0, b, 0);
        p[0].write(msg(1), 0);
        p[0].write(msg(2), Pipe.MORE);
        p[0].write(msg(3), 0);
        p[0].flush();
        p[0].terminate(250);
        assertEquals(List.of("terminated"), b.events);
        assertEquals(250, p[1].peerLinger());
        assertFalse(p[1].onTerminated(true), "unread messages are drained first");
        assertArrayEquals(msg(1), p[1].read());
        assertArrayEquals(msg(2), p[1].read());
        assertArrayEquals(msg(3), p[1].read());
        assertNull(p[1].read());
        assertEquals(List.of("terminated", "terminated"), b.events, "reaching the delimiter notifies again");
        assertTrue(p[1].onTerminated(true));
        assertFalse(p[1].onTerminated(true), "the end is reported once");
    }

    @Test
    void shouldDropAnUnfinishedMessageWhenTheWriterEnds() {
        Pipe[] p = Pipe.pair(new Recorder(), 0, new Recorder(), 0);
        p[0].write(msg(1), 0);
        p[0].write(msg(2), Pipe.MORE);
        p[0].terminate();
        assertArrayEquals(msg(1), p[1].read());
        assertNull(p[1].read(), "the half-written message never appears");
    }

    @Test
    void shouldRefuseWritesAfterThePeerEnded() {
        Pipe[] p = Pipe.pair(new Recorder(), 0, new Recorder(), 0);
        p[1].terminate();
        assertTrue(p[0].onTerminated(false));
        assertFalse(p[0].checkWrite());
    }
}

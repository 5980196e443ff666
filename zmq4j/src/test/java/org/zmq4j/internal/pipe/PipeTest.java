package org.zmq4j.internal.pipe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pipes: high-water marks in whole messages, activation signals, and ending after the last message. */
class PipeTest {
    /** Records the signals one pipe end receives. */
    static final class Recorder implements Pipe.Listener {
        final List<String> events = new ArrayList<>();

        @Override
        public void readActivated(Pipe pipe) {
            events.add("read");
        }

        @Override
        public void writeActivated(Pipe pipe) {
            events.add("write");
        }

        @Override
        public void pipeTerminated(Pipe pipe) {
            events.add("terminated");
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

package org.zmq4j.jcstress.internal.pipe;

import org.zmq4j.internal.pipe.Pipe;

/** A test's pipe: the writing end, owned by {@link #writerSide}, and the reading end, owned by {@link #readerSide}. */
abstract class PipeEnds {
    static final byte[] FRAME = {1};

    final Recorder writerSide = new Recorder();
    final Recorder readerSide = new Recorder();
    final Pipe writer;
    final Pipe reader;

    /** {@code hwm}: the most messages the pipe holds from writer to reader (0 for no limit). */
    PipeEnds(int hwm) {
        Pipe[] ends = Pipe.pair(writerSide, hwm, readerSide, 0);
        writer = ends[0];
        reader = ends[1];
    }

    /**
     * The writer's side of a send: a one-frame message, written to {@code writer} and published if it takes one.
     * Static, so that a test's constructor may call it without letting {@code this} escape.
     */
    static boolean writeMessage(Pipe writer) {
        if (!writer.checkWrite()) {
            return false;
        }
        writer.write(FRAME, 0);
        writer.flush();
        return true;
    }
}

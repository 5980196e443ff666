package org.zmq4j.jcstress.internal.concurrent;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.LL_Result;
import org.zmq4j.internal.concurrent.FrameQueue;

/**
 * 37/ZMTP 3.1: "an implementation SHALL always send and deliver messages atomically, that is, all the frames of a
 * message, or none of them". The writer writes a two-frame message and flushes it; a reader racing with it finds
 * either nothing or both frames in order, never the first alone.
 *
 * <p>r1: the reader's first read (null if the queue was empty); r2: its second, made only if the first found a
 * frame.
 */
@JCStressTest
@Outcome(id = "null, null", expect = ACCEPTABLE, desc = "The reader came before the flush.")
@Outcome(id = "first, second", expect = ACCEPTABLE, desc = "The whole message, in order.")
@Outcome(id = "first, null", expect = FORBIDDEN, desc = "Half a message was visible.")
@Outcome(expect = FORBIDDEN, desc = "Anything else: frames out of order, or lost.")
@State
public class FrameQueueWholeMessageTest {
    private static final int MORE = 1;

    private final FrameQueue queue = new FrameQueue();

    @Actor
    public void writer() {
        queue.write("first", MORE, false);
        queue.write("second", 0, true);
        queue.flush();
    }

    @Actor
    public void reader(LL_Result r) {
        Object first = queue.read();
        r.r1 = first;
        r.r2 = first == null ? null : queue.read();
    }
}

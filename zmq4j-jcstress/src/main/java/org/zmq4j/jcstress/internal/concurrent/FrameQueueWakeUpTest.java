package org.zmq4j.jcstress.internal.concurrent;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.ZZ_Result;
import org.zmq4j.internal.concurrent.FrameQueue;

/**
 * A writer flushes a message while the reader finds the queue empty and marks itself asleep. The writer signals the
 * reader only when {@link FrameQueue#flush()} returns false, so a reader that went to sleep must make the flush
 * return false: otherwise the message waits for ever (a lost wake-up).
 *
 * <p>r1: what the writer's flush returned (false: "wake the reader"); r2: what the reader's check returned (true:
 * "a frame is there").
 */
@JCStressTest
@Outcome(id = "true, true", expect = ACCEPTABLE, desc = "The reader saw the message; no wake-up needed.")
@Outcome(id = "false, false", expect = ACCEPTABLE, desc = "The reader slept; the writer wakes it.")
@Outcome(id = "false, true", expect = ACCEPTABLE_INTERESTING,
        desc = "The message raced in after the reader's mark: a spurious wake-up, harmless.")
@Outcome(id = "true, false", expect = FORBIDDEN, desc = "The reader sleeps and nobody wakes it: a lost wake-up.")
@State
public class FrameQueueWakeUpTest {
    private final FrameQueue queue = new FrameQueue();

    @Actor
    public void writer(ZZ_Result r) {
        queue.write("m", 0, true);
        r.r1 = queue.flush();
    }

    @Actor
    public void reader(ZZ_Result r) {
        r.r2 = queue.checkReadOrSleep();
    }
}

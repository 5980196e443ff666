package org.zmq4j.jcstress.internal.pipe;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.ZZ_Result;
import org.zmq4j.internal.pipe.Pipe;

/**
 * A socket finds its pipe empty ({@link Pipe#checkRead()} false) while the other end writes and flushes a message.
 * Either the reader sees the message, or the writer's flush tells the reader's owner ({@code readActivated}), which
 * then reads again: otherwise the message sits in the pipe while its reader waits for ever.
 *
 * <p>r1: what the reader's check returned; r2: whether the reader's owner was told.
 */
@JCStressTest
@Outcome(id = "true, false", expect = ACCEPTABLE, desc = "The reader saw the message.")
@Outcome(id = "false, true", expect = ACCEPTABLE, desc = "The reader was empty-handed and was told.")
@Outcome(id = "true, true", expect = ACCEPTABLE_INTERESTING, desc = "Saw it and was told as well: harmless.")
@Outcome(id = "false, false", expect = FORBIDDEN, desc = "A lost read activation.")
@State
public class PipeReadActivationTest extends PipeEnds {
    public PipeReadActivationTest() {
        super(0);
    }

    @Actor
    public void writer() {
        writeMessage(writer);
    }

    @Actor
    public void reader(ZZ_Result r) {
        r.r1 = reader.checkRead();
    }

    @Arbiter
    public void told(ZZ_Result r) {
        r.r2 = readerSide.readActivated;
    }
}

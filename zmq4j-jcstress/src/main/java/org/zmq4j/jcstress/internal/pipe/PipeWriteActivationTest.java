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
 * A pipe with a high-water mark of one message holds one: its writer finds it full ({@link Pipe#checkWrite()} false)
 * while the reader takes the message. Either the writer sees the room, or the reader's read tells the writer's owner
 * ({@code writeActivated}), which then writes again: otherwise a sender blocked at SNDHWM waits for ever although
 * its pipe has emptied.
 *
 * <p>r1: what the writer's check returned; r2: whether the writer's owner was told.
 */
@JCStressTest
@Outcome(id = "true, false", expect = ACCEPTABLE, desc = "The writer saw the room.")
@Outcome(id = "false, true", expect = ACCEPTABLE, desc = "The writer found it full and was told of the room.")
@Outcome(id = "true, true", expect = ACCEPTABLE_INTERESTING, desc = "Saw the room and was told as well: harmless.")
@Outcome(id = "false, false", expect = FORBIDDEN, desc = "A lost write activation.")
@State
public class PipeWriteActivationTest extends PipeEnds {
    public PipeWriteActivationTest() {
        super(1);
        if (!writeMessage(writer)) {
            throw new IllegalStateException("a new pipe is full");
        }
    }

    @Actor
    public void writer(ZZ_Result r) {
        r.r1 = writer.checkWrite();
    }

    @Actor
    public void reader() {
        reader.read();
    }

    @Arbiter
    public void told(ZZ_Result r) {
        r.r2 = writerSide.writeActivated;
    }
}

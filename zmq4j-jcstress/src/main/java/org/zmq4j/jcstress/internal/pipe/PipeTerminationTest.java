package org.zmq4j.jcstress.internal.pipe;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.ZZZ_Result;
import org.zmq4j.internal.pipe.Pipe;

/**
 * One end writes a message and then ends the pipe ({@link Pipe#terminate()}), as a closing socket or a failed
 * connection does, while the other end reads. When the end's notice ({@code pipeTerminated}) reaches the reader's
 * owner, {@link Pipe#onTerminated} says the pipe is over only once everything written before the end has been read:
 * a message still in the pipe is delivered, not dropped ("nothing queued is lost").
 *
 * <p>r1: the reader read the message; r2: the notice had reached the reader's owner after that read; r3: what
 * {@code onTerminated(true)} then returned (false when the notice had not come and it was not called).
 */
@JCStressTest
@Outcome(id = {"false, false, false", "true, false, false"}, expect = ACCEPTABLE,
        desc = "The end had not been announced yet.")
@Outcome(id = "true, true, true", expect = ACCEPTABLE, desc = "Message read, then the pipe is over.")
@Outcome(id = "false, true, false", expect = ACCEPTABLE,
        desc = "Announced before the message was read: the reader must drain it first.")
@Outcome(id = "false, true, true", expect = FORBIDDEN, desc = "The pipe was over with its message unread: lost.")
@Outcome(id = "true, true, false", expect = FORBIDDEN, desc = "Everything was read, yet the pipe never ends.")
@State
public class PipeTerminationTest extends PipeEnds {
    public PipeTerminationTest() {
        super(0);
    }

    @Actor
    public void writer() {
        writeMessage(writer);
        writer.terminate();
    }

    @Actor
    public void reader(ZZZ_Result r) {
        r.r1 = reader.read() == FRAME;
        r.r2 = readerSide.pipeTerminated;
        r.r3 = r.r2 && reader.onTerminated(true);
    }
}

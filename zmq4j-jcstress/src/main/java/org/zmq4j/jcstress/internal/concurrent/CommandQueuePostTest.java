package org.zmq4j.jcstress.internal.concurrent;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.ZZ_Result;
import org.zmq4j.internal.concurrent.CommandQueue;

/**
 * A socket's thread is about to park on its mailbox while another thread posts a command to it. The thread parks
 * only if {@link CommandQueue#prepareToWait} says it may, and the poster unparks only the waiter it finds, so a
 * thread told it may park must be found by the post: otherwise the command waits for ever (a lost wake-up).
 *
 * <p>r1: what the socket's thread was told (true: "park"); r2: whether the post unparked a waiter.
 */
@JCStressTest
@Outcome(id = "true, true", expect = ACCEPTABLE, desc = "The thread parks and the post unparks it.")
@Outcome(id = "false, false", expect = ACCEPTABLE, desc = "The post came first: the thread sees the command.")
@Outcome(id = "false, true", expect = ACCEPTABLE_INTERESTING,
        desc = "The thread saw the command, and the post unparked it too: a spare permit, harmless.")
@Outcome(id = "true, false", expect = FORBIDDEN, desc = "The thread parks and nobody wakes it: a lost wake-up.")
@State
public class CommandQueuePostTest {
    private final CommandQueue mailbox = new CommandQueue();

    @Actor
    public void socketThread(ZZ_Result r) {
        r.r1 = mailbox.prepareToWait(() -> false);
    }

    @Actor
    public void poster(ZZ_Result r) {
        r.r2 = mailbox.post(() -> { });
    }
}

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
 * A socket's thread is about to park on its mailbox while the context ends: the ending thread sets the context's
 * flag, then wakes the waiter it finds ({@link CommandQueue#wakeWaiter}), posting nothing. A thread told it may park
 * ({@link CommandQueue#prepareToWait}, which looks at the flag after registering) must be found by the wake-up:
 * otherwise a call blocked on a socket never learns that the context ended. Before the flag was looked at there,
 * this lost wake-up hung the ZAP handler's thread, and with it Authenticator.close(), in a CI run.
 *
 * <p>r1: what the socket's thread was told (true: "park"); r2: whether the wake-up unparked a waiter.
 */
@JCStressTest
@Outcome(id = "true, true", expect = ACCEPTABLE, desc = "The thread parks and the wake-up unparks it.")
@Outcome(id = "false, false", expect = ACCEPTABLE, desc = "The wake-up came first: the thread sees the flag.")
@Outcome(id = "false, true", expect = ACCEPTABLE_INTERESTING,
        desc = "The thread saw the flag, and the wake-up unparked it too: a spare permit, harmless.")
@Outcome(id = "true, false", expect = FORBIDDEN, desc = "The thread parks and nobody wakes it: a lost wake-up.")
@State
public class CommandQueueStopTest {
    private final CommandQueue mailbox = new CommandQueue();
    private volatile boolean terminated;

    @Actor
    public void socketThread(ZZ_Result r) {
        r.r1 = mailbox.prepareToWait(() -> terminated);
    }

    @Actor
    public void terminator(ZZ_Result r) {
        terminated = true;
        r.r2 = mailbox.wakeWaiter();
    }
}

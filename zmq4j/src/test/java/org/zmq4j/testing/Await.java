package org.zmq4j.testing;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Waits for a condition that nothing signals, by polling it until a deadline: the tests' only alternative to a
 * sleep, for states (a thread parked, a port closed) that raise no event.
 */
public final class Await {
    private Await() {}

    public static void until(BooleanSupplier condition, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            // Polling, not sleeping for an assumed duration: the loop ends as soon as the condition holds.
            LockSupport.parkNanos(200_000);
        }
    }
}

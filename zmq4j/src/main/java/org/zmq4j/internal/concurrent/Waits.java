package org.zmq4j.internal.concurrent;

/**
 * Counts, per thread, the times it parked waiting on sockets (receive, send at the high-water mark, poll). The
 * engine lets a socket's thread write to the network itself only once per wait: a thread that waits between
 * messages (request-reply) saves the I/O thread's wake-up, while a thread that streams without waiting (one or many
 * sockets) leaves its writes to the I/O thread, which batches them.
 */
public final class Waits {
    /** [0]: waits so far; [1]: the wait count when {@link #claimFirstSinceWait()} last returned true. */
    private static final ThreadLocal<long[]> COUNTS = ThreadLocal.withInitial(() -> new long[2]);

    private Waits() {}

    /** The calling thread is about to park waiting on sockets. */
    public static void waiting() {
        COUNTS.get()[0]++;
    }

    /** True for the first call since the calling thread last waited, false after that until it waits again. */
    public static boolean claimFirstSinceWait() {
        long[] c = COUNTS.get();
        if (c[0] == c[1]) {
            return false;
        }
        c[1] = c[0];
        return true;
    }
}

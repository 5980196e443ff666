package org.zmq4j.testing;

import java.time.Duration;
import org.zmq4j.Context;

/** Ends contexts from tests without risking a hang: close runs on a {@link Worker} joined with a deadline. */
public final class Contexts {
    public static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private Contexts() {}

    /** Closes {@code ctx} (null is ignored); fails if close does not return within {@link #CLOSE_TIMEOUT}. */
    public static void close(Context ctx) {
        if (ctx != null) {
            Worker.run("close " + ctx, ctx::close).join(CLOSE_TIMEOUT);
        }
    }

    /** Starts closing {@code ctx} on another thread; join the result with a deadline. */
    public static Worker<Void> closeInBackground(Context ctx) {
        return Worker.run("close " + ctx, ctx::close);
    }
}

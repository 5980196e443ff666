package org.zmq4j.tools.demo;

import java.time.Duration;

/** Limits shared by the demo's patterns, so that a broken peer ends the demo with an error instead of a hang. */
final class Demo {
    static final int TIMEOUT_MS = 10_000;
    static final Duration TIMEOUT = Duration.ofMillis(TIMEOUT_MS);

    private Demo() {}
}

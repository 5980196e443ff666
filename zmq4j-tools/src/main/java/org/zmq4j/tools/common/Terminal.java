package org.zmq4j.tools.common;

import java.io.InputStream;
import java.io.PrintStream;

/** The standard streams a command reads and writes, so tests can run commands in-process. */
public record Terminal(InputStream in, PrintStream out, PrintStream err) {
    public static Terminal system() {
        return new Terminal(System.in, System.out, System.err);
    }
}

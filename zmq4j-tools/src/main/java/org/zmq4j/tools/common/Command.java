package org.zmq4j.tools.common;

import java.util.List;

/** One subcommand of {@code bin/zmq4j}: its name, its usage lines, and how it runs. */
public interface Command {
    int EXIT_OK = 0;
    int EXIT_FAILURE = 1;
    int EXIT_USAGE = 2;

    String name();

    /** Usage lines, each an invocation after {@code zmq4j}, such as {@code "perf inproc_thr SIZE COUNT"}. */
    List<String> usage();

    /**
     * Runs with the arguments that follow the command's name and returns the exit code; bad arguments throw
     * {@link UsageException}.
     */
    int run(List<String> args, Terminal terminal) throws InterruptedException;
}

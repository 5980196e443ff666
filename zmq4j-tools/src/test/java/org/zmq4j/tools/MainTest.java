package org.zmq4j.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The command dispatcher: usage for help and for unknown commands, and one-line errors for bad arguments. */
class MainTest {
    private static final List<String> EVERY_COMMAND = List.of(
            "zmq4j help", "zmq4j demo", "zmq4j perf local_thr", "zmq4j perf remote_thr", "zmq4j perf local_lat",
            "zmq4j perf remote_lat", "zmq4j perf inproc_thr", "zmq4j perf inproc_lat", "zmq4j send", "zmq4j recv");

    @Test
    void shouldPrintTheUsageOfEveryCommandForHelp() throws InterruptedException {
        ToolRun run = ToolRun.run("help");
        assertEquals(0, run.exitCode());
        EVERY_COMMAND.forEach(c -> assertTrue(run.out().contains(c), c + " missing in:\n" + run.out()));
        assertEquals("", run.err());
    }

    @Test
    void shouldPrintTheUsageWithoutArguments() throws InterruptedException {
        ToolRun run = ToolRun.run();
        assertEquals(0, run.exitCode());
        assertEquals(ToolRun.run("help").out(), run.out());
    }

    @Test
    void shouldPrintTheUsageOnStderrAndExitWith2ForAnUnknownCommand() throws InterruptedException {
        ToolRun run = ToolRun.run("frobnicate");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("zmq4j: unknown command 'frobnicate'"), run.err());
        EVERY_COMMAND.forEach(c -> assertTrue(run.err().contains(c), c + " missing in:\n" + run.err()));
        assertEquals("", run.out());
    }

    static List<List<String>> badArguments() {
        return List.of(
                List.of("demo", "now"),
                List.of("perf"),
                List.of("perf", "warp_thr", "1", "2"),
                List.of("perf", "local_thr", "tcp://127.0.0.1:*", "100"),
                List.of("perf", "local_thr", "tcp://127.0.0.1:*", "big", "100"),
                List.of("perf", "remote_lat", "tcp://127.0.0.1:1", "100", "0"),
                List.of("perf", "inproc_thr", "-5", "100"),
                List.of("perf", "inproc_lat", "100", "10", "0"),
                List.of("perf", "local_thr", "nonsense://where", "100", "10"),
                List.of("perf", "remote_thr", "tcp://127.0.0.1:1", "100", "10", "2"),
                List.of("send"),
                List.of("send", "WIDGET", "--connect", "tcp://127.0.0.1:1"),
                List.of("send", "PUSH", "hello"),
                List.of("send", "PUSH", "--connect"),
                List.of("send", "PUSH", "--connect", "tcp://127.0.0.1:1", "--count", "none", "x"),
                List.of("send", "PUSH", "--connect", "tcp://127.0.0.1:1", "--count", "3"),
                List.of("send", "SUB", "--connect", "tcp://127.0.0.1:1", "x"),
                List.of("send", "PUSH", "--connect", "tcp://127.0.0.1:1", "--frobnicate", "1"),
                List.of("recv", "PUSH", "--bind", "tcp://127.0.0.1:*"),
                List.of("recv", "REQ", "--connect", "tcp://127.0.0.1:1"),
                List.of("recv", "PULL", "--bind", "tcp://127.0.0.1:*", "extra"),
                List.of("recv", "PULL", "--bind", "tcp://127.0.0.1:*", "--subscribe", "x"),
                List.of("recv", "SUB", "--connect", "tcp://nowhere"));
    }

    @ParameterizedTest
    @MethodSource("badArguments")
    void shouldExplainBadArgumentsInOneLineAndExitWith2(List<String> args) throws InterruptedException {
        ToolRun run = ToolRun.run(args.toArray(new String[0]));
        assertEquals(2, run.exitCode(), run.err());
        String err = run.err();
        assertTrue(err.startsWith("zmq4j "), err);
        assertEquals(1, err.lines().count(), err);
        assertFalse(err.contains("Exception"), err);
        assertEquals("", run.out());
    }

}

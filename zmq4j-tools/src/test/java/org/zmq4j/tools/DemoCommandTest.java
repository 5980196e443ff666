package org.zmq4j.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The demo runs every Guide pattern over every transport and reports each one. */
class DemoCommandTest {
    private static final String[] TRANSPORTS = {"tcp", "ipc", "inproc"};

    @Test
    void shouldRunEveryPatternOverEveryTransportAndExit0() throws InterruptedException {
        ToolRun run = ToolRun.run("demo");

        assertEquals(0, run.exitCode(), run.err());
        String out = run.out();
        assertTrue(out.contains("Hello World (REQ/REP)"), out);
        assertTrue(out.contains("Weather updates (PUB/SUB)"), out);
        assertTrue(out.contains("Divide and conquer (PUSH/PULL)"), out);
        for (String transport : TRANSPORTS) {
            assertFound(out, "  " + transport + ": the server binds " + transport + "://\\S+, the client connects\\R"
                    + "    Hello 0 -> World, .*Hello 4 -> World\\R");
            assertFound(out, "  " + transport + ": average temperature for zip code 10001 was -?\\d+F over 50 "
                    + "updates");
            assertFound(out, "  " + transport + ": 1 worker \\d+ ms, 4 workers \\d+ ms \\(tasks per worker "
                    + "\\[\\d+, \\d+, \\d+, \\d+\\]\\): speed-up \\d+\\.\\dx");
        }
        assertFound(out, "Done in \\d+\\.\\d s\\.");
    }

    private static void assertFound(String out, String regex) {
        assertTrue(Pattern.compile(regex).matcher(out).find(), "'" + regex + "' not found in:\n" + out);
    }
}

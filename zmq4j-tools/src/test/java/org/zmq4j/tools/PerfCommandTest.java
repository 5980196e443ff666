package org.zmq4j.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.zmq4j.Context;
import org.zmq4j.Socket;
import org.zmq4j.SocketOption;
import org.zmq4j.SocketType;

/** The perf tools pair up, print libzmq's exact lines, and fail on a message of the wrong size. */
class PerfCommandTest {
    /** libzmq's local_thr: {@code "message size: %d [B]\n"} and so on. */
    private static final Pattern THROUGHPUT = Pattern.compile(
            "message size: 100 \\[B\\]\\R"
                    + "message count: 2000\\R"
                    + "mean throughput: \\d+ \\[msg/s\\]\\R"
                    + "mean throughput: \\d+\\.\\d{3} \\[Mb/s\\]\\R");
    /** libzmq's remote_lat: {@code "average latency: %.3f [us]\n"} after size and count. */
    private static final Pattern LATENCY = Pattern.compile(
            "message size: 64 \\[B\\]\\R"
                    + "roundtrip count: 200\\R"
                    + "average latency: \\d+\\.\\d{3} \\[us\\]\\R");

    @Test
    void shouldMeasureThroughputBetweenLocalThrAndRemoteThrOverTcp() throws InterruptedException {
        ToolRun local = ToolRun.start("perf", "local_thr", "tcp://127.0.0.1:*", "100", "2000");
        String endpoint = local.boundEndpoint();

        ToolRun remote = ToolRun.run("perf", "remote_thr", endpoint, "100", "2000", "0");

        assertEquals(0, remote.exitCode(), remote.err());
        assertEquals("", remote.out());
        assertEquals(0, local.exitCode(), local.err());
        assertTrue(THROUGHPUT.matcher(local.out()).matches(), local.out());
    }

    @Test
    void shouldMeasureLatencyBetweenLocalLatAndRemoteLatOverTcp() throws InterruptedException {
        ToolRun local = ToolRun.start("perf", "local_lat", "tcp://127.0.0.1:*", "64", "200", "0");
        String endpoint = local.boundEndpoint();

        ToolRun remote = ToolRun.run("perf", "remote_lat", endpoint, "64", "200");

        assertEquals(0, remote.exitCode(), remote.err());
        assertTrue(LATENCY.matcher(remote.out()).matches(), remote.out());
        assertEquals(0, local.exitCode(), local.err());
        assertEquals("", local.out());
    }

    @Test
    void shouldMeasureInprocThroughput() throws InterruptedException {
        ToolRun run = ToolRun.run("perf", "inproc_thr", "100", "2000");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(THROUGHPUT.matcher(run.out()).matches(), run.out());
    }

    @Test
    void shouldMeasureInprocLatency() throws InterruptedException {
        ToolRun run = ToolRun.run("perf", "inproc_lat", "64", "200");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(LATENCY.matcher(run.out()).matches(), run.out());
    }

    @Test
    void shouldCountASingleMessage() throws InterruptedException {
        ToolRun run = ToolRun.run("perf", "inproc_thr", "0", "1");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("message size: 0 [B]" + System.lineSeparator()
                + "message count: 1" + System.lineSeparator()), run.out());
    }

    @Test
    void shouldFailWithExit1WhenAMessageHasTheWrongSize() throws InterruptedException {
        ToolRun local = ToolRun.start("perf", "local_thr", "tcp://127.0.0.1:*", "100", "10");
        String endpoint = local.boundEndpoint();

        try (Context ctx = new Context(); Socket push = ctx.socket(SocketType.PUSH)) {
            push.set(SocketOption.LINGER, 0);
            push.connect(endpoint);
            push.send(new byte[99]);
            assertEquals(1, local.exitCode());
        }
        assertTrue(local.err().contains("message of incorrect size received"), local.err());
        assertEquals("", local.out());
    }
}

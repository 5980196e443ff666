package org.zmq4j.bench.harness;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs one case for one implementation as separate processes on this machine: the binding tool first, then, once
 * its endpoint listens, the connecting tool (loopback tcp on a free port, or an ipc path in a private temporary
 * directory); inproc cases are one process. The result is read from the measuring tool's output lines, which are
 * libzmq's. Each process's output goes to a file under the log directory; files of successful runs are deleted.
 */
public final class CaseRunner {
    private static final Pattern THROUGHPUT = Pattern.compile("mean throughput: (\\d+) \\[msg/s\\]");
    private static final Pattern LATENCY = Pattern.compile("average latency: ([0-9.]+) \\[us\\]");
    /** How long the connecting side may still take once the measuring side is done (it may be lingering). */
    private static final long GRACE_MILLIS = 15_000;

    private final Path logDir;
    private final Path ipcDir;
    private final long timeoutMillis;
    private final boolean quick;
    private int sequence;

    /**
     * @param logDir where the processes' output goes
     * @param ipcDir a short private directory for ipc endpoints (Unix socket paths are limited to ~100 bytes)
     * @param timeoutMillis how long one run may take before its processes are killed
     */
    public CaseRunner(Path logDir, Path ipcDir, long timeoutMillis, boolean quick) {
        this.logDir = logDir;
        this.ipcDir = ipcDir;
        this.timeoutMillis = timeoutMillis;
        this.quick = quick;
    }

    public Outcome run(Case c, Implementation impl) {
        Case.Shape shape = c.shape();
        for (String tool : shape.client == null ? List.of(shape.server) : List.of(shape.server, shape.client)) {
            String why = impl.unavailable(tool);
            if (why != null) {
                return Outcome.skipped(why);
            }
        }
        String tag = String.format("%03d-%s-%s", ++sequence, c.id(), impl.name());
        try {
            return shape.client == null ? runAlone(c, impl, tag) : runPair(c, impl, tag);
        } catch (IOException e) {
            return Outcome.failed(e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.failed("interrupted");
        }
    }

    private Outcome runAlone(Case c, Implementation impl, String tag) throws IOException, InterruptedException {
        List<String> args = List.of(Integer.toString(c.size()), Integer.toString(c.count(quick)));
        Run run = start(impl.command(c.shape().server, args), tag + "-" + c.shape().server);
        try {
            if (!run.process.waitFor(timeoutMillis, TimeUnit.MILLISECONDS)) {
                return Outcome.failed("timed out after " + timeoutMillis / 1000 + " s; see " + run.out);
            }
            return finish(c, run, List.of(run));
        } finally {
            run.process.destroyForcibly();
        }
    }

    private Outcome runPair(Case c, Implementation impl, String tag) throws IOException, InterruptedException {
        Case.Shape shape = c.shape();
        String endpoint = endpoint(c.transport());
        List<String> args = new ArrayList<>(List.of(endpoint));
        if (shape == Case.Shape.FAN_OUT) {
            args.add(endpoint("tcp"));
        }
        args.add(Integer.toString(c.size()));
        args.add(Integer.toString(c.count(quick)));
        if (c.peers() > 0) {
            args.add(Integer.toString(c.peers()));
        }
        long deadline = System.currentTimeMillis() + timeoutMillis;
        Run server = start(impl.command(shape.server, args), tag + "-" + shape.server);
        Run client = null;
        try {
            if (!awaitListening(endpoint, server.process, deadline)) {
                server.process.waitFor(100, TimeUnit.MILLISECONDS);
                return Outcome.failed(shape.server + " never listened on " + endpoint + problemOf(server));
            }
            client = start(impl.command(shape.client, args), tag + "-" + shape.client);
            Run measured = shape.measured().equals(shape.server) ? server : client;
            Run other = measured == server ? client : server;
            long left = Math.max(0, deadline - System.currentTimeMillis());
            if (!measured.process.waitFor(left, TimeUnit.MILLISECONDS)) {
                return Outcome.failed("timed out after " + timeoutMillis / 1000 + " s; see " + measured.out);
            }
            left = Math.max(GRACE_MILLIS, deadline - System.currentTimeMillis());
            if (!other.process.waitFor(left, TimeUnit.MILLISECONDS)) {
                return Outcome.failed(other.tool + " did not exit; see " + other.out);
            }
            return finish(c, measured, List.of(server, client));
        } finally {
            server.process.destroyForcibly();
            if (client != null) {
                client.process.destroyForcibly();
            }
        }
    }

    /** Reads the result once every process has exited; any failure keeps the logs. */
    private Outcome finish(Case c, Run measured, List<Run> runs) throws IOException {
        for (Run r : runs) {
            if (r.process.exitValue() != 0) {
                return Outcome.failed(r.tool + " exited with " + r.process.exitValue() + problemOf(r));
            }
        }
        String out = Files.readString(measured.out, StandardCharsets.UTF_8);
        Matcher m = (c.shape().isLatency() ? LATENCY : THROUGHPUT).matcher(out);
        if (!m.find()) {
            return Outcome.failed(measured.tool + " printed no result; see " + measured.out);
        }
        for (Run r : runs) {
            Files.deleteIfExists(r.out);
            Files.deleteIfExists(r.err);
        }
        return Outcome.of(Double.parseDouble(m.group(1)));
    }

    private String endpoint(String transport) throws IOException {
        return switch (transport) {
            case "tcp" -> "tcp://127.0.0.1:" + freePort();
            case "ipc" -> "ipc://" + ipcDir.resolve(sequence + ".ipc");
            default -> throw new IllegalArgumentException("no endpoint for " + transport);
        };
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /**
     * Waits until the binding side listens on a tcp endpoint, so that the connecting side's first attempt succeeds
     * (a refused connect retries only after RECONNECT_IVL, which a latency run would count). The probe is a
     * connection that closes at once, which ZMTP peers drop like any failed handshake. An ipc endpoint is not
     * waited for: JeroMQ implements ipc over loopback tcp, so there may be no socket file to watch, and the ipc
     * case measures throughput, whose clock starts at the first message.
     */
    private static boolean awaitListening(String endpoint, Process server, long deadline) throws InterruptedException {
        if (!endpoint.startsWith("tcp://")) {
            return true;
        }
        String hostPort = endpoint.substring("tcp://".length());
        int colon = hostPort.lastIndexOf(':');
        InetSocketAddress address =
                new InetSocketAddress(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
        while (System.currentTimeMillis() < deadline && server.isAlive()) {
            try (Socket probe = new Socket()) {
                probe.connect(address, 1000);
                return true;
            } catch (IOException notYet) {
                Thread.sleep(10);
            }
        }
        return false;
    }

    private Run start(List<String> command, String name) throws IOException {
        Files.createDirectories(logDir);
        Path out = logDir.resolve(name + ".out");
        Path err = logDir.resolve(name + ".err");
        Process p = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        p.getOutputStream().close();
        return new Run(name.substring(name.lastIndexOf('-') + 1), p, out, err);
    }

    /** ": <last line of stderr>" (or its output file) for a failure message. */
    private static String problemOf(Run r) {
        try {
            List<String> lines = Files.readAllLines(r.err, StandardCharsets.UTF_8);
            for (int i = lines.size() - 1; i >= 0; i--) {
                if (!lines.get(i).isBlank()) {
                    return ": " + lines.get(i).strip() + " (" + r.err + ")";
                }
            }
        } catch (IOException e) {
            // fall through
        }
        return "; see " + r.out;
    }

    private record Run(String tool, Process process, Path out, Path err) {}
}

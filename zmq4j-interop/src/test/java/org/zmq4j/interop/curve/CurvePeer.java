package org.zmq4j.interop.curve;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A libzmq socket with CURVE in a {@code /usr/bin/python3} subprocess running {@code curve_peer.py} (its docstring
 * has the line protocol), started with {@link #start} and driven one command at a time. Every answer is awaited
 * for at most {@link #WAIT}; a peer that is late, says something else or dies fails the test with its stderr.
 * Used from the test thread only; the script exits when its stdin closes.
 */
final class CurvePeer implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(15);
    private static final String PYTHON = "/usr/bin/python3";
    private static final HexFormat HEX = HexFormat.of();

    private final Process process;
    private final Writer stdin;
    private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final StringBuffer stderr = new StringBuffer();
    private final String endpoint;

    private CurvePeer(List<String> command) {
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new AssertionError("cannot start " + PYTHON + " (the interop tests need Debian's libzmq5 and "
                    + "python3-zmq)", e);
        }
        stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        daemon(() -> {
            try (BufferedReader r = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // the process ended
            }
        });
        daemon(() -> {
            try (BufferedReader r = new BufferedReader(
                    new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    stderr.append(line).append('\n');
                }
            } catch (IOException e) {
                // the process ended
            }
        });
        expect("version ");
        endpoint = expect("endpoint ").substring("endpoint ".length());
    }

    /**
     * Starts a libzmq socket of {@code type} ("REP", "SUB", ...) that binds or connects {@code endpoint}, with
     * the script's options ("--server", secret, ...).
     */
    static CurvePeer start(String type, boolean bind, String endpoint, String... options) {
        List<String> command = new ArrayList<>(List.of(PYTHON, "-u", script(), type, bind ? "bind" : "connect",
                endpoint));
        command.addAll(List.of(options));
        return new CurvePeer(command);
    }

    private static String script() {
        try {
            return Path.of(CurvePeer.class.getResource("/curve_peer.py").toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void daemon(Runnable r) {
        Thread t = new Thread(r, "curve-peer-io");
        t.setDaemon(true);
        t.start();
    }

    /** The endpoint bound (with its port) or connected. */
    String endpoint() {
        return endpoint;
    }

    private String ask(String command, String expectedPrefix) {
        try {
            stdin.write(command + "\n");
            stdin.flush();
        } catch (IOException e) {
            throw new AssertionError("libzmq peer is gone: " + stderr, e);
        }
        return expect(expectedPrefix);
    }

    private String expect(String prefix) {
        String line;
        try {
            line = lines.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        if (line == null) {
            throw new AssertionError("libzmq peer did not answer within " + WAIT + " (expected '" + prefix
                    + "'); alive: " + process.isAlive() + "; stderr: " + stderr);
        }
        if (!line.startsWith(prefix)) {
            throw new AssertionError("libzmq peer said '" + line + "', expected '" + prefix + "'; stderr: " + stderr);
        }
        return line;
    }

    void send(byte[]... frames) {
        List<String> hex = new ArrayList<>();
        for (byte[] f : frames) {
            hex.add(f.length == 0 ? "-" : HEX.formatHex(f));
        }
        String answer = ask("send " + String.join(",", hex), "sen");
        if (!answer.equals("sent")) {
            throw new AssertionError("libzmq peer could not send: " + answer);
        }
    }

    void send(String text) {
        send(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The next message's frames, or null if none arrives within {@code timeout}. */
    List<byte[]> recv(Duration timeout) {
        String answer = ask("recv " + timeout.toMillis(), "");
        if (answer.equals("timeout")) {
            return null;
        }
        if (!answer.startsWith("msg ")) {
            throw new AssertionError("libzmq peer said '" + answer + "'");
        }
        List<byte[]> frames = new ArrayList<>();
        for (String f : answer.substring(4).split(",")) {
            frames.add(f.equals("-") ? new byte[0] : HEX.parseHex(f));
        }
        return frames;
    }

    /** The next message as a string; fails if none comes within {@link #WAIT}. */
    String recvString() {
        List<byte[]> m = recv(WAIT.minusSeconds(5));
        if (m == null) {
            throw new AssertionError("libzmq peer received nothing; stderr: " + stderr);
        }
        return new String(m.get(m.size() - 1), StandardCharsets.UTF_8);
    }

    /** The User-Id property of the last message received, or null. */
    String userId() {
        String v = ask("userid", "userid ").substring("userid ".length());
        return v.equals("-") ? null : v;
    }

    void subscribe(String prefix) {
        ask("sub " + (prefix.isEmpty() ? "-" : HEX.formatHex(prefix.getBytes(StandardCharsets.UTF_8))), "ok");
    }

    /** The value of the peer socket's next monitor event called {@code name} (libzmq's name), or null. */
    Long event(String name, Duration timeout) {
        String answer = ask("event " + name + " " + timeout.toMillis(), "");
        if (answer.equals("no-event")) {
            return null;
        }
        String[] p = answer.split(" ");
        return Long.parseLong(p[2]);
    }

    @Override
    public void close() {
        try {
            stdin.write("quit\n");
            stdin.flush();
            stdin.close();
        } catch (IOException e) {
            // already gone
        }
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}

package org.zmq4j.interop;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.zmq4j.Message;
import org.zmq4j.SocketOption;
import org.zmq4j.SocketType;

/**
 * A libzmq socket in a {@code /usr/bin/python3} subprocess running {@code libzmq_peer.py}, driven one step at a time
 * over its stdin and stdout (the protocol is in the script's docstring). Every wait is bounded by {@link #WAIT}; a
 * peer that does not answer in time, answers something else or dies fails the test with its stderr quoted.
 *
 * <p>Used from the test thread only. The peer exits by itself when its stdin closes, so a crashed test JVM leaves
 * no process behind.
 */
final class LibzmqPeer implements AutoCloseable {
    /** The longest a test waits for any one answer from the peer. */
    static final Duration WAIT = Duration.ofSeconds(10);

    private static final Duration CLOSE_GRACE = Duration.ofSeconds(2);
    private static final String PYTHON = "/usr/bin/python3";
    private static final String INSTALL_HINT =
            "the interop tests need Debian's libzmq5 and python3-zmq for " + PYTHON
                    + ": apt-get install libzmq5 python3-zmq (.ci/run does)";
    private static final String EOF = "\0eof";
    private static final HexFormat HEX = HexFormat.of();

    private final String description;
    private final Process process;
    private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final StringBuffer stderr = new StringBuffer();
    private final CountDownLatch stderrDrained = new CountDownLatch(1);
    private final ExecutorService writer;
    private final OutputStream stdin;
    private final String version;
    private final String endpoint;
    private boolean frozen;

    private LibzmqPeer(SocketType type, String mode, String endpoint, List<String> options) {
        this.description = "libzmq " + type + " " + mode + " " + endpoint;
        List<String> command = new ArrayList<>(List.of(PYTHON, "-u", script().toString(), type.name(), mode, endpoint));
        command.addAll(options);
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new AssertionError("cannot start " + PYTHON + ": " + INSTALL_HINT, e);
        }
        stdin = process.getOutputStream();
        writer = Executors.newSingleThreadExecutor(r -> daemon(r, "peer-stdin"));
        daemon(() -> readLines(process.getInputStream()), "peer-stdout").start();
        daemon(() -> drain(process.getErrorStream()), "peer-stderr").start();
        try {
            this.version = expect("version ").substring("version ".length());
            this.endpoint = expect(mode.equals("bind") ? "bound " : "connected ").split(" ", 2)[1];
        } catch (AssertionError e) {
            close();
            throw e;
        }
    }

    /** A peer of {@code type} that binds to {@code endpoint} (wildcard ports allowed; see {@link #endpoint()}). */
    static LibzmqPeer bind(SocketType type, String endpoint, PeerOption... options) {
        return new LibzmqPeer(type, "bind", endpoint, encode(options));
    }

    /** A peer of {@code type} that connects to {@code endpoint}. */
    static LibzmqPeer connect(SocketType type, String endpoint, PeerOption... options) {
        return new LibzmqPeer(type, "connect", endpoint, encode(options));
    }

    /** A libzmq option set before the peer binds or connects. */
    record PeerOption(String name, String value) {
        static PeerOption of(SocketOption<byte[]> option, byte[] value) {
            return new PeerOption(option.name(), hexFrame(value));
        }

        static PeerOption of(SocketOption<byte[]> option, String value) {
            return of(option, value.getBytes(StandardCharsets.UTF_8));
        }

        static PeerOption of(SocketOption<Integer> option, int value) {
            return new PeerOption(option.name(), Integer.toString(value));
        }

        @Override
        public String toString() {
            return name + "=" + value;
        }
    }

    /** libzmq's version and pyzmq's, as the peer printed them first. */
    String version() {
        return version;
    }

    /** The endpoint the peer bound (its LAST_ENDPOINT, with the actual port) or connected to. */
    String endpoint() {
        return endpoint;
    }

    /** Sends one multipart message; fails if libzmq cannot queue it. */
    void send(Message message) {
        StringBuilder line = new StringBuilder("send");
        for (byte[] frame : message) {
            line.append(' ').append(hexFrame(frame));
        }
        command(line.toString(), "ok");
    }

    void send(String... frames) {
        send(Message.of(frames));
    }

    /** Receives one whole message, failing if none arrives within {@link #WAIT}. */
    Message recv() {
        String answer = command("recv", "recv ");
        return decode(answer);
    }

    /** Receives one whole message within {@code timeout} (less than {@link #WAIT}), or returns null. */
    Message recv(Duration timeout) {
        String answer = command("recv " + timeout.toMillis(), "recv ", "timeout");
        return answer.equals("timeout") ? null : decode(answer);
    }

    void set(SocketOption<byte[]> option, String value) {
        command("set " + option.name() + " " + hexFrame(value.getBytes(StandardCharsets.UTF_8)), "ok");
    }

    /** Connects the peer's socket to one more endpoint. */
    void connectAlso(String other) {
        command("connect " + other, "ok");
    }

    /**
     * Starts sending the numbered stream of {@link InteropTestSupport#sequenceMessage} 0 to {@code count - 1}
     * without waiting: the test receives meanwhile, then {@link #awaitSequence()} waits for the peer's "ok".
     */
    void startSendingSequence(int count) {
        write("sendseq " + count);
    }

    /** Starts receiving and checking {@code count} messages of that stream; {@link #awaitSequence()} ends it. */
    void startReceivingSequence(int count) {
        write("recvseq " + count);
    }

    /** Waits for the sequence started last to end well. */
    void awaitSequence() {
        expect("the sequence", "ok");
    }

    /** Kills the process at once (SIGKILL): its connections end without any goodbye, as in a crash. */
    void kill() {
        process.destroyForcibly();
        awaitExit();
    }

    /**
     * Stops the process (SIGSTOP) as a hung peer: its connections stay open but nothing comes from them, not even
     * heartbeats. {@link #close()} then kills it.
     */
    void freeze() {
        try {
            Process stop = new ProcessBuilder("kill", "-STOP", Long.toString(process.pid())).inheritIO().start();
            if (!stop.waitFor(WAIT.toMillis(), TimeUnit.MILLISECONDS) || stop.exitValue() != 0) {
                fail("could not stop " + this);
            }
        } catch (IOException e) {
            throw new AssertionError("could not stop " + this, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted stopping " + this);
        }
        frozen = true;
    }

    /**
     * Ends the peer: closes its stdin, which makes it close its socket and exit at once when idle; kills it if it
     * is still busy (in a receive, after a failed test) a moment later.
     */
    @Override
    public void close() {
        if (frozen) {
            process.destroyForcibly();
        }
        try {
            stdin.close();
        } catch (IOException e) {
            // the peer is gone already
        }
        try {
            if (!process.waitFor(CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        writer.shutdownNow();
    }

    @Override
    public String toString() {
        return description + (version == null ? "" : " (" + version + ")");
    }

    // ---------------------------------------------------------------- protocol

    private String command(String line, String... accepted) {
        write(line);
        return expect(abbreviate(line), accepted);
    }

    private void write(String line) {
        Future<?> write = writer.submit(() -> {
            stdin.write((line + "\n").getBytes(StandardCharsets.US_ASCII));
            stdin.flush();
            return null;
        });
        try {
            write.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            process.destroyForcibly();
            throw failure("did not read command " + abbreviate(line) + " within " + WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure("interrupted writing " + abbreviate(line));
        } catch (ExecutionException e) {
            throw failure("cannot take command " + abbreviate(line) + ": " + e.getCause());
        }
    }

    private String expect(String prefix) {
        return expect("start-up", prefix);
    }

    private String expect(String after, String... accepted) {
        String line;
        try {
            line = lines.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure("interrupted waiting for an answer to " + after);
        }
        if (line == null) {
            throw failure("no answer to " + after + " within " + WAIT);
        }
        if (line.equals(EOF)) {
            awaitExit();
            throw failure("exited (status " + process.exitValue() + ") instead of answering " + after);
        }
        for (String a : accepted) {
            if (line.startsWith(a)) {
                return line;
            }
        }
        throw failure("answered " + abbreviate(line) + " to " + after + "; expected " + String.join(" or ", accepted));
    }

    private AssertionError failure(String what) {
        String err = stderr.toString().strip();
        String hint = err.contains("python3-zmq") || !Files.isExecutable(Path.of(PYTHON)) ? "\n" + INSTALL_HINT : "";
        return new AssertionError(this + ": " + what + "\npeer stderr:\n" + (err.isEmpty() ? "(empty)" : err) + hint);
    }

    private void awaitExit() {
        try {
            if (!process.waitFor(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                fail(this + " did not exit within " + WAIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted waiting for " + this + " to exit");
        }
        try {
            // The stderr reader may still be copying the last lines.
            stderrDrained.await(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void readLines(InputStream in) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
            for (String line; (line = r.readLine()) != null; ) {
                lines.add(line);
            }
        } catch (IOException e) {
            stderr.append("[stdout read failed: ").append(e).append("]\n");
        } finally {
            lines.add(EOF);
        }
    }

    private void drain(InputStream in) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                stderr.append(line).append('\n');
            }
        } catch (IOException e) {
            stderr.append("[stderr read failed: ").append(e).append("]\n");
        } finally {
            stderrDrained.countDown();
        }
    }

    // ---------------------------------------------------------------- encoding

    private static Message decode(String answer) {
        Message m = new Message();
        String[] words = answer.split(" ");
        for (int i = 1; i < words.length; i++) {
            m.add(words[i].equals("-") ? new byte[0] : HEX.parseHex(words[i]));
        }
        return m;
    }

    static String hexFrame(byte[] frame) {
        return frame.length == 0 ? "-" : HEX.formatHex(frame);
    }

    private static List<String> encode(PeerOption... options) {
        List<String> args = new ArrayList<>();
        for (PeerOption o : options) {
            args.add(o.toString());
        }
        return args;
    }

    private static String abbreviate(String line) {
        return line.length() <= 120 ? line : line.substring(0, 120) + "…(" + line.length() + " chars)";
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private static Path script() {
        URL url = LibzmqPeer.class.getResource("/libzmq_peer.py");
        if (url == null) {
            throw new AssertionError("libzmq_peer.py is not on the test class path");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException | FileSystemNotFoundException e) {
            throw new AssertionError("libzmq_peer.py is not a file: " + url, e);
        }
    }
}

package org.zmq4j.tools;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.zmq4j.tools.common.Terminal;

/** Runs one {@code zmq4j} command line in-process on its own thread, capturing its output, for the tests. */
final class ToolRun {
    static final Duration WAIT = Duration.ofSeconds(30);
    private static final Pattern BOUND = Pattern.compile("zmq4j: bound to (\\S+)");

    private final Capture out = new Capture();
    private final Capture err = new Capture();
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();

    private ToolRun() {}

    /** Starts {@code args} with {@code stdin} as its standard input. */
    static ToolRun startWithInput(String stdin, String... args) {
        ToolRun run = new ToolRun();
        Terminal terminal = new Terminal(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(run.out, true, StandardCharsets.UTF_8),
                new PrintStream(run.err, true, StandardCharsets.UTF_8));
        Thread thread = new Thread(() -> {
            try {
                run.exit.complete(Main.run(args, terminal));
            } catch (Throwable t) {
                run.exit.completeExceptionally(t);
            }
        }, "zmq4j " + String.join(" ", args));
        thread.setDaemon(true);
        thread.start();
        return run;
    }

    static ToolRun start(String... args) {
        return startWithInput("", args);
    }

    /** Runs {@code args} to the end. */
    static ToolRun run(String... args) throws InterruptedException {
        ToolRun run = start(args);
        run.exitCode();
        return run;
    }

    int exitCode() throws InterruptedException {
        try {
            return exit.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("the command threw instead of returning an exit code", e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("the command did not finish within " + WAIT + "; stderr: " + err());
        }
    }

    /** Waits for the "bound to" line a wildcard bind prints on stderr and returns the endpoint. */
    String boundEndpoint() throws InterruptedException {
        return err.await(BOUND).group(1);
    }

    String out() {
        return out.text();
    }

    String err() {
        return err.text();
    }

    /** A stream that keeps what is written and lets a reader wait for a pattern to appear in it. */
    private static final class Capture extends OutputStream {
        private final StringBuilder bytes = new StringBuilder();

        @Override
        public synchronized void write(int b) {
            bytes.append((char) (b & 0xff));
            notifyAll();
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            for (int i = off; i < off + len; i++) {
                bytes.append((char) (b[i] & 0xff));
            }
            notifyAll();
        }

        synchronized String text() {
            byte[] raw = new byte[bytes.length()];
            for (int i = 0; i < raw.length; i++) {
                raw[i] = (byte) bytes.charAt(i);
            }
            return new String(raw, StandardCharsets.UTF_8);
        }

        synchronized Matcher await(Pattern pattern) throws InterruptedException {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (true) {
                Matcher m = pattern.matcher(text());
                if (m.find()) {
                    return m;
                }
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    fail("'" + pattern + "' did not appear within " + WAIT + " in: " + text());
                }
                wait(left);
            }
        }
    }
}

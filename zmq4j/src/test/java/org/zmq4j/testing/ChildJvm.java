package org.zmq4j.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a test's {@code main} in a JVM of its own, for cases that need JVM options of their own (a small heap, little
 * direct memory), and returns what it printed once it has exited with status 0. A child that does not finish within
 * 40 seconds, or fails, fails the test with its output.
 */
public final class ChildJvm {
    private static final long TIMEOUT_SECONDS = 40;

    private ChildJvm() {}

    /** Runs {@code main} with {@code jvmOptions} and {@code args}; {@code dir} holds its output. */
    public static String run(Path dir, List<String> jvmOptions, Class<?> main, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(List.of(args));
        Path log = Files.createTempFile(dir, "child", ".txt");
        Process p = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        boolean finished;
        try {
            finished = p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } finally {
            p.destroyForcibly().waitFor();
        }
        String output = Files.readString(log);
        if (!finished) {
            throw new AssertionError("the child JVM did not finish within " + TIMEOUT_SECONDS + " s: " + output);
        }
        if (p.exitValue() != 0) {
            throw new AssertionError("the child JVM exited with " + p.exitValue() + ": " + output);
        }
        return output;
    }
}

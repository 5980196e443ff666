package org.zmq4j.tools.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.zmq4j.tools.common.Command;
import org.zmq4j.tools.common.Terminal;
import org.zmq4j.tools.common.UsageException;

/** {@code zmq4j demo}: the ZeroMQ Guide's first patterns, each over tcp, ipc and inproc, in one process. */
public final class DemoCommand implements Command {
    private static final int TASKS = 100;
    private static final int MANY_WORKERS = 4;
    private static final long TASK_SEED = 42;

    @Override
    public String name() {
        return "demo";
    }

    @Override
    public List<String> usage() {
        return List.of(
                "demo",
                "  runs the first patterns of the ZeroMQ Guide over tcp, ipc and inproc: hello world (REQ/REP),",
                "  weather updates (PUB/SUB) and a task pipeline (PUSH/PULL) with 1 and " + MANY_WORKERS
                        + " workers.");
    }

    @Override
    public int run(List<String> args, Terminal terminal) throws InterruptedException {
        if (!args.isEmpty()) {
            throw new UsageException("demo takes no arguments");
        }
        PrintStream out = terminal.out();
        long start = System.nanoTime();
        Path ipcDirectory = createIpcDirectory();
        try {
            List<Transport> transports = Transport.all(ipcDirectory);
            out.println("zmq4j demo: the first patterns of the ZeroMQ Guide, each over tcp, ipc and inproc");

            out.println();
            out.printf("Hello World (REQ/REP): the client sends \"Hello\" %d times, the server answers \"World\"%n",
                    HelloWorld.REQUESTS);
            for (Transport transport : transports) {
                HelloWorld.run(transport, out);
            }

            out.println();
            out.printf("Weather updates (PUB/SUB): the server publishes \"zipcode temperature relhumidity\"; the "
                    + "client subscribes to \"%s \"%n", WeatherUpdates.ZIP_CODE);
            for (Transport transport : transports) {
                WeatherUpdates.run(transport, out);
            }

            out.println();
            int[] workloads = workloads();
            out.printf("Divide and conquer (PUSH/PULL): taskvent sends %d tasks (1-10 ms each, %d ms in all) to "
                    + "the taskwork workers, tasksink collects the results%n", TASKS, sum(workloads));
            for (Transport transport : transports) {
                pipeline(transport, workloads, out);
            }

            out.println();
            out.printf(Locale.ROOT, "Done in %.1f s.%n", (System.nanoTime() - start) / 1e9);
            out.flush();
            return EXIT_OK;
        } finally {
            deleteIpcDirectory(ipcDirectory);
        }
    }

    private static void pipeline(Transport transport, int[] workloads, PrintStream out)
            throws InterruptedException {
        TaskPipeline.Result one = TaskPipeline.run(transport, 1, workloads);
        TaskPipeline.Result many = TaskPipeline.run(transport, MANY_WORKERS, workloads);
        out.printf(Locale.ROOT, "  %s: 1 worker %d ms, %d workers %d ms (tasks per worker %s): speed-up %.1fx%n",
                transport.name(), one.elapsedMillis(), MANY_WORKERS, many.elapsedMillis(), many.tasksPerWorker(),
                (double) one.elapsedMillis() / Math.max(1, many.elapsedMillis()));
    }

    private static int[] workloads() {
        Random random = new Random(TASK_SEED);
        int[] workloads = new int[TASKS];
        for (int i = 0; i < TASKS; i++) {
            workloads[i] = 1 + random.nextInt(10);
        }
        return workloads;
    }

    private static int sum(int[] values) {
        int sum = 0;
        for (int v : values) {
            sum += v;
        }
        return sum;
    }

    private static Path createIpcDirectory() {
        try {
            return Files.createTempDirectory("zmq4j-demo-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory for ipc endpoints: " + e.getMessage(), e);
        }
    }

    private static void deleteIpcDirectory(Path directory) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            for (Path file : files) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(directory);
        } catch (IOException e) {
            // Only leftovers in the temporary directory; the demo's outcome stands.
        }
    }
}

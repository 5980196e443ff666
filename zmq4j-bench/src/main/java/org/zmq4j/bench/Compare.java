package org.zmq4j.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.zmq4j.bench.harness.Case;
import org.zmq4j.bench.harness.CaseRunner;
import org.zmq4j.bench.harness.Implementation;
import org.zmq4j.bench.harness.Outcome;
import org.zmq4j.bench.harness.ResultTable;

/**
 * Runs zmq4j, libzmq and JeroMQ side by side on this machine and prints a Markdown table of medians and ratios
 * (what {@code bench/compare.sh}, and so {@code bin/zmq4j bench compare}, runs). On request a fourth column,
 * {@code socket}, shows the ceiling of the throughput cases: their bytes over a bare stream socket, no ZeroMQ.
 *
 * <p>Rounds are interleaved: each round runs every case once for every implementation, starting with a different
 * implementation each round, so a disturbance on the machine hits all of them alike. Warm-up rounds come first
 * and are not counted. Every run is a new set of processes (see {@link CaseRunner}).
 */
public final class Compare {
    private static final String USAGE = String.join("\n",
            "usage: compare [options]",
            "  --rounds N        measured rounds; the table shows medians (default 3)",
            "  --warmup N        rounds run first and not counted (default 1)",
            "  --quick           small counts: a smoke run that checks everything works, not a measurement",
            "  --cases a,b       cases to run (default all but fan-in-tcp-1/10/1000; scaling: the four fan-ins): "
                    + Case.ids(),
            "  --impls a,b       implementations, first one in the ratios (default zmq4j,libzmq,JeroMQ); socket adds",
            "                    a ceiling for the tcp and ipc throughput cases: their bytes over a bare stream socket",
            "  --root DIR        the zmq4j checkout (default: system property zmq4j.root, else .)",
            "  --native-dir DIR  libzmq tools built from bench/c (default ROOT/bench/target/c)",
            "  --java PATH       JVM for the Java tools (default: the one running this)",
            "  --jvm-arg ARG     JVM option for the Java tools; repeat for more",
            "  --timeout SEC     limit for one run of one case (default 300, 60 with --quick)",
            "  --log-dir DIR     output of failed runs (default ROOT/zmq4j-bench/target/compare-logs)",
            "  --list            print the cases and exit");

    private Compare() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        int rounds = 3;
        int warmup = 1;
        boolean quick = false;
        List<Case> cases = Case.ALL;
        List<String> implNames = List.of("zmq4j", "libzmq", "JeroMQ");
        Path root = Path.of(System.getProperty("zmq4j.root", "."));
        Path nativeDir = null;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> jvmArgs = new ArrayList<>();
        long timeoutSeconds = -1;
        Path logDir = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--rounds" -> rounds = positive(value(args, ++i, a), a);
                case "--warmup" -> warmup = Integer.parseInt(value(args, ++i, a));
                case "--quick" -> quick = true;
                case "--cases" -> cases = Case.select(value(args, ++i, a));
                case "--impls" -> implNames = List.of(value(args, ++i, a).split(","));
                case "--root" -> root = Path.of(value(args, ++i, a));
                case "--native-dir" -> nativeDir = Path.of(value(args, ++i, a));
                case "--java" -> java = value(args, ++i, a);
                case "--jvm-arg" -> jvmArgs.add(value(args, ++i, a));
                case "--timeout" -> timeoutSeconds = positive(value(args, ++i, a), a);
                case "--log-dir" -> logDir = Path.of(value(args, ++i, a));
                case "--list" -> {
                    List<Case> listed = new java.util.ArrayList<>(Case.ALL);
                    listed.addAll(Case.SCALING);
                    for (Case c : listed) {
                        System.out.printf(Locale.ROOT, "%-16s %s; %s%n", c.id(), c.title(), c.workload(false));
                    }
                    return;
                }
                case "-h", "--help" -> {
                    System.out.println(USAGE);
                    return;
                }
                default -> throw usage("unknown option " + a);
            }
        }
        root = root.toAbsolutePath().normalize();
        nativeDir = nativeDir != null ? nativeDir : root.resolve("bench").resolve("target").resolve("c");
        logDir = logDir != null ? logDir : root.resolve("zmq4j-bench").resolve("target").resolve("compare-logs");
        long timeoutMillis = (timeoutSeconds > 0 ? timeoutSeconds : quick ? 60 : 300) * 1000;

        List<String> javaCommand = new ArrayList<>(List.of(java));
        javaCommand.addAll(jvmArgs);
        String benchClassPath = System.getProperty("java.class.path");
        List<Implementation> impls = new ArrayList<>();
        for (String name : implNames) {
            impls.add(switch (name.trim().toLowerCase(Locale.ROOT)) {
                case "zmq4j" -> Implementation.zmq4j(javaCommand, benchClassPath, root);
                case "libzmq" -> Implementation.libzmq(nativeDir);
                case "jeromq" -> Implementation.jeromq(javaCommand, benchClassPath);
                case "socket" -> Implementation.socket(javaCommand, benchClassPath);
                default -> throw usage("unknown implementation " + name + " (zmq4j, libzmq, JeroMQ, socket)");
            });
        }

        Path ipcDir = Files.createTempDirectory("zmq4j-bench-");
        try {
            ResultTable table = new ResultTable(cases, impls.stream().map(Implementation::name).toList());
            CaseRunner runner = new CaseRunner(logDir, ipcDir, timeoutMillis, quick);
            String started = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
            long t0 = System.nanoTime();
            for (int round = 1 - warmup; round <= rounds; round++) {
                String label = round <= 0 ? "warm-up" : "round " + round + "/" + rounds;
                for (Case c : cases) {
                    for (int k = 0; k < impls.size(); k++) {
                        // Rotate who goes first, so no implementation always runs right after another one.
                        Implementation impl = impls.get(Math.floorMod(k + round, impls.size()));
                        Outcome o = runner.run(c, impl);
                        progress(label, c, impl, o);
                        if (round > 0) {
                            table.add(c, impl.name(), o);
                        }
                    }
                }
            }
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0);
            System.out.print(header(started, seconds, rounds, warmup, quick, javaCommand, nativeDir, root, cases,
                    impls));
            System.out.println();
            System.out.print(table.markdown());
            System.out.println();
            System.out.println("Throughput in messages per second received (higher is better); latency one way in µs,"
                    + " half the mean round trip (lower is better). A ratio is " + impls.get(0).name()
                    + "'s median over the other's: above 1 means " + impls.get(0).name()
                    + " is faster in a throughput row and slower in a latency row.");
            System.out.println();
            System.out.println("Every measured round:");
            System.out.println();
            System.out.print(table.details());
        } finally {
            try (Stream<Path> files = Files.walk(ipcDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void progress(String label, Case c, Implementation impl, Outcome o) {
        String result = o.ok()
                ? (c.shape().isLatency() ? String.format(Locale.ROOT, "%.1f µs", o.value())
                        : String.format(Locale.ROOT, "%,d msg/s", Math.round(o.value())))
                : (o.skipped() ? "n/a: " : "FAILED: ") + o.problem();
        System.err.printf(Locale.ROOT, "%-11s %-14s %-7s %s%n", label, c.id(), impl.name(), result);
    }

    private static String header(String started, long seconds, int rounds, int warmup, boolean quick,
            List<String> javaCommand, Path nativeDir, Path root, List<Case> cases, List<Implementation> impls) {
        StringBuilder sb = new StringBuilder();
        sb.append(quick ? "Quick smoke run (small counts: checks that everything runs; not a measurement)"
                        : "Side-by-side run").append(", ").append(started).append(" UTC, ")
                .append(seconds / 60).append(" min ").append(seconds % 60).append(" s\n\n");
        sb.append("- machine: ").append(Runtime.getRuntime().availableProcessors()).append(" CPUs (nproc), ")
                .append(cpuModel()).append(", ").append(System.getProperty("os.name")).append(' ')
                .append(System.getProperty("os.version")).append(' ').append(System.getProperty("os.arch"))
                .append('\n');
        sb.append("- JVM for zmq4j and JeroMQ: ").append(firstLine(run(concat(javaCommand, "-version"), true)))
                .append(javaCommand.size() > 1 ? " with " + String.join(" ", javaCommand.subList(1,
                        javaCommand.size())) : "").append('\n');
        sb.append("- zmq4j: ").append(gitRevision(root)).append('\n');
        sb.append("- libzmq: ").append(firstLine(run(List.of(nativeDir.resolve("zmq_version").toString()), false)))
                .append(" (").append(root.relativize(nativeDir.toAbsolutePath())).append(", gcc -O2)\n");
        sb.append("- JeroMQ: ").append(jeromqVersion()).append('\n');
        if (impls.stream().anyMatch(i -> i.name().equals("socket"))) {
            sb.append("- socket: the bytes of the same messages over a bare stream socket between two Java processes,"
                    + " 64 KiB reads and writes, no ZeroMQ\n");
        }
        sb.append("- ").append(rounds).append(" measured round").append(rounds == 1 ? "" : "s")
                .append(" (medians) after ").append(warmup).append(" warm-up round")
                .append(warmup == 1 ? "" : "s").append("; every run is new processes; the order of the"
                        + " implementations rotates each round\n");
        sb.append("- one run moves:");
        for (Case c : cases) {
            sb.append(' ').append(c.id()).append(' ').append(c.workload(quick)).append(';');
        }
        sb.setLength(sb.length() - 1);
        sb.append('\n');
        return sb.toString();
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8)) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).strip();
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return "CPU model unknown";
    }

    private static String gitRevision(Path root) {
        String rev = firstLine(run(List.of("git", "-C", root.toString(), "rev-parse", "--short", "HEAD"), false));
        String dirty = run(List.of("git", "-C", root.toString(), "status", "--porcelain", "--untracked-files=no"),
                false);
        return "commit " + rev + (dirty.isBlank() ? "" : " with uncommitted changes");
    }

    private static String jeromqVersion() {
        Package p = zmq.ZMQ.class.getPackage();
        String v = p.getImplementationVersion();
        if (v == null) {
            for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
                String name = Path.of(entry).getFileName().toString();
                if (name.startsWith("jeromq-") && name.endsWith(".jar")) {
                    v = name.substring("jeromq-".length(), name.length() - ".jar".length());
                }
            }
        }
        return (v != null ? v : "version unknown") + " (Maven Central), same JVM; its ipc:// runs over loopback tcp";
    }

    /** A command's stdout (or stderr), or "unknown" if it cannot run. */
    private static String run(List<String> command, boolean stderr) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(stderr).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : "unknown";
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    private static String firstLine(String s) {
        String t = s.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl).strip();
    }

    private static List<String> concat(List<String> list, String last) {
        List<String> out = new ArrayList<>(list);
        out.add(last);
        return out;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw usage(option + " needs a value");
        }
        return args[i];
    }

    private static int positive(String value, String option) {
        int n;
        try {
            n = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw usage(option + " needs a number: " + value);
        }
        if (n < 1) {
            throw usage(option + " must be at least 1: " + value);
        }
        return n;
    }

    private static IllegalArgumentException usage(String problem) {
        System.err.println("compare: " + problem);
        System.err.println(USAGE);
        System.exit(2);
        return new IllegalArgumentException(problem);
    }
}

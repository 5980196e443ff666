package org.zmq4j.bench.harness;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipFile;

/**
 * One implementation under comparison and how to start its tools: libzmq's are executables built from
 * {@code bench/c}, JeroMQ's are the classes of {@link org.zmq4j.bench.jeromq}, zmq4j's perf tools are
 * {@code bin/zmq4j perf <tool>} (started as its launcher does, without the launcher's staleness check) and its fan
 * tools are the classes of {@link org.zmq4j.bench.fan}. The opt-in {@code socket}, no ZeroMQ at all but the same
 * bytes over a bare stream socket, has only {@code local_thr} and {@code remote_thr}, the classes of
 * {@link org.zmq4j.bench.bare}.
 */
public final class Implementation {
    /** The tools {@code bin/zmq4j perf} provides, with libzmq's names. */
    static final Set<String> PERF_TOOLS =
            Set.of("local_thr", "remote_thr", "local_lat", "remote_lat", "inproc_thr", "inproc_lat");

    private static final String TOOLS_MAIN = "org.zmq4j.tools.Main";

    private enum Kind { LIBZMQ, JEROMQ, ZMQ4J, SOCKET }

    private final Kind kind;
    private final String name;
    private final Path nativeDir;
    private final List<String> java;
    private final String benchClassPath;
    private final String toolsClassPath;
    private final String toolsMissing;

    private Implementation(Kind kind, String name, Path nativeDir, List<String> java, String benchClassPath,
            String toolsClassPath, String toolsMissing) {
        this.kind = kind;
        this.name = name;
        this.nativeDir = nativeDir;
        this.java = java;
        this.benchClassPath = benchClassPath;
        this.toolsClassPath = toolsClassPath;
        this.toolsMissing = toolsMissing;
    }

    /** libzmq's side: the executables {@code bench/c/Makefile} built into {@code nativeDir}. */
    public static Implementation libzmq(Path nativeDir) {
        return new Implementation(Kind.LIBZMQ, "libzmq", nativeDir, List.of(), null, null, null);
    }

    /** JeroMQ's side, from this module's class path; {@code java} is the JVM command with its options. */
    public static Implementation jeromq(List<String> java, String benchClassPath) {
        return new Implementation(Kind.JEROMQ, "JeroMQ", null, java, benchClassPath, null, null);
    }

    /**
     * The bare socket, a ceiling for the throughput cases: {@code local_thr} and {@code remote_thr} from this module's
     * class path.
     */
    public static Implementation socket(List<String> java, String benchClassPath) {
        return new Implementation(Kind.SOCKET, "socket", null, java, benchClassPath, null, null);
    }

    /**
     * zmq4j's side: perf tools from {@code zmq4j-tools/target} under {@code root} (its jar and {@code lib/}, as
     * {@code bin/zmq4j} runs them), fan tools from this module's class path.
     */
    public static Implementation zmq4j(List<String> java, String benchClassPath, Path root) {
        Path target = root.resolve("zmq4j-tools").resolve("target");
        Path jar = findToolsJar(target);
        String missing = null;
        String toolsClassPath = null;
        if (jar == null) {
            missing = "no zmq4j-tools jar in " + target + " (build zmq4j-tools first)";
        } else if (!hasEntry(jar, TOOLS_MAIN.replace('.', '/') + ".class")) {
            missing = jar.getFileName() + " has no " + TOOLS_MAIN;
        } else {
            toolsClassPath = jar + File.pathSeparator + target.resolve("lib") + File.separator + "*";
        }
        return new Implementation(Kind.ZMQ4J, "zmq4j", null, java, benchClassPath, toolsClassPath, missing);
    }

    public String name() {
        return name;
    }

    /** Null if {@code tool} can run, else why it cannot. */
    public String unavailable(String tool) {
        return switch (kind) {
            case LIBZMQ -> Files.isExecutable(nativeDir.resolve(tool))
                    ? null : "no " + nativeDir.resolve(tool) + " (run make -C bench/c)";
            case JEROMQ -> null;
            case ZMQ4J -> PERF_TOOLS.contains(tool) ? toolsMissing : null;
            case SOCKET -> tool.equals("local_thr") || tool.equals("remote_thr")
                    ? null : "the bare socket has only local_thr and remote_thr";
        };
    }

    /** The command line that runs {@code tool} with {@code args}. */
    public List<String> command(String tool, List<String> args) {
        List<String> cmd = new ArrayList<>();
        switch (kind) {
            case LIBZMQ -> cmd.add(nativeDir.resolve(tool).toString());
            case JEROMQ -> {
                cmd.addAll(java);
                cmd.addAll(List.of("-cp", benchClassPath, "org.zmq4j.bench.jeromq." + className(tool)));
            }
            case ZMQ4J -> {
                cmd.addAll(java);
                if (PERF_TOOLS.contains(tool)) {
                    cmd.addAll(List.of("-cp", toolsClassPath, TOOLS_MAIN, "perf", tool));
                } else {
                    cmd.addAll(List.of("-cp", benchClassPath, "org.zmq4j.bench.fan." + className(tool)));
                }
            }
            case SOCKET -> {
                cmd.addAll(java);
                cmd.addAll(List.of("-cp", benchClassPath, "org.zmq4j.bench.bare." + className(tool)));
            }
        }
        cmd.addAll(args);
        return cmd;
    }

    /** "fan_in_pull" → "FanInPull". */
    static String className(String tool) {
        StringBuilder sb = new StringBuilder();
        for (String part : tool.split("_")) {
            sb.append(Character.toUpperCase(part.charAt(0))).append(part, 1, part.length());
        }
        return sb.toString();
    }

    private static Path findToolsJar(Path target) {
        if (!Files.isDirectory(target)) {
            return null;
        }
        try (var files = Files.list(target)) {
            return files.filter(p -> {
                String n = p.getFileName().toString();
                return n.startsWith("zmq4j-tools-") && n.endsWith(".jar")
                        && !n.endsWith("-sources.jar") && !n.endsWith("-tests.jar") && !n.endsWith("-javadoc.jar");
            }).findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean hasEntry(Path jar, String entry) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.getEntry(entry) != null;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return name;
    }
}

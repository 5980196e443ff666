package org.zmq4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Fails the build when a package of zmq4j depends on a higher layer, or an internal package leaks out. */
class ArchitectureTest {

    /**
     * The layers of DESIGN.md, by rank: a package may depend on its own layer and lower ones, never higher.
     * A layer covers its package and every sub-package ({@code transport} covers {@code transport.tcp}).
     */
    private static final Map<String, Integer> INTERNAL_LAYERS = Map.ofEntries(
            Map.entry("socket", 90),
            Map.entry("routing", 80),
            Map.entry("transport", 70),
            Map.entry("engine", 60),
            Map.entry("security", 50),
            Map.entry("pipe", 40),
            Map.entry("zmtp", 30),
            Map.entry("io", 20),
            Map.entry("concurrent", 10),
            Map.entry("util", 0));

    private static final Layer PUBLIC = new Layer("public", 100);
    private static final String ROOT = "org.zmq4j";
    private static final String INTERNAL = ROOT + ".internal";

    private static final Pattern PACKAGE_DECLARATION =
            Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    /** A qualified name under org.zmq4j, in an import, a static import or the code itself. */
    private static final Pattern PROJECT_REFERENCE =
            Pattern.compile("(?<![\\w$.])org\\s*\\.\\s*zmq4j(?:\\s*\\.\\s*(?:[A-Za-z_$][\\w$]*|\\*))*");
    private static final Pattern EXPORTS =
            Pattern.compile("\\bexports\\s+([\\w.]+)([^;]*);");

    record Layer(String name, int rank) {
        @Override
        public String toString() {
            return name + " (" + rank + ")";
        }
    }

    @Test
    void shouldNotImportUpwardAcrossLayers() {
        Path sources = mainSources();
        List<String> offences = new ArrayList<>();
        List<Path> files = javaFiles(sources);
        for (Path file : files) {
            if (file.getFileName().toString().equals("module-info.java")) {
                continue;
            }
            offences.addAll(violations(sources.relativize(file).toString(), read(file)));
        }
        assertFalse(files.isEmpty(), "found no Java sources under " + sources.toAbsolutePath());
        if (!offences.isEmpty()) {
            fail("Dependencies that break the layers of DESIGN.md (higher may use lower, never the reverse;"
                    + " every internal package must belong to a layer):\n  "
                    + String.join("\n  ", offences));
        }
    }

    @Test
    void shouldExportOnlyThePublicPackage() {
        Path moduleInfo = mainSources().resolve("module-info.java");
        assertTrue(Files.isRegularFile(moduleInfo), "missing " + moduleInfo.toAbsolutePath());
        assertEquals(List.of(ROOT), unqualifiedExports(read(moduleInfo)),
                "module-info.java must export exactly the public package " + ROOT + " to everyone");
        for (String target : qualifiedExportTargets(read(moduleInfo))) {
            assertEquals(CURVE_MODULE, target,
                    "internal packages may be exported only to the project's own " + CURVE_MODULE + " module");
        }
    }

    /** The one module the internals are opened to: CURVE plugs into the security layer from it. */
    static final String CURVE_MODULE = "org.zmq4j.curve";

    /** Packages exported to every module. */
    static List<String> unqualifiedExports(String moduleInfo) {
        List<String> packages = new ArrayList<>();
        Matcher exports = EXPORTS.matcher(blankCommentsAndLiterals(moduleInfo));
        while (exports.find()) {
            if (exports.group(2).isBlank()) {
                packages.add(exports.group(1));
            }
        }
        return packages;
    }

    /** The modules named after {@code to} in qualified exports. */
    static List<String> qualifiedExportTargets(String moduleInfo) {
        List<String> targets = new ArrayList<>();
        Matcher exports = EXPORTS.matcher(blankCommentsAndLiterals(moduleInfo));
        while (exports.find()) {
            String rest = exports.group(2).trim();
            if (rest.startsWith("to")) {
                for (String m : rest.substring(2).split(",")) {
                    targets.add(m.trim());
                }
            }
        }
        return targets;
    }

    @Test
    void shouldTellQualifiedExportsFromPublicOnes() {
        String moduleInfo = """
                module org.zmq4j {
                    exports org.zmq4j;
                    exports org.zmq4j.internal.security to org.zmq4j.curve;
                    exports org.zmq4j.internal.util to org.zmq4j.curve, other.mod;
                }
                """;
        assertEquals(List.of("org.zmq4j"), unqualifiedExports(moduleInfo));
        assertEquals(List.of("org.zmq4j.curve", "org.zmq4j.curve", "other.mod"), qualifiedExportTargets(moduleInfo));
    }

    // The checks above pass trivially if the scanner finds nothing, so the scanner is tested on its own.

    @Test
    void shouldReportAnUpwardImportWithFileAndLine() {
        String source = """
                package org.zmq4j.internal.pipe;

                import java.util.List;
                import org.zmq4j.internal.socket.SocketBase;
                """;
        assertEquals(List.of("Pipe.java:4: org.zmq4j.internal.pipe [pipe (40)] uses"
                        + " org.zmq4j.internal.socket.SocketBase [socket (90)]"),
                violations("Pipe.java", source));
    }

    @Test
    void shouldReportUpwardStaticImportsWildcardsAndQualifiedNames() {
        String source = """
                package org.zmq4j.internal.util;

                import static org.zmq4j.internal.io.Clock.now;
                import org.zmq4j.internal.zmtp.*;

                final class Helper {
                    org.zmq4j.Socket socket;
                    Object pipe = new org.zmq4j.internal.pipe.Pipe();
                }
                """;
        List<String> found = violations("Helper.java", source);
        assertEquals(4, found.size(), String.join("\n", found));
        assertTrue(found.get(0).startsWith("Helper.java:3: "), found.get(0));
        assertTrue(found.get(1).startsWith("Helper.java:4: "), found.get(1));
        assertTrue(found.get(2).startsWith("Helper.java:7: "), found.get(2));
        assertTrue(found.get(3).startsWith("Helper.java:8: "), found.get(3));
    }

    @Test
    void shouldAllowDownwardSameLayerAndSubPackageDependencies() {
        String source = """
                package org.zmq4j.internal.transport.tcp;

                import org.zmq4j.internal.transport.Address;
                import org.zmq4j.internal.transport.ipc.IpcAddress;
                import org.zmq4j.internal.engine.ZmtpEngine;
                import static org.zmq4j.internal.util.Z85.encode;

                final class TcpConnecter {
                    org.zmq4j.internal.io.IoThread thread;
                }
                """;
        assertEquals(List.of(), violations("TcpConnecter.java", source));
        assertEquals(List.of(), violations("Socket.java", """
                package org.zmq4j;

                import org.zmq4j.internal.socket.SocketBase;
                """));
    }

    @Test
    void shouldIgnoreNamesInCommentsAndStringLiterals() {
        String source = """
                package org.zmq4j.internal.util;

                // import org.zmq4j.internal.socket.SocketBase;
                /** Unlike {@link org.zmq4j.Socket}, this is internal. */
                final class Names {
                    /* org.zmq4j.internal.routing.FairQueue */
                    String a = "org.zmq4j.internal.socket.Req";
                    char c = '"';
                    String b = \"""
                            org.zmq4j.internal.engine.Session
                            \""";
                }
                """;
        assertEquals(List.of(), violations("Names.java", source));
    }

    @Test
    void shouldRejectInternalPackagesOutsideTheLayerTable() {
        List<String> ownPackage = violations("Stray.java", """
                package org.zmq4j.internal.misc;
                """);
        assertEquals(List.of("Stray.java:1: package org.zmq4j.internal.misc belongs to no layer"), ownPackage);

        List<String> referenced = violations("Pipe.java", """
                package org.zmq4j.internal.pipe;

                import org.zmq4j.internal.Helper;
                """);
        assertEquals(List.of("Pipe.java:3: org.zmq4j.internal.Helper is in org.zmq4j.internal,"
                + " which belongs to no layer"), referenced);
    }

    @Test
    void shouldRankPackagesAsTheDesignSays() {
        assertEquals(Optional.of(PUBLIC), layerOf("org.zmq4j"));
        assertEquals(Optional.of(PUBLIC), layerOf("org.zmq4j.monitor"));
        assertEquals(Optional.of(new Layer("socket", 90)), layerOf("org.zmq4j.internal.socket.reqrep"));
        assertEquals(Optional.of(new Layer("transport", 70)), layerOf("org.zmq4j.internal.transport.tcp"));
        assertEquals(Optional.of(new Layer("util", 0)), layerOf("org.zmq4j.internal.util"));
        assertEquals(Optional.empty(), layerOf("org.zmq4j.internal"));
        assertEquals(Optional.empty(), layerOf("org.zmq4j.internal.utility"));
        assertEquals(Optional.of(PUBLIC), layerOf("org.zmq4j.internalstuff"));
    }

    @Test
    void shouldReadExportsIncludingQualifiedOnesAndIgnoreComments() {
        String moduleInfo = """
                /** The zmq4j module. */
                module org.zmq4j {
                    exports org.zmq4j;
                    // exports org.zmq4j.internal.util;
                    exports org.zmq4j.internal.security to org.zmq4j.curve;
                }
                """;
        assertEquals(List.of("org.zmq4j", "org.zmq4j.internal.security"), exportedPackages(moduleInfo));
    }

    /** Offences in one source file, each as {@code file:line: what}, in the order they appear. */
    static List<String> violations(String file, String source) {
        String code = blankCommentsAndLiterals(source);
        List<String> offences = new ArrayList<>();
        Matcher declaration = PACKAGE_DECLARATION.matcher(code);
        if (!declaration.find()) {
            offences.add(file + ":1: no package declaration");
            return offences;
        }
        String ownPackage = declaration.group(1);
        Optional<Layer> own = layerOf(ownPackage);
        if (own.isEmpty()) {
            offences.add(file + ":" + lineOf(code, declaration.start(1)) + ": package " + ownPackage
                    + " belongs to no layer");
            return offences;
        }
        Matcher reference = PROJECT_REFERENCE.matcher(code);
        while (reference.find()) {
            if (reference.start() == declaration.start(1)) {
                continue;
            }
            String name = reference.group().replaceAll("\\s+", "");
            String referencedPackage = packageOf(name);
            Optional<Layer> target = layerOf(referencedPackage);
            String where = file + ":" + lineOf(code, reference.start()) + ": ";
            if (target.isEmpty()) {
                offences.add(where + name + " is in " + referencedPackage + ", which belongs to no layer");
            } else if (target.get().rank() > own.get().rank()) {
                offences.add(where + ownPackage + " [" + own.get() + "] uses " + name + " [" + target.get() + "]");
            }
        }
        return offences;
    }

    /** The layer of a package under org.zmq4j, or empty for an internal package the table does not place. */
    static Optional<Layer> layerOf(String packageName) {
        if (packageName.equals(INTERNAL)) {
            return Optional.empty();
        }
        if (packageName.startsWith(INTERNAL + ".")) {
            String layer = packageName.substring(INTERNAL.length() + 1).split("\\.", 2)[0];
            Integer rank = INTERNAL_LAYERS.get(layer);
            return rank == null ? Optional.empty() : Optional.of(new Layer(layer, rank));
        }
        if (packageName.equals(ROOT) || packageName.startsWith(ROOT + ".")) {
            return Optional.of(PUBLIC);
        }
        throw new IllegalArgumentException("not a zmq4j package: " + packageName);
    }

    /** The package part of a qualified name: the segments before the first type name or wildcard. */
    static String packageOf(String qualifiedName) {
        List<String> segments = new ArrayList<>();
        for (String segment : qualifiedName.split("\\.")) {
            if (segment.equals("*") || Character.isUpperCase(segment.charAt(0))) {
                break;
            }
            segments.add(segment);
        }
        return String.join(".", segments);
    }

    /** Packages named by {@code exports} directives, qualified or not, in order. */
    static List<String> exportedPackages(String moduleInfo) {
        Matcher exports = EXPORTS.matcher(blankCommentsAndLiterals(moduleInfo));
        List<String> packages = new ArrayList<>();
        while (exports.find()) {
            packages.add(exports.group(1));
        }
        return packages;
    }

    /**
     * The source with comments and string, char and text-block literals replaced by spaces; line breaks stay,
     * so offsets still give the right line numbers.
     */
    static String blankCommentsAndLiterals(String source) {
        StringBuilder out = new StringBuilder(source.length());
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (source.startsWith("//", i)) {
                int end = source.indexOf('\n', i);
                i = blank(source, i, end < 0 ? n : end, out);
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                i = blank(source, i, end < 0 ? n : end + 2, out);
            } else if (source.startsWith("\"\"\"", i)) {
                i = blank(source, i, endOfLiteral(source, i + 3, "\"\"\""), out);
            } else if (c == '"' || c == '\'') {
                i = blank(source, i, endOfLiteral(source, i + 1, String.valueOf(c)), out);
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static int endOfLiteral(String source, int from, String closing) {
        int i = from;
        while (i < source.length()) {
            if (source.charAt(i) == '\\') {
                i += 2;
            } else if (source.startsWith(closing, i)) {
                return i + closing.length();
            } else {
                i++;
            }
        }
        return source.length();
    }

    private static int blank(String source, int from, int to, StringBuilder out) {
        for (int i = from; i < Math.min(to, source.length()); i++) {
            out.append(source.charAt(i) == '\n' ? '\n' : ' ');
        }
        return Math.min(to, source.length());
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** zmq4j's main sources, found from the module directory (as under Surefire) or the repository root. */
    private static Path mainSources() {
        for (String candidate : List.of("src/main/java", "zmq4j/src/main/java", "../zmq4j/src/main/java")) {
            Path path = Paths.get(candidate);
            if (Files.isDirectory(path.resolve("org/zmq4j"))) {
                return path;
            }
        }
        return fail("cannot find zmq4j/src/main/java from " + Paths.get("").toAbsolutePath());
    }

    private static List<Path> javaFiles(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p))
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.zmq4j.bench.harness;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One benchmark case: a pattern of tools, a transport, a message size and how many messages (or round trips) one run
 * moves, sized so that a throughput run takes five seconds or more on a small two-core machine: a new JVM spends
 * about its first second compiling the hot code, and on two cores its compiler threads compete with the four busy
 * threads of a run (a quarter of all CPU samples in a 10-million-message tcp run). {@code quickCount} is for smoke
 * runs.
 *
 * @param id the name {@code --cases} takes
 * @param shape which tools run and which of them reports
 * @param transport {@code tcp}, {@code ipc} or {@code inproc}
 * @param peers senders (fan-in) or subscribers (fan-out); 0 otherwise
 */
public record Case(String id, Shape shape, String transport, int size, int count, int quickCount, int peers) {

    /** The tools of a case: {@code server} binds and starts first; {@code measured} prints the result. */
    public enum Shape {
        THROUGHPUT("local_thr", "remote_thr", true),
        LATENCY("local_lat", "remote_lat", false),
        INPROC_THROUGHPUT("inproc_thr", null, true),
        INPROC_LATENCY("inproc_lat", null, true),
        FAN_IN("fan_in_pull", "fan_in_push", true),
        FAN_OUT("fan_out_pub", "fan_out_sub", false);

        public final String server;
        /** The connecting tool, or null when the case is one process. */
        public final String client;
        private final boolean serverMeasures;

        Shape(String server, String client, boolean serverMeasures) {
            this.server = server;
            this.client = client;
            this.serverMeasures = serverMeasures;
        }

        /** The tool whose output holds the result. */
        public String measured() {
            return serverMeasures ? server : client;
        }

        public boolean isLatency() {
            return this == LATENCY || this == INPROC_LATENCY;
        }
    }

    /** Every case, in the order of the table. */
    public static final List<Case> ALL = List.of(
            new Case("tcp-thr-16", Shape.THROUGHPUT, "tcp", 16, 40_000_000, 100_000, 0),
            new Case("tcp-thr-1k", Shape.THROUGHPUT, "tcp", 1024, 6_000_000, 50_000, 0),
            new Case("tcp-thr-64k", Shape.THROUGHPUT, "tcp", 65536, 150_000, 2_000, 0),
            new Case("ipc-thr-16", Shape.THROUGHPUT, "ipc", 16, 40_000_000, 100_000, 0),
            new Case("inproc-thr-16", Shape.INPROC_THROUGHPUT, "inproc", 16, 100_000_000, 200_000, 0),
            new Case("tcp-lat-16", Shape.LATENCY, "tcp", 16, 50_000, 1_000, 0),
            new Case("inproc-lat-16", Shape.INPROC_LATENCY, "inproc", 16, 50_000, 2_000, 0),
            new Case("fan-in-tcp", Shape.FAN_IN, "tcp", 16, 40_000_000, 100_000, 100),
            new Case("fan-out-tcp", Shape.FAN_OUT, "tcp", 16, 400_000, 1_000, 100));

    /**
     * Fan-in with 1, 10 and 1,000 senders, to set beside {@code fan-in-tcp}'s 100: how cost grows with peers. Run
     * only when named ({@code --cases scaling} names all four).
     */
    public static final List<Case> SCALING = List.of(
            new Case("fan-in-tcp-1", Shape.FAN_IN, "tcp", 16, 40_000_000, 100_000, 1),
            new Case("fan-in-tcp-10", Shape.FAN_IN, "tcp", 16, 40_000_000, 100_000, 10),
            new Case("fan-in-tcp-1000", Shape.FAN_IN, "tcp", 16, 40_000_000, 100_000, 1000));

    /**
     * The cases named in a comma-separated list ({@code scaling}: the fan-in cases from 1 to 1,000 senders), in
     * table order; throws on an unknown name.
     */
    public static List<Case> select(String ids) {
        List<String> wanted = new ArrayList<>();
        for (String id : ids.split(",")) {
            if (id.trim().equals("scaling")) {
                wanted.addAll(List.of("fan-in-tcp-1", "fan-in-tcp-10", "fan-in-tcp", "fan-in-tcp-1000"));
            } else {
                wanted.add(id.trim());
            }
        }
        List<Case> known = new ArrayList<>(SCALING.subList(0, 2));
        known.addAll(ALL);
        known.add(SCALING.get(2));
        for (String id : wanted) {
            if (known.stream().noneMatch(c -> c.id.equals(id))) {
                throw new IllegalArgumentException("unknown case '" + id + "'; cases: " + ids());
            }
        }
        List<Case> out = new ArrayList<>();
        for (Case c : known) {
            if (wanted.contains(c.id)) {
                out.add(c);
            }
        }
        return out;
    }

    public static String ids() {
        List<String> names = new ArrayList<>(ALL.stream().map(Case::id).toList());
        SCALING.forEach(c -> names.add(c.id));
        names.add("scaling");
        return String.join(",", names);
    }

    public int count(boolean quick) {
        return quick ? quickCount : count;
    }

    /** A row title such as "tcp throughput, 16 B" or "fan-in 100 PUSH → 1 PULL, tcp, 16 B". */
    public String title() {
        String bytes = size >= 1024 ? size / 1024 + " KiB" : size + " B";
        return switch (shape) {
            case THROUGHPUT, INPROC_THROUGHPUT -> transport + " throughput, " + bytes;
            case LATENCY, INPROC_LATENCY -> transport + " latency, " + bytes;
            case FAN_IN -> "fan-in " + peers + " PUSH → 1 PULL, " + transport + ", " + bytes;
            case FAN_OUT -> "fan-out 1 PUB → " + peers + " SUB, " + transport + ", " + bytes;
        };
    }

    /** What one run moves, e.g. "3,000,000 messages" or "10,000 round trips". */
    public String workload(boolean quick) {
        int n = count(quick);
        return switch (shape) {
            case LATENCY, INPROC_LATENCY -> String.format(Locale.ROOT, "%,d round trips", n);
            case FAN_OUT -> String.format(Locale.ROOT, "%,d messages × %d subscribers", n, peers);
            default -> String.format(Locale.ROOT, "%,d messages", n);
        };
    }
}

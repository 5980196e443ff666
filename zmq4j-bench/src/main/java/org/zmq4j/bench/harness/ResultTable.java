package org.zmq4j.bench.harness;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The outcomes of every measured round, and the Markdown table of their medians: one row per case, one column per
 * implementation, then the first implementation's median over each other's.
 */
public final class ResultTable {
    private final List<Case> cases;
    private final List<String> implementations;
    private final Map<String, List<Outcome>> outcomes = new LinkedHashMap<>();

    /** @param implementations column order; ratios are the first over each of the others */
    public ResultTable(List<Case> cases, List<String> implementations) {
        this.cases = cases;
        this.implementations = implementations;
    }

    public void add(Case c, String implementation, Outcome outcome) {
        outcomes.computeIfAbsent(key(c, implementation), k -> new ArrayList<>()).add(outcome);
    }

    /** The median of the successful rounds, or NaN if none succeeded. */
    public double median(Case c, String implementation) {
        List<Double> values = values(c, implementation);
        if (values.isEmpty()) {
            return Double.NaN;
        }
        Collections.sort(values);
        int n = values.size();
        return n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2;
    }

    public String markdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("| case |");
        for (String impl : implementations) {
            sb.append(' ').append(impl).append(" |");
        }
        String first = implementations.get(0);
        for (String other : implementations.subList(1, implementations.size())) {
            sb.append(' ').append(first).append('/').append(other).append(" |");
        }
        sb.append('\n').append("|---|");
        sb.append("---:|".repeat(2 * implementations.size() - 1)).append('\n');
        for (Case c : cases) {
            sb.append("| ").append(c.title()).append(" |");
            for (String impl : implementations) {
                sb.append(' ').append(cell(c, impl)).append(" |");
            }
            double mine = median(c, first);
            for (String other : implementations.subList(1, implementations.size())) {
                double theirs = median(c, other);
                sb.append(' ').append(Double.isNaN(mine) || Double.isNaN(theirs) || theirs == 0
                        ? "–" : String.format(Locale.ROOT, "%.2f", mine / theirs)).append(" |");
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** Every round's value and every problem, per case and implementation. */
    public String details() {
        StringBuilder sb = new StringBuilder();
        for (Case c : cases) {
            for (String impl : implementations) {
                List<Outcome> all = outcomes.getOrDefault(key(c, impl), List.of());
                List<String> shown = new ArrayList<>();
                Set<String> problems = new LinkedHashSet<>();
                for (Outcome o : all) {
                    if (o.ok()) {
                        shown.add(format(c, o.value(), true));
                    } else {
                        shown.add(o.skipped() ? "n/a" : "failed");
                        problems.add(o.problem());
                    }
                }
                sb.append("- ").append(c.id()).append(", ").append(impl).append(": ").append(String.join(", ", shown));
                for (String p : problems) {
                    sb.append("\n  - ").append(p);
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    private String cell(Case c, String impl) {
        List<Outcome> all = outcomes.getOrDefault(key(c, impl), List.of());
        List<Double> values = values(c, impl);
        if (values.isEmpty()) {
            return all.stream().allMatch(Outcome::skipped) ? "n/a" : "failed";
        }
        String v = format(c, median(c, impl), true);
        return values.size() == all.size() ? v : v + " (" + values.size() + " of " + all.size() + ")";
    }

    private static String format(Case c, double value, boolean unit) {
        if (c.shape().isLatency()) {
            return String.format(Locale.ROOT, "%.1f", value) + (unit ? " µs" : "");
        }
        return String.format(Locale.ROOT, "%,d", Math.round(value)) + (unit ? " msg/s" : "");
    }

    private List<Double> values(Case c, String implementation) {
        List<Double> values = new ArrayList<>();
        for (Outcome o : outcomes.getOrDefault(key(c, implementation), List.of())) {
            if (o.ok()) {
                values.add(o.value());
            }
        }
        return values;
    }

    private static String key(Case c, String implementation) {
        return c.id() + '/' + implementation;
    }
}

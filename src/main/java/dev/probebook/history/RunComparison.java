package dev.probebook.history;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What changed between a run and an earlier one, by meaning rather than by text: the verdict, then every fact the
 * probe states about its result (DNS answers, ports open or refused, the HTTP status, a certificate's days left, the
 * timings), each as before and now, with the difference for numbers. Facts that did not change are left out.
 */
public record RunComparison(String verdictBefore, String verdictNow, List<Change> changes, long elapsedDeltaMs) {

    /** One fact that differs; {@code delta} is now minus before for numbers, else null. */
    public record Change(String fact, String before, String now, String delta) {}

    public RunComparison {
        changes = List.copyOf(changes);
    }

    public boolean verdictChanged() {
        return !verdictBefore.equals(verdictNow);
    }

    /** True when nothing the runs say differs (timing aside). */
    public boolean same() {
        return !verdictChanged() && changes.isEmpty();
    }

    /** Compares a run's facts, verdict and time (now) with an earlier run (before). */
    public static RunComparison of(Map<String, String> now, String verdictNow, long elapsedNow, RunRecord before) {
        Set<String> names = new LinkedHashSet<>(before.facts().keySet());
        names.addAll(now.keySet());
        List<Change> changes = new ArrayList<>();
        for (String name : names) {
            String b = before.facts().get(name);
            String n = now.get(name);
            if (b != null && b.equals(n)) {
                continue;
            }
            changes.add(new Change(name, b, n, delta(b, n)));
        }
        return new RunComparison(before.verdict(), verdictNow, changes, elapsedNow - before.elapsedMs());
    }

    private static String delta(String before, String now) {
        if (before == null || now == null) {
            return null;
        }
        try {
            BigDecimal d = new BigDecimal(now).subtract(new BigDecimal(before));
            return (d.signum() > 0 ? "+" : "") + d.stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

package dev.probebook.history;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How current a runbook's knowledge is, from its run history.
 *
 * @param lastRun       when anything of it last ran, or null when it never ran
 * @param verifiedAt    the end of the last Run all in which every step that ran ended ok or warn, or null
 * @param verifiedBy    who ran that session
 * @param verifiedTargets the addresses that session contacted, as text
 * @param failingSteps  steps that have failed for everyone for at least {@link RunStore#FAILING_FOR}: their lines
 */
public record Freshness(
        String runbook,
        Instant lastRun,
        Instant verifiedAt,
        String verifiedBy,
        String verifiedTargets,
        List<Integer> failingSteps) {

    public Freshness {
        failingSteps = List.copyOf(failingSteps);
    }

    public static Freshness neverRun(String runbook) {
        return new Freshness(runbook, null, null, null, null, List.of());
    }

    public boolean neverRan() {
        return lastRun == null;
    }

    /** Never verified, or verified longer ago than {@code maxAge} before {@code now}. */
    public boolean stale(Instant now, Duration maxAge) {
        return verifiedAt == null || verifiedAt.isBefore(now.minus(maxAge));
    }
}

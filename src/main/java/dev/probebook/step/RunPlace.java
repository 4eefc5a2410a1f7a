package dev.probebook.step;

/**
 * Where a run was started: a runbook at a version (the content hash of its text) and the source line and heading of
 * its step, or the free terminal (all null); {@code via} names another channel for the records (the HTTP API and the
 * caller's address, the CLI), or null.
 */
public record RunPlace(String runbook, String version, Integer step, String heading, String via) {

    /** A runbook step without version or heading (tests, tools). */
    public RunPlace(String runbook, Integer step) {
        this(runbook, null, step, null, null);
    }

    /** A step of a runbook page. */
    public static RunPlace step(String runbook, String version, int line, String heading) {
        return new RunPlace(runbook, version, line, heading, null);
    }

    public static RunPlace terminal() {
        return new RunPlace(null, null, null, null, null);
    }

    /** A run through the HTTP API; the request names no runbook (it could claim any). */
    public static RunPlace api(String remoteAddress) {
        return new RunPlace(null, null, null, null, "via /api/run from " + remoteAddress);
    }

    /** A run from the command line: a runbook file's step, or {@code exec} (all null). */
    public static RunPlace cli(String runbook, String version, Integer step, String heading) {
        return new RunPlace(runbook, version, step, heading, "via the CLI");
    }

    /**
     * The {@code via} of a run in the practice lab: kept in the history (a learner's runs are theirs to look back on)
     * but never evidence about the real targets: freshness and "last good run" leave such runs out.
     */
    public static final String PRACTICE_LAB = "in the practice lab";

    /** The same place, in the practice lab. */
    public RunPlace inPracticeLab() {
        return new RunPlace(runbook, version, step, heading, PRACTICE_LAB);
    }

    /** True for a step of a runbook (not the free terminal, the API or {@code exec}). */
    public boolean inRunbook() {
        return runbook != null && step != null;
    }
}

package dev.probebook.step;

/**
 * Where a run was started: a runbook and the source line of its step, or the free terminal (both null);
 * {@code via} names another channel for the records (the HTTP API and the caller's address), or null.
 */
public record RunPlace(String runbook, Integer step, String via) {

    public RunPlace(String runbook, Integer step) {
        this(runbook, step, null);
    }

    public static RunPlace terminal() {
        return new RunPlace(null, null);
    }

    /** A run through the HTTP API; the request names no runbook (it could claim any). */
    public static RunPlace api(String remoteAddress) {
        return new RunPlace(null, null, "via /api/run from " + remoteAddress);
    }

    /** A run from the command line. */
    public static RunPlace cli(String file, Integer step) {
        return new RunPlace(file, step, "via the CLI");
    }
}

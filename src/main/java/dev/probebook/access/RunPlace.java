package dev.probebook.access;

/** Where a run was started: a runbook and the source line of its step, or the free terminal (both null). */
public record RunPlace(String runbook, Integer step) {

    public static RunPlace terminal() {
        return new RunPlace(null, null);
    }
}

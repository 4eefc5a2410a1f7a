package dev.probebook.history;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An immutable report: a runbook as it was when it ran (its text, at its version) and the runs that were made of
 * it, kept whole so that pruning the run history never changes a report. Made from a Run all or from chosen runs;
 * kept until an admin deletes it.
 *
 * @param runbookText the runbook's Markdown at {@code version}, or null for runs outside a runbook
 */
public record Report(
        String id,
        Instant createdAt,
        String createdBy,
        String createdByName,
        String runbook,
        String version,
        String title,
        String runbookText,
        Map<String, String> variables,
        List<RunRecord> runs) {

    public Report {
        variables = Map.copyOf(variables);
        runs = List.copyOf(runs);
    }

    /** A line of the report list. */
    public record Summary(String id, Instant createdAt, String createdByName, String runbook, String title) {}

    public Summary summary() {
        return new Summary(id, createdAt, createdByName, runbook, title);
    }
}

package dev.probebook.history;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One step run as the run history keeps it: who ran what, where, when, with which values, and what came of it.
 *
 * @param session        the Run all it belonged to, or null
 * @param user           the key of who ran it; {@code userName} what people read
 * @param via            another channel than a page (the HTTP API, the CLI), or null
 * @param runbook        the runbook's name, and {@code version} the content hash of its text then; null for the free
 *                       terminal and the API
 * @param commandWritten the commands as the runbook (or the person) wrote them, one per line
 * @param commandRun     the commands as they ran, variables substituted, one per line
 * @param output         the terminal output as shown (within the output caps)
 * @param detailsType    the simple name of the details record (e.g. {@code HttpDetails}); {@code details} its JSON
 * @param facts          what the result says, fact by fact, for comparing runs by meaning
 * @param targets        the resolved addresses contacted, as text
 * @param permissions    what the commands needed ({@code RUN}, {@code CAPTURE}, ...): a reader sees the output only
 *                       when their role could have run it
 * @param refused        the run was refused before it started (role, limit)
 */
public record RunRecord(
        String id,
        String session,
        Instant startedAt,
        Instant finishedAt,
        String user,
        String userName,
        String via,
        String runbook,
        String version,
        Integer stepLine,
        String stepHeading,
        String commandWritten,
        String commandRun,
        String probe,
        Map<String, String> variables,
        String verdict,
        String summary,
        String output,
        boolean truncated,
        String detailsType,
        String details,
        Map<String, String> facts,
        String targets,
        long elapsedMs,
        List<String> permissions,
        boolean refused) {

    public RunRecord {
        variables = Map.copyOf(variables);
        facts = Collections.unmodifiableMap(new LinkedHashMap<>(facts));
        permissions = List.copyOf(permissions);
    }

    /** True when the verdict counts as a success for freshness ({@code ok} or {@code warn}). */
    public boolean good() {
        return verdict.equals("ok") || verdict.equals("warn");
    }
}

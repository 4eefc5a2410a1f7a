package dev.probebook.report;

import dev.probebook.history.Report;
import dev.probebook.history.RunRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A report as JSON (a contract: {@code /reports/ID.json} and {@code GET /api/reports/ID}): the report's fields and
 * its runs, each with {@code facts}, {@code output} and {@code details} only where the reader may see them
 * ({@code hidden} says why not: a capture's facts name the connections it saw). Details are the probe's own JSON, as the CLI's {@code --json} gives them.
 */
public final class ReportJson {

    private static final JsonMapper MAPPER =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private ReportJson() {}

    public static Map<String, Object> of(Report report, Visibility visibility) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", report.id());
        m.put("title", report.title());
        m.put("createdAt", report.createdAt().toString());
        m.put("createdBy", report.createdByName());
        m.put("runbook", report.runbook());
        m.put("version", report.version());
        m.put("variables", report.variables());
        List<Object> runs = new ArrayList<>();
        report.runs().forEach(r -> runs.add(run(r, visibility)));
        m.put("runs", runs);
        return m;
    }

    /** One run as the API shows it. */
    public static Map<String, Object> run(RunRecord r, Visibility visibility) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("session", r.session());
        m.put("startedAt", r.startedAt().toString());
        m.put("user", r.userName());
        m.put("via", r.via());
        m.put("runbook", r.runbook());
        m.put("version", r.version());
        m.put("step", r.stepLine());
        m.put("heading", r.stepHeading());
        m.put("commandWritten", r.commandWritten());
        m.put("command", r.commandRun());
        m.put("variables", r.variables());
        m.put("probe", r.probe());
        m.put("verdict", r.verdict());
        m.put("summary", r.summary());
        m.put("elapsedMs", r.elapsedMs());
        m.put("targets", r.targets());
        m.put("refused", r.refused());
        if (visibility.mayRead(r)) {
            m.put("facts", r.facts());
            if (r.output() != null) {
                m.put("output", r.output());
                m.put("outputTruncated", r.truncated());
            }
            if (r.details() != null) {
                m.put("details", MAPPER.readTree(r.details()));
            }
        } else {
            m.put("hidden", visibility.hiddenBecause(r));
        }
        return m;
    }

    public static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }
}

package dev.probebook.report;

import dev.probebook.history.Report;
import dev.probebook.history.RunRecord;
import dev.probebook.registry.ProbeRegistry;
import java.util.Map;
import java.util.TreeMap;
import org.jsoup.nodes.Entities;

/**
 * A report as one self-contained HTML file: it opens offline, anywhere, with no script, no font and no stylesheet
 * to fetch. Prose is the runbook's already sanitised HTML; everything else is escaped text.
 */
public final class ReportHtml {

    private static final String STYLE = """
            body{font:15px/1.5 system-ui,-apple-system,"Noto Sans KR",sans-serif;max-width:60rem;margin:2rem auto;\
            padding:0 1rem;color:#1d232b;word-break:keep-all}
            header{border-bottom:1px solid #d0d7de;margin-bottom:1.5rem;padding-bottom:.5rem}
            header dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:.5rem 0}
            dt{color:#57606a}dd{margin:0}
            pre{background:#0d1117;color:#e6edf3;padding:.75rem;overflow-x:auto;border-radius:6px;font-size:13px}
            code{font-family:ui-monospace,SFMono-Regular,Menlo,monospace}
            .step{border:1px solid #d0d7de;border-radius:8px;padding:.75rem;margin:1rem 0}
            .run{margin:.75rem 0}.meta{color:#57606a;font-size:13px}
            .verdict{display:inline-block;padding:0 .5rem;border-radius:1rem;font-weight:600;font-size:13px}
            .ok{background:#dafbe1;color:#116329}.warn{background:#fff8c5;color:#7d4e00}
            .fail,.error{background:#ffebe9;color:#a40e26}.skipped{background:#eaeef2;color:#424a53}
            .hidden{color:#57606a;font-style:italic}.none{color:#57606a}
            table{border-collapse:collapse}td,th{border:1px solid #d0d7de;padding:.2rem .5rem;text-align:left}
            """;

    /** The content security policy of a report file: inline styles and inline images only. */
    public static final String POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

    private ReportHtml() {}

    public static String of(Report report, ProbeRegistry registry, Visibility visibility) {
        ReportDocument doc = ReportDocument.of(report, registry);
        StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">");
        h.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        // the file is opened offline, away from the server's headers: its own policy forbids scripts and anything
        // fetched from elsewhere (a runbook's remote image would tell a third party who opened the report)
        h.append("<meta http-equiv=\"Content-Security-Policy\" content=\"" + POLICY + "\">");
        h.append("<title>").append(e(report.title())).append(" · Probebook report</title>");
        h.append("<style>").append(STYLE).append("</style></head><body>");
        h.append("<header><h1>").append(e(report.title())).append("</h1><dl>");
        item(h, "Report", report.id());
        item(h, "Made by", report.createdByName() + ", " + ReportMarkdown.WHEN.format(report.createdAt()));
        if (report.runbook() != null) {
            item(
                    h,
                    "Runbook",
                    report.runbook()
                            + (report.version() == null
                                    ? ""
                                    : " (version " + ReportMarkdown.shortHash(report.version()) + ")"));
        }
        if (!report.variables().isEmpty()) {
            item(h, "Values", values(report.variables()));
        }
        h.append("</dl></header><main>");
        for (ReportDocument.Section s : doc.sections()) {
            switch (s) {
                case ReportDocument.HeadingSection heading -> {
                    int level = Math.max(2, Math.min(6, heading.level() + 1));
                    h.append("<h")
                            .append(level)
                            .append(" id=\"")
                            .append(e(heading.anchor()))
                            .append("\">")
                            .append(e(heading.text()))
                            .append("</h")
                            .append(level)
                            .append(">");
                }
                case ReportDocument.ProseSection prose ->
                    h.append("<div class=\"prose\">").append(prose.html()).append("</div>");
                case ReportDocument.StepSection step -> {
                    h.append("<section class=\"step\"><pre><code>")
                            .append(e(step.commands()))
                            .append("</code></pre>");
                    if (step.runs().isEmpty()) {
                        h.append("<p class=\"none\">Not run in this report.</p>");
                    }
                    step.runs().forEach(r -> run(h, r, visibility));
                    h.append("</section>");
                }
            }
        }
        if (!doc.elsewhere().isEmpty()) {
            h.append("<h2>Other runs</h2>");
            for (RunRecord r : doc.elsewhere()) {
                h.append("<section class=\"step\">");
                run(h, r, visibility);
                h.append("</section>");
            }
        }
        h.append("</main></body></html>\n");
        return h.toString();
    }

    private static void run(StringBuilder h, RunRecord r, Visibility visibility) {
        h.append("<div class=\"run\"><span class=\"verdict ")
                .append(e(r.verdict()))
                .append("\">")
                .append(e(r.verdict()))
                .append("</span> ")
                .append(e(r.summary()));
        h.append("<div class=\"meta\">")
                .append(e(r.userName()))
                .append(", ")
                .append(ReportMarkdown.WHEN.format(r.startedAt()))
                .append(", ")
                .append(r.elapsedMs())
                .append(" ms")
                .append(r.targets() == null ? "" : ", " + e(r.targets()))
                .append("</div>");
        if (visibility.mayRead(r)) {
            h.append("<pre><code>$ ").append(e(r.commandRun().replace("\n", "\n$ ")));
            if (r.output() != null && !r.output().isEmpty()) {
                h.append('\n').append(e(r.output()));
            }
            h.append("</code></pre>");
            if (!r.facts().isEmpty()) {
                h.append("<table>");
                r.facts()
                        .forEach((k, v) -> h.append("<tr><th>")
                                .append(e(k))
                                .append("</th><td>")
                                .append(e(v))
                                .append("</td></tr>"));
                h.append("</table>");
            }
        } else {
            h.append("<p class=\"hidden\">")
                    .append(e(visibility.hiddenBecause(r)))
                    .append("</p>");
        }
        h.append("</div>");
    }

    private static void item(StringBuilder h, String name, String value) {
        h.append("<dt>").append(e(name)).append("</dt><dd>").append(e(value)).append("</dd>");
    }

    private static String values(Map<String, String> values) {
        StringBuilder s = new StringBuilder();
        new TreeMap<>(values)
                .forEach((k, v) ->
                        s.append(s.isEmpty() ? "" : ", ").append(k).append('=').append(v));
        return s.toString();
    }

    static String e(String text) {
        return text == null ? "" : Entities.escape(text);
    }
}

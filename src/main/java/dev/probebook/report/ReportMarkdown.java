package dev.probebook.report;

import dev.probebook.history.Report;
import dev.probebook.history.RunRecord;
import dev.probebook.plan.PlannedBlock;
import dev.probebook.plan.Planner;
import dev.probebook.plan.RunbookPlan;
import dev.probebook.registry.ProbeRegistry;
import dev.probebook.runbook.MarkdownParser;
import dev.probebook.runbook.RunbookException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A report as Markdown, for a ticket or a wiki: a header (who, when, which version, the values), then the runbook's
 * own text with each step's results right after its code block (verdict, summary, who and against what, and the
 * output in a fence), then the runs that belong to no step of the text.
 */
public final class ReportMarkdown {

    static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private ReportMarkdown() {}

    public static String of(Report report, ProbeRegistry registry, Visibility visibility) {
        StringBuilder md = new StringBuilder();
        md.append("<!-- Probebook report ").append(report.id()).append(" -->\n\n");
        md.append("> **Report:** ").append(escape(report.title())).append("  \n");
        md.append("> **Made by** ")
                .append(escape(report.createdByName()))
                .append(" at ")
                .append(WHEN.format(report.createdAt()))
                .append("  \n");
        if (report.runbook() != null) {
            md.append("> **Runbook** `")
                    .append(report.runbook())
                    .append("`")
                    .append(report.version() == null ? "" : " version `" + shortHash(report.version()) + "`")
                    .append("  \n");
        }
        if (!report.variables().isEmpty()) {
            md.append("> **Values** ").append(values(report.variables())).append("\n");
        }
        md.append("\n");
        Map<Integer, List<RunRecord>> byLine = new TreeMap<>();
        List<RunRecord> elsewhere = new ArrayList<>();
        for (RunRecord r : report.runs()) {
            if (r.stepLine() != null
                    && report.runbook() != null
                    && report.runbook().equals(r.runbook())) {
                byLine.computeIfAbsent(r.stepLine(), k -> new ArrayList<>()).add(r);
            } else {
                elsewhere.add(r);
            }
        }
        if (report.runbookText() != null) {
            Map<Integer, List<RunRecord>> afterLine = new LinkedHashMap<>(); // end line of a step -> its runs
            try {
                RunbookPlan plan =
                        new Planner(registry).plan(new MarkdownParser().parse(report.runbookText(), "report"));
                for (PlannedBlock b : plan.steps()) {
                    List<RunRecord> runs = byLine.remove(b.line());
                    if (runs != null) {
                        afterLine.put(b.code().endLine(), runs);
                    }
                }
            } catch (RunbookException e) {
                // the text is shown as it is; the runs go below
            }
            String[] lines = report.runbookText().split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                md.append(lines[i]).append('\n');
                List<RunRecord> runs = afterLine.get(i + 1);
                if (runs != null) {
                    md.append('\n');
                    runs.forEach(r -> result(md, r, visibility));
                }
            }
        }
        byLine.values().forEach(elsewhere::addAll);
        if (!elsewhere.isEmpty()) {
            md.append("\n## Other runs\n\n");
            for (RunRecord r : elsewhere) {
                md.append(inlineCode("$ " + r.commandRun().replace("\n", " ; ")))
                        .append("\n\n");
                result(md, r, visibility);
            }
        }
        return md.toString();
    }

    private static void result(StringBuilder md, RunRecord r, Visibility visibility) {
        md.append("**Result: `")
                .append(r.verdict())
                .append("`** ")
                .append(escape(r.summary()))
                .append("  \n");
        md.append("_")
                .append(escape(r.userName()))
                .append(", ")
                .append(WHEN.format(r.startedAt()))
                .append(", ")
                .append(r.elapsedMs())
                .append(" ms")
                .append(r.targets() == null ? "" : ", " + escape(r.targets()))
                .append("_\n\n");
        if (!visibility.mayRead(r)) {
            md.append("_").append(visibility.hiddenBecause(r)).append("_\n\n");
            return;
        }
        String output = r.output() == null ? "" : r.output();
        String fence = fenceFor(r.commandRun() + "\n" + output);
        md.append(fence)
                .append("text\n$ ")
                .append(r.commandRun().replace("\n", "\n$ "))
                .append('\n');
        if (!output.isEmpty()) {
            md.append(output).append('\n');
        }
        md.append(fence).append("\n\n");
    }

    /** Text as one inline code span: delimited by more backticks than it holds in a row, padded where needed. */
    static String inlineCode(String text) {
        String ticks = "`".repeat(longestBacktickRun(text) + 1);
        String pad = text.startsWith("`") || text.endsWith("`") ? " " : "";
        return ticks + pad + text + pad + ticks;
    }

    /** A fence longer than any run of backticks in the text, so the output cannot end it. */
    static String fenceFor(String text) {
        return "`".repeat(Math.max(3, longestBacktickRun(text) + 1));
    }

    private static int longestBacktickRun(String text) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            run = text.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return longest;
    }

    static String values(Map<String, String> values) {
        List<String> parts = new ArrayList<>();
        new TreeMap<>(values).forEach((k, v) -> parts.add("`" + k + "=" + v.replace("`", "'") + "`"));
        return String.join(", ", parts);
    }

    static String shortHash(String hash) {
        return hash.length() > 12 ? hash.substring(0, 12) : hash;
    }

    /** Markdown that a summary or a name cannot break: no HTML, no emphasis, no links. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("\\", "\\\\")
                .replace("<", "&lt;")
                .replace("*", "\\*")
                .replace("_", "\\_")
                .replace("`", "\\`")
                .replace("[", "\\[")
                .replace("\n", " ");
    }
}

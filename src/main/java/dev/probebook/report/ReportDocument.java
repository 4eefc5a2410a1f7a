package dev.probebook.report;

import dev.probebook.history.Report;
import dev.probebook.history.RunRecord;
import dev.probebook.plan.BlockKind;
import dev.probebook.plan.PlannedBlock;
import dev.probebook.plan.Planner;
import dev.probebook.plan.RunbookPlan;
import dev.probebook.registry.ProbeRegistry;
import dev.probebook.runbook.CodeBlock;
import dev.probebook.runbook.Heading;
import dev.probebook.runbook.MarkdownParser;
import dev.probebook.runbook.Part;
import dev.probebook.runbook.Prose;
import dev.probebook.runbook.RunbookException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A report laid out for reading: the runbook's headings and prose as they were, each step with the runs made of it in
 * place of the terminal, and the runs that belong to no step of the text (the free terminal, a step the text no
 * longer has) at the end. Every export and the report page are built from this one layout.
 */
public record ReportDocument(Report report, List<Section> sections, List<RunRecord> elsewhere) {

    /** One piece of the report, in document order. */
    public sealed interface Section permits HeadingSection, ProseSection, StepSection {}

    public record HeadingSection(int level, String text, String anchor) implements Section {}

    /** Sanitised HTML of the runbook's prose. */
    public record ProseSection(String html) implements Section {}

    /** A step of the runbook: its commands as written and the runs made of it (oldest first). */
    public record StepSection(int line, String heading, String commands, List<RunRecord> runs) implements Section {}

    public ReportDocument {
        sections = List.copyOf(sections);
        elsewhere = List.copyOf(elsewhere);
    }

    /** Lays a report out; a runbook text that no longer parses leaves every run "elsewhere". */
    public static ReportDocument of(Report report, ProbeRegistry registry) {
        Map<Integer, List<RunRecord>> byLine = new LinkedHashMap<>();
        List<RunRecord> elsewhere = new ArrayList<>();
        for (RunRecord r : report.runs()) {
            if (report.runbook() != null && report.runbook().equals(r.runbook()) && r.stepLine() != null) {
                byLine.computeIfAbsent(r.stepLine(), k -> new ArrayList<>()).add(r);
            } else {
                elsewhere.add(r);
            }
        }
        byLine.values().forEach(runs -> runs.sort((a, b) -> a.startedAt().compareTo(b.startedAt())));
        List<Section> sections = new ArrayList<>();
        if (report.runbookText() != null) {
            try {
                RunbookPlan plan =
                        new Planner(registry).plan(new MarkdownParser().parse(report.runbookText(), report.runbook()));
                for (Part part : plan.runbook().parts()) {
                    switch (part) {
                        case Heading h -> sections.add(new HeadingSection(h.level(), h.text(), h.anchor()));
                        case Prose p -> {
                            if (!p.html().isBlank()) {
                                sections.add(new ProseSection(p.html()));
                            }
                            nestedSteps(plan, p, byLine, sections);
                        }
                        case CodeBlock c ->
                            plan.blockAt(c.line())
                                    .filter(b -> b.kind() == BlockKind.STEP)
                                    .ifPresent(b -> sections.add(step(b, byLine)));
                    }
                }
            } catch (RunbookException e) {
                // the text no longer parses: the runs stand on their own below
            }
        }
        byLine.values().forEach(elsewhere::addAll);
        elsewhere.sort((a, b) -> a.startedAt().compareTo(b.startedAt()));
        return new ReportDocument(report, sections, elsewhere);
    }

    /** Steps nested in this prose (lists, quotes) come right after it. */
    private static void nestedSteps(
            RunbookPlan plan, Prose prose, Map<Integer, List<RunRecord>> byLine, List<Section> sections) {
        for (PlannedBlock b : plan.steps()) {
            if (b.code().nested() && prose.html().contains("data-block-line=\"" + b.line() + "\"")) {
                sections.add(step(b, byLine));
            }
        }
    }

    private static StepSection step(PlannedBlock b, Map<Integer, List<RunRecord>> byLine) {
        List<RunRecord> runs = byLine.remove(b.line());
        return new StepSection(
                b.line(),
                b.code().section(),
                String.join("\n", b.commands().stream().map(c -> c.text()).toList()),
                runs == null ? List.of() : runs);
    }
}

package dev.probebook.library;

import dev.probebook.command.ShellWords;
import dev.probebook.command.UsageException;
import dev.probebook.guide.Drill;
import dev.probebook.guide.Guide;
import dev.probebook.plan.BlockKind;
import dev.probebook.plan.PlannedBlock;
import dev.probebook.plan.PlannedCommand;
import dev.probebook.plan.Planner;
import dev.probebook.plan.RunbookPlan;
import dev.probebook.registry.ProbeRegistry;
import dev.probebook.runbook.FrontMatter;
import dev.probebook.runbook.MarkdownParser;
import dev.probebook.runbook.RunbookException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What the editor shows beside the text: which blocks became steps (and which probe runs each line) and which are
 * examples, with a warning for every line that will not run although it looks like a command. Built from the same
 * parser and planner as the page, so the preview never promises what the page will not do.
 *
 * @param problem why the text is not a runbook at all (the page would refuse it), or null
 */
public record RunbookPreview(List<Block> blocks, List<String> warnings, String problem) {

    public RunbookPreview {
        blocks = List.copyOf(blocks);
        warnings = List.copyOf(warnings);
    }

    /** A code block: a step or an example, under its section. */
    public record Block(int line, String section, BlockKind kind, List<Line> lines) {
        public Block {
            lines = List.copyOf(lines);
        }
    }

    /**
     * One command line of a step.
     *
     * @param probe  the probe that runs it, or null
     * @param notRun why it will not run, or null
     */
    public record Line(int line, String text, String probe, String notRun) {}

    public static RunbookPreview of(String text, String name, ProbeRegistry registry, Duration parseBudget) {
        RunbookPlan plan;
        try {
            plan = new Planner(registry).plan(new MarkdownParser(parseBudget).parse(text, name));
        } catch (RunbookException e) {
            return new RunbookPreview(List.of(), List.of(), e.getMessage());
        }
        List<String> warnings = new ArrayList<>(plan.runbook().warnings());
        List<Block> blocks = new ArrayList<>();
        for (PlannedBlock b : plan.blocks()) {
            List<Line> lines = new ArrayList<>();
            if (b.kind() == BlockKind.STEP) {
                for (PlannedCommand c : b.commands()) {
                    String why = c.runnable() ? null : c.reason() == null ? "no probe runs it" : c.reason();
                    lines.add(new Line(c.line(), c.text(), c.runnable() ? c.probe() : null, why));
                    if (why != null) {
                        warnings.add("line " + c.line() + ": `" + c.text() + "` will not run: " + why);
                    }
                }
            } else {
                lookalikes(b, registry, warnings);
            }
            blocks.add(new Block(b.line(), b.code().section(), b.kind(), lines));
        }
        // guided mode ignores an expectation it cannot read (the step expects ok or warn): the author hears it here
        warnings.addAll(Guide.of(plan, text).problems());
        FrontMatter front = plan.runbook().frontMatter();
        if (Drill.isDrill(front)) {
            Drill.of(name, plan.runbook()).problems().forEach(p -> warnings.add("drill: " + p));
        }
        return new RunbookPreview(blocks, warnings, null);
    }

    /**
     * An example block whose every line starts with a command Probebook runs: probably meant as a step (an example
     * that shows a command and then its output is documentation, and is left alone).
     */
    private static void lookalikes(PlannedBlock b, ProbeRegistry registry, List<String> warnings) {
        List<String> commands = new ArrayList<>();
        for (String raw : b.code().lines()) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            List<String> words;
            try {
                words = ShellWords.split(line.startsWith("$ ") ? line.substring(2) : line)
                        .words();
            } catch (UsageException e) {
                return;
            }
            if (words.isEmpty() || !registry.knowsWord(words.get(0))) {
                return;
            }
            commands.add(line);
        }
        if (!commands.isEmpty()) {
            warnings.add("line " + b.code().contentLine() + ": `" + commands.get(0) + "` looks like a command but sits"
                    + " in an example block, so it will not run: put it in a block without a caption above it");
        }
    }
}

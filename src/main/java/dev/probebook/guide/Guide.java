package dev.probebook.guide;

import dev.probebook.plan.BlockKind;
import dev.probebook.plan.PlannedBlock;
import dev.probebook.plan.RunbookPlan;
import dev.probebook.runbook.CodeBlock;
import dev.probebook.runbook.Heading;
import dev.probebook.runbook.Part;
import dev.probebook.runbook.Prose;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A runbook cut into guided steps: one per section that has something in it (a heading starts a section; the text
 * before the first heading below the title is a step of its own when it says something). Within a section, example
 * outputs and the explanation right after each become hints; everything else is shown. Each runnable block gets its
 * expectation from its fence or the comment above it ({@link Expectation}).
 *
 * @param problems expectations that could not be read, by line, for the editor
 */
public record Guide(String title, List<GuidedStep> steps, List<String> problems) {

    public Guide {
        steps = List.copyOf(steps);
        problems = List.copyOf(problems);
    }

    /**
     * @param source the runbook's text as stored, for the {@code <!-- expect: -->} comments (the parsed prose no longer
     *               has them)
     */
    public static Guide of(RunbookPlan plan, String source) {
        String[] lines = source.split("\n", -1);
        List<List<Part>> sections = new ArrayList<>();
        List<Heading> headings = new ArrayList<>();
        List<Part> current = new ArrayList<>();
        Heading heading = null;
        for (Part part : plan.runbook().parts()) {
            if (part instanceof Heading h) {
                if (!current.isEmpty()) {
                    sections.add(current);
                    headings.add(heading);
                }
                current = new ArrayList<>();
                heading = h;
            } else {
                current.add(part);
            }
        }
        if (!current.isEmpty()) {
            sections.add(current);
            headings.add(heading);
        }
        List<GuidedStep> steps = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < sections.size(); i++) {
            Heading h = headings.get(i);
            int from = sections.get(i).get(0).line();
            int to = i + 1 < sections.size() ? headings.get(i + 1).line() : Integer.MAX_VALUE;
            steps.add(step(steps.size() + 1, h, sections.get(i), from, to, plan, lines, problems));
        }
        return new Guide(plan.title(), steps, problems);
    }

    private static GuidedStep step(
            int number,
            Heading h,
            List<Part> parts,
            int from,
            int to,
            RunbookPlan plan,
            String[] lines,
            List<String> problems) {
        List<Part> shown = new ArrayList<>();
        List<PlannedBlock> runs = new ArrayList<>();
        Map<Integer, Expectation> expectations = new LinkedHashMap<>();
        List<Hint> hints = new ArrayList<>();
        PlannedBlock example = null;
        for (int i = 0; i < parts.size(); i++) {
            Part part = parts.get(i);
            if (part instanceof Prose p && i + 1 < parts.size() && isCaptionOf(p, parts.get(i + 1), plan)) {
                continue; // the example's caption: shown with the hint
            }
            Optional<PlannedBlock> planned = part instanceof CodeBlock c ? plan.blockAt(c.line()) : Optional.empty();
            if (planned.isPresent() && planned.get().kind() == BlockKind.EXAMPLE) {
                if (example != null) {
                    hints.add(hint(example, null));
                }
                example = planned.get();
                continue;
            }
            if (example != null && part instanceof Prose p) { // what the author says the example means
                hints.add(hint(example, p.html()));
                example = null;
                continue;
            }
            if (example != null) {
                hints.add(hint(example, null));
                example = null;
            }
            shown.add(part);
            planned.ifPresent(b -> run(b, lines, runs, expectations, problems));
        }
        // steps nested in lists or quotes of this section, shown in place within its prose
        for (CodeBlock c : plan.runbook().codeBlocks()) {
            if (c.nested() && c.line() >= from && c.line() < to) {
                plan.blockAt(c.line())
                        .filter(b -> b.kind() == BlockKind.STEP)
                        .ifPresent(b -> run(b, lines, runs, expectations, problems));
            }
        }
        runs.sort(Comparator.comparingInt(PlannedBlock::line));
        if (example != null) {
            hints.add(hint(example, null));
        }
        return new GuidedStep(
                number,
                h == null ? plan.title() : h.text(),
                h == null ? "" : h.anchor(),
                shown,
                runs,
                expectations,
                hints);
    }

    private static void run(
            PlannedBlock b,
            String[] lines,
            List<PlannedBlock> runs,
            Map<Integer, Expectation> expectations,
            List<String> problems) {
        runs.add(b);
        Expectation e = expectationOf(b.code(), lines);
        if (e instanceof Expectation.Unreadable u) {
            problems.add("line " + b.line() + ": the expectation '" + u.written() + "' cannot be read: " + u.problem()
                    + "; the step expects ok or warn");
        }
        if (e != null) {
            expectations.put(b.line(), e);
        }
    }

    /** A paragraph that only holds the caption of the example right after it ({@code <mark>Refused</mark>}). */
    private static boolean isCaptionOf(Prose prose, Part next, RunbookPlan plan) {
        if (!(next instanceof CodeBlock c) || c.caption() == null || c.caption().isBlank()) {
            return false;
        }
        boolean example =
                plan.blockAt(c.line()).map(b -> b.kind() == BlockKind.EXAMPLE).orElse(false);
        String text = prose.html().replaceAll("<[^>]*>", "").strip();
        return example && text.equals(c.caption().strip());
    }

    private static Hint hint(PlannedBlock example, String explanation) {
        String caption = example.code().caption();
        return new Hint(
                caption == null || caption.isBlank() ? null : caption,
                example.code().text(),
                explanation);
    }

    /** The fence's expectation, or the comment's on the nearest non-blank line above the fence. */
    static Expectation expectationOf(CodeBlock block, String[] lines) {
        Expectation fence = Expectation.fromFenceInfo(block.info());
        if (fence != null) {
            return fence;
        }
        for (int i = block.line() - 2; i >= 0 && i < lines.length; i--) {
            if (!lines[i].isBlank()) {
                return Expectation.fromComment(lines[i]);
            }
        }
        return null;
    }
}

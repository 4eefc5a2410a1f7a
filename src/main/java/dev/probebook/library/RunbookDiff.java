package dev.probebook.library;

import dev.probebook.plan.BlockKind;
import dev.probebook.plan.PlannedBlock;
import dev.probebook.plan.PlannedCommand;
import dev.probebook.plan.Planner;
import dev.probebook.plan.RunbookPlan;
import dev.probebook.registry.ProbeRegistry;
import dev.probebook.runbook.MarkdownParser;
import dev.probebook.runbook.RunbookException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.diff.EditList;
import org.eclipse.jgit.diff.HistogramDiff;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;

/**
 * What changed between two versions of a runbook, for people: the text line by line (git's histogram diff, with
 * three lines of context and the unchanged stretches between folded), and the commands that became steps or stopped
 * being steps, which the text diff alone hides in a sea of prose.
 */
public record RunbookDiff(List<Line> lines, List<String> commandsAdded, List<String> commandsRemoved) {

    static final int CONTEXT = 3;

    public RunbookDiff {
        lines = List.copyOf(lines);
        commandsAdded = List.copyOf(commandsAdded);
        commandsRemoved = List.copyOf(commandsRemoved);
    }

    public enum Kind {
        SAME,
        ADDED,
        REMOVED,
        /** {@code text} holds how many unchanged lines are folded here. */
        FOLDED
    }

    /**
     * One line of the diff.
     *
     * @param before its number in the older text (1-based), or 0
     * @param after  its number in the newer text, or 0
     */
    public record Line(Kind kind, int before, int after, String text) {}

    public boolean unchanged() {
        return lines.stream().allMatch(l -> l.kind() == Kind.SAME || l.kind() == Kind.FOLDED);
    }

    public static RunbookDiff of(String before, String after, ProbeRegistry registry) {
        RawText a = new RawText(before.getBytes(StandardCharsets.UTF_8));
        RawText b = new RawText(after.getBytes(StandardCharsets.UTF_8));
        EditList edits = new HistogramDiff().diff(RawTextComparator.DEFAULT, a, b);
        List<Line> lines = new ArrayList<>();
        int ai = 0;
        int bi = 0;
        for (Edit e : edits) {
            same(lines, a, ai, e.getBeginA(), bi, ai == 0, false);
            bi += e.getBeginA() - ai;
            for (int i = e.getBeginA(); i < e.getEndA(); i++) {
                lines.add(new Line(Kind.REMOVED, i + 1, 0, a.getString(i)));
            }
            for (int i = e.getBeginB(); i < e.getEndB(); i++) {
                lines.add(new Line(Kind.ADDED, 0, i + 1, b.getString(i)));
            }
            ai = e.getEndA();
            bi = e.getEndB();
        }
        same(lines, a, ai, a.size(), bi, ai == 0, true);
        Set<String> was = commands(before, registry);
        Set<String> now = commands(after, registry);
        List<String> added = now.stream().filter(c -> !was.contains(c)).toList();
        List<String> removed = was.stream().filter(c -> !now.contains(c)).toList();
        return new RunbookDiff(lines, added, removed);
    }

    /** Unchanged lines [from, to) of the older text: context kept next to changes, the middle folded. */
    private static void same(List<Line> out, RawText a, int from, int to, int bFrom, boolean atStart, boolean atEnd) {
        int n = to - from;
        int head = atStart ? 0 : Math.min(CONTEXT, n);
        int tail = atEnd ? 0 : Math.min(CONTEXT, n - head);
        for (int i = 0; i < head; i++) {
            out.add(new Line(Kind.SAME, from + i + 1, bFrom + i + 1, a.getString(from + i)));
        }
        int folded = n - head - tail;
        if (folded > 0) {
            out.add(new Line(Kind.FOLDED, 0, 0, String.valueOf(folded)));
        }
        for (int i = n - tail; i < n; i++) {
            out.add(new Line(Kind.SAME, from + i + 1, bFrom + i + 1, a.getString(from + i)));
        }
    }

    /** The command lines of a text's steps; none when it does not parse. */
    private static Set<String> commands(String text, ProbeRegistry registry) {
        Set<String> out = new LinkedHashSet<>();
        try {
            RunbookPlan plan = new Planner(registry).plan(new MarkdownParser().parse(text, "diff"));
            for (PlannedBlock b : plan.blocks()) {
                if (b.kind() == BlockKind.STEP) {
                    b.commands().stream().map(PlannedCommand::text).forEach(out::add);
                }
            }
        } catch (RunbookException e) {
            // a version that does not parse has no steps to compare
        }
        return out;
    }
}

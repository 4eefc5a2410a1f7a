package dev.probebook.plan;

import dev.probebook.runbook.Runbook;
import java.util.List;
import java.util.Optional;

/** A runbook with every code block classified and every placeholder mapped to a variable. */
public record RunbookPlan(Runbook runbook, List<Variable> variables, List<PlannedBlock> blocks) {

    public RunbookPlan {
        variables = List.copyOf(variables);
        blocks = List.copyOf(blocks);
    }

    public String title() {
        return runbook.title();
    }

    public List<PlannedBlock> steps() {
        return blocks.stream().filter(b -> b.kind() == BlockKind.STEP).toList();
    }

    /** How many command lines of the steps are shown and not run (tools not built in, shell features, typos). */
    public long notRunLines() {
        return steps().stream()
                .flatMap(b -> b.commands().stream())
                .filter(c -> !c.runnable())
                .count();
    }

    public List<PlannedBlock> examples() {
        return blocks.stream().filter(b -> b.kind() == BlockKind.EXAMPLE).toList();
    }

    /** The block that starts at, or contains, a source line. */
    public Optional<PlannedBlock> blockAt(int line) {
        return blocks.stream()
                .filter(b -> b.line() == line)
                .findFirst()
                .or(() -> blocks.stream().filter(b -> b.contains(line)).findFirst());
    }

    /** Examples that illustrate the step starting at {@code stepLine}. */
    public List<PlannedBlock> examplesOf(int stepLine) {
        return blocks.stream()
                .filter(b -> b.kind() == BlockKind.EXAMPLE && b.illustrates() == stepLine)
                .toList();
    }
}

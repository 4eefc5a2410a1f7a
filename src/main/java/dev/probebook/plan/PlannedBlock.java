package dev.probebook.plan;

import dev.probebook.runbook.CodeBlock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A code block with its classification. For a step, {@code commands} holds every command line (all
 * alternatives); for an example, {@code illustrates} is the source line of the step it shows output of
 * (the nearest step above it in the same section), or 0.
 */
public record PlannedBlock(CodeBlock code, BlockKind kind, List<PlannedCommand> commands, int illustrates) {

    public PlannedBlock {
        commands = List.copyOf(commands);
    }

    public int line() {
        return code.line();
    }

    public boolean contains(int sourceLine) {
        return sourceLine >= code.line() && sourceLine <= code.endLine();
    }

    /** Number of alternatives ({@code 또는}/{@code or} groups) of a step. */
    public int alternatives() {
        return commands.stream().mapToInt(PlannedCommand::alternative).max().orElse(-1) + 1;
    }

    /** The commands of one alternative, in order. */
    public List<PlannedCommand> alternative(int index) {
        List<PlannedCommand> out = new ArrayList<>();
        for (PlannedCommand c : commands) {
            if (c.alternative() == index) {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * The alternative that runs given these values: the first whose variables are all bound (so {@code tcping ip}
     * runs before {@code tcping ip port}); with none bound, the first, which is then skipped naming what it needs.
     */
    public int alternativeFor(Map<String, String> values) {
        for (int a = 0; a < alternatives(); a++) {
            boolean bound = alternative(a).stream()
                    .flatMap(c -> c.variables().stream())
                    .allMatch(v -> values.get(v) != null && !values.get(v).isBlank());
            if (bound) {
                return a;
            }
        }
        return 0;
    }

    /** Variables any command of this step needs. */
    public Set<String> variables() {
        Set<String> names = new LinkedHashSet<>();
        commands.forEach(c -> names.addAll(c.variables()));
        return names;
    }
}

package dev.probebook.plan;

import dev.probebook.command.Placeholder;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One command line of a step, as written (prompt and {@code sudo} stripped), with the probe that runs
 * it, its alternative group ({@code 0} = the first; lines after {@code 또는}/{@code or} start the next),
 * its placeholders, and why it cannot run when it cannot ({@code unsupported}: shell features we do not
 * run; {@code usageError}: a prompted line whose arguments do not parse). {@code exampleOutput} holds
 * console lines that followed a prompted command.
 */
public record PlannedCommand(
        int line,
        String text,
        String probe,
        int alternative,
        List<Placeholder> placeholders,
        List<Placeholder> filterPlaceholders,
        String unsupported,
        String usageError,
        List<String> exampleOutput) {

    public PlannedCommand {
        placeholders = List.copyOf(placeholders);
        filterPlaceholders = List.copyOf(filterPlaceholders);
        exampleOutput = List.copyOf(exampleOutput);
    }

    public boolean isAlternative() {
        return alternative > 0;
    }

    /** Variables this command needs, in order of appearance. */
    public Set<String> variables() {
        Set<String> names = new LinkedHashSet<>();
        placeholders.forEach(p -> names.add(p.variable()));
        filterPlaceholders.forEach(p -> names.add(p.variable()));
        return names;
    }

    public boolean runnable() {
        return unsupported == null && usageError == null && !probe.equals("none");
    }

    /** Why the command will not run, or null. */
    public String reason() {
        return unsupported != null ? unsupported : usageError;
    }
}

package dev.probebook.step;

import dev.probebook.command.ShellLine;
import dev.probebook.command.UsageException;
import dev.probebook.plan.CommandBinder;
import dev.probebook.plan.PlannedBlock;
import dev.probebook.plan.RunbookPlan;
import java.util.List;
import java.util.Map;

/** Builds the commands of a step run: a runbook step's alternative bound to the values, or a typed line. */
public final class StepCommands {

    private StepCommands() {}

    /** The commands of one alternative of a runbook step, bound to {@code values}. */
    public static List<StepCommand> forStep(
            CommandBinder binder, RunbookPlan plan, PlannedBlock step, int alternative, Map<String, String> values) {
        return step.alternative(alternative).stream()
                .map(c -> new StepCommand(c.text(), binder.bind(c, values, plan.variables()), c.probe()))
                .toList();
    }

    /** The alternative that the values bind ({@link PlannedBlock#alternativeFor}), bound to them. */
    public static List<StepCommand> forStep(
            CommandBinder binder, RunbookPlan plan, PlannedBlock step, Map<String, String> values) {
        return forStep(binder, plan, step, step.alternativeFor(values), values);
    }

    /** A runbook step's command as the reader edited it: its placeholders still take the page's values. */
    public static StepCommand edited(CommandBinder binder, RunbookPlan plan, String line, Map<String, String> values) {
        return of(line, binder.bindEdited(line, values, plan.variables()));
    }

    /** A line typed by a person (free terminal, API): placeholders left in it are reported, never run. */
    public static StepCommand typed(CommandBinder binder, String line) {
        CommandBinder.Bound bound;
        try {
            bound = binder.prepareTyped(line, ShellLine.parse(line));
        } catch (UsageException e) {
            bound = new CommandBinder.NotRunnable(line, e.getMessage(), CommandBinder.Problem.USAGE);
        }
        return of(line, bound);
    }

    /** A line given as words (the CLI's {@code exec}). */
    public static StepCommand typed(CommandBinder binder, ShellLine line) {
        return of(line.text(), binder.prepareTyped(line.text(), line));
    }

    private static StepCommand of(String written, CommandBinder.Bound bound) {
        String probe = bound instanceof CommandBinder.Ready r
                ? r.invocation().command().probeName()
                : "none";
        return new StepCommand(written, bound, probe);
    }
}

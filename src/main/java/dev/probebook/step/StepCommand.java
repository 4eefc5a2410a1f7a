package dev.probebook.step;

import dev.probebook.plan.CommandBinder;

/**
 * One command of a step run: the line as the runbook (or the user) wrote it, the line bound to the variables,
 * ready to run or with the reason it cannot, and the probe that takes it ({@code none} when no probe does).
 */
public record StepCommand(String written, CommandBinder.Bound bound, String probe) {

    /** The command as it runs (variables substituted), or as written when it cannot run. */
    public String text() {
        return bound.text();
    }

    public boolean ready() {
        return bound instanceof CommandBinder.Ready;
    }
}

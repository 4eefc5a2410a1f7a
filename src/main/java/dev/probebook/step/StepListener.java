package dev.probebook.step;

import dev.probebook.engine.RunResult;

/**
 * A front end's view of one step run: each command as it starts, output lines as they come, then the outcome.
 * Called on probe threads (or the caller's thread for commands that do not run); must not block: the web
 * widget hands events to {@code UI.access}, the CLI prints them.
 */
public interface StepListener {

    StepListener NONE = new StepListener() {};

    /** Command {@code index} (from 0) of {@code count} starts (or, when it cannot run, is reported). */
    default void commandStarted(StepCommand command, int index, int count) {}

    default void line(String line) {}

    /** Command {@code index} ended (or was reported as not run); {@link #finished} follows the last one. */
    default void commandFinished(RunResult result, int index, int count) {}

    default void finished(StepOutcome outcome) {}
}

package dev.probebook.step;

import java.util.Optional;

/**
 * Sees every step run, whatever started it (a widget, Run all, the free terminal, the HTTP API, the CLI): how the
 * audit log and the run history hear about runs. Registered once with the {@link StepRunner}.
 *
 * <p>Threading and contract: {@link #started} runs on the caller's thread before any probe starts, and may refuse
 * the run (an audit log that cannot be written: no record, no run); {@link #line} and {@link #finished} run on probe
 * threads and must not block for long. {@link #finished} comes exactly once per run, also for a run refused before
 * it started ({@link StepOutcome#refusal()} then says why), and before the front end hears the end.
 */
public interface RunObserver {

    default void started(RunInfo run) throws RunRefusedException {}

    default void line(RunInfo run, String line) {}

    /**
     * The run ended. A note for the person who ran it (the run history could not record it, say) comes back here;
     * it reaches them with the outcome. Empty when there is nothing to say.
     */
    default Optional<String> finished(RunInfo run, StepOutcome outcome) {
        return Optional.empty();
    }
}

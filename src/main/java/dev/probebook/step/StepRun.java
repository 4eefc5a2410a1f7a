package dev.probebook.step;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * A step run in progress or finished. Blocking use is "start, then await"; the web widget instead reacts to its
 * {@link StepListener}. {@link #cancel} stops the command running now (it may still report what it found, as the
 * real tool would on Ctrl+C) and starts no further command. Thread-safe.
 */
public interface StepRun {

    RunInfo info();

    void cancel();

    CompletableFuture<StepOutcome> outcome();

    default boolean done() {
        return outcome().isDone();
    }

    /** Waits for the end; the engine's deadline guarantees one. */
    default StepOutcome await() throws InterruptedException {
        try {
            return outcome().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }
}

package dev.probebook.engine;

/**
 * Receives a run's events in order: lines as they are printed, then exactly one {@code finished}.
 * Called on the probe's worker thread (or the engine's timer thread for a timeout); implementations must
 * not block and must hand work to their own thread (the web UI uses {@code UI.access}).
 */
public interface RunListener {

    RunListener NONE = new RunListener() {
    };

    default void line(String line) {
    }

    default void finished(RunResult result) {
    }
}

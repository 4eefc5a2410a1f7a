package dev.probebook.engine;

import java.net.InetAddress;

/**
 * Receives a run's events in order: lines as they are printed, then exactly one {@code finished}.
 * Called on the probe's worker thread (or the engine's timer thread for a timeout); implementations must
 * not block and must hand work to their own thread (the web UI uses {@code UI.access}).
 */
public interface RunListener {

    RunListener NONE = new RunListener() {};

    default void line(String line) {}

    default void finished(RunResult result) {}

    /**
     * The probe is about to contact {@code address} (resolved from {@code host}, null for a literal) on
     * {@code port} (0: no port); {@code allowed} is false when the target policy refused it. For the audit
     * trail: the resolved target, not just the name that was typed.
     */
    default void target(String host, InetAddress address, int port, boolean allowed) {}
}

package dev.probebook.engine;

/**
 * Starts runs: {@link ProbeRunner#start} itself in the CLI, or the web app's gate, which checks who may
 * run what before it hands the run to the engine. Same contract as {@link ProbeRunner#start}.
 */
@FunctionalInterface
public interface RunStarter {
    ProbeRunner.RunHandle start(Invocation invocation, RunListener listener);
}

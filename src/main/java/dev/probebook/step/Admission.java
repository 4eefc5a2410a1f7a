package dev.probebook.step;

import dev.probebook.engine.Invocation;
import java.util.List;

/**
 * Decides, before anything runs, whether a step's commands may run, from what each command declares it needs
 * ({@link dev.probebook.probe.CommandNeeds}). What it grants (a slot, an exclusive resource) is given back when
 * the step ends. Called on the caller's thread; it must not wait: it grants or refuses at once.
 */
@FunctionalInterface
public interface Admission {

    /** Everything may run, nothing is held: the CLI, which runs as the operating-system user who started it. */
    Admission ALL = invocations -> () -> {};

    /** Grants the step or throws with the reason a person can act on. */
    Permit admit(List<Invocation> invocations) throws RunRefusedException;

    /** What an admission granted; closing it (once, whatever happened) gives it back. */
    interface Permit extends AutoCloseable {
        @Override
        void close();
    }
}

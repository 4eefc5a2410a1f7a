package dev.probebook.report;

import dev.probebook.history.RunRecord;

/**
 * What a reader may see of a run: everything when their role could have run it, else its command, verdict and
 * summary only, never its output, details or facts (a viewer never reads a packet capture in a report). Decided by the caller from the reader's role.
 */
@FunctionalInterface
public interface Visibility {

    /** Everything: the CLI, or tests. */
    Visibility ALL = run -> true;

    boolean mayRead(RunRecord run);

    /** Why a hidden run's output is not shown, for the reader. */
    default String hiddenBecause(RunRecord run) {
        return "output hidden: it needs a role that may "
                + String.join(" and ", run.permissions()).toLowerCase();
    }
}

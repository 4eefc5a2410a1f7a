package dev.probebook.runbook;

import java.time.Duration;

/**
 * How long one parse may take. flexmark cannot be interrupted, so the parser's own hooks (each line offered to the
 * heading factory, each paragraph's inline parse, each link looked for) {@link #check() check} it and abandon the
 * parse with {@link Exceeded} once it is spent. Set for one {@link MarkdownParser#parse} on the parsing thread.
 */
final class ParseBudget {

    static final ThreadLocal<ParseBudget> CURRENT = new ThreadLocal<>();

    private final long deadlineNanos;
    private final Duration budget;

    ParseBudget(Duration budget) {
        this.budget = budget;
        this.deadlineNanos = System.nanoTime() + budget.toNanos();
    }

    Duration budget() {
        return budget;
    }

    /** Throws when the parse on this thread has used up its budget; free when there is none. */
    static void check() {
        ParseBudget b = CURRENT.get();
        if (b != null && System.nanoTime() - b.deadlineNanos > 0) {
            throw new Exceeded(b.budget);
        }
    }

    /** The budget ran out; unwinds flexmark's parse. */
    static final class Exceeded extends RuntimeException {
        final Duration budget;

        Exceeded(Duration budget) {
            super(null, null, false, false);
            this.budget = budget;
        }
    }
}

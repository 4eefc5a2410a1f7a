package dev.probebook.probe;

import java.util.Locale;

/** The closed set of outcomes a step can end with. Ordered from best to worst for summaries. */
public enum Verdict {
    OK,
    WARN,
    SKIPPED,
    FAIL,
    ERROR;

    /** Lower-case name used in JSON, the CLI and the web notebook ({@code ok}, {@code warn}, ...). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True for the verdicts that make the CLI exit with status 1. */
    public boolean failed() {
        return this == FAIL || this == ERROR;
    }

    public static Verdict worst(Verdict a, Verdict b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }
}

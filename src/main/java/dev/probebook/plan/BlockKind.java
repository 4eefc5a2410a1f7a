package dev.probebook.plan;

import java.util.Locale;

/** A code block is a step (it holds at least one command line) or an example (sample output, config). */
public enum BlockKind {
    STEP,
    EXAMPLE;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}

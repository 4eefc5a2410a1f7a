package dev.probebook.runbook;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the prose of one parsed runbook needs to render later: the parser, the document's link reference definitions
 * (a {@code [text][label]} link in one run of prose may be defined in another), the parse's nonce for the markers of
 * nested code blocks, and what is left of the runbook's time budget. Shared by the runbook's {@link Prose} parts;
 * thread-safe.
 *
 * <p>The budget is the parse's ({@code probebook.runbook.parse-budget}) once more, for all of the runbook's prose
 * together: a parse no longer reads the inlines of prose, so text built to be slow there would otherwise cost that
 * much again for every run of prose on first view. Prose rendered after it is spent shows as escaped text.
 */
final class ProseRendering {

    private final MarkdownParser parser;
    private final String references;
    private final int referenceLines;
    private final String nonce;
    private final long budgetNanos;
    private final AtomicLong spentNanos = new AtomicLong();

    ProseRendering(MarkdownParser parser, String references, String nonce, Duration budget) {
        this.parser = parser;
        this.references = references;
        this.referenceLines = (int) references.chars().filter(c -> c == '\n').count();
        this.nonce = nonce;
        this.budgetNanos = budget.toNanos();
    }

    String render(String markdown, int line) {
        long left = budgetNanos - spentNanos.get();
        long start = System.nanoTime();
        try {
            return parser.renderProse(this, markdown, line, Duration.ofNanos(Math.max(0, left)));
        } finally {
            spentNanos.addAndGet(System.nanoTime() - start);
        }
    }

    /** The document's link reference definitions, put before each run of prose. */
    String references() {
        return references;
    }

    /** How many lines {@link #references} adds before the prose. */
    int referenceLines() {
        return referenceLines;
    }

    String nonce() {
        return nonce;
    }
}

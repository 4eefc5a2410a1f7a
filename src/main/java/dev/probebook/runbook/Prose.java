package dev.probebook.runbook;

/**
 * Prose between headings and code blocks, rendered to sanitised HTML (safe subset only: no scripts,
 * no event handlers, no {@code javascript:} links). Code blocks nested in lists or quotes appear here as
 * {@code <div data-block-line="N"></div>} markers for the UI to fill; they are also in
 * {@link Runbook#codeBlocks()}.
 */
public record Prose(int line, String html) implements Part {}

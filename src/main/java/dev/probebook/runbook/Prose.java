package dev.probebook.runbook;

import java.util.Objects;

/**
 * Prose between headings and code blocks, rendered to sanitised HTML (safe subset only: no scripts,
 * no event handlers, no {@code javascript:} links). Code blocks nested in lists or quotes appear here as
 * {@code <div data-block-line="N"></div>} markers for the UI to fill; they are also in
 * {@link Runbook#codeBlocks()}.
 *
 * <p>A parse keeps the Markdown of each run of prose and renders it the first time {@link #html()} is asked: the
 * library's listing, a plan or the CLI's {@code steps} never need the HTML, so a parse does not pay for it (rendering
 * and sanitising were half of a parse). Thread-safe: two threads asking at once may both render, with the same result.
 */
public final class Prose implements Part {

    private final int line;
    private final String markdown;
    private final ProseRendering rendering;
    private volatile String html;

    Prose(int line, String markdown, ProseRendering rendering) {
        this.line = line;
        this.markdown = markdown;
        this.rendering = rendering;
    }

    @Override
    public int line() {
        return line;
    }

    /** The Markdown of this prose as the runbook has it, from the start of its first line. */
    public String markdown() {
        return markdown;
    }

    /** The sanitised HTML, rendered on the first call. Never null; empty when nothing safe remains. */
    public String html() {
        String rendered = html;
        if (rendered == null) {
            rendered = rendering.render(markdown, line);
            html = rendered;
        }
        return rendered;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Prose p
                && p.line == line
                && p.markdown.equals(markdown)
                && p.rendering.references().equals(rendering.references());
    }

    @Override
    public int hashCode() {
        return Objects.hash(line, markdown);
    }

    @Override
    public String toString() {
        return "Prose[line=" + line + ", " + markdown.length() + " chars]";
    }
}

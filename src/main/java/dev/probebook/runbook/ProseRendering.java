package dev.probebook.runbook;

/**
 * What the prose of one parsed runbook needs to render later: the parser, the document's link reference definitions
 * (a {@code [text][label]} link in one run of prose may be defined in another) and the parse's nonce for the markers
 * of nested code blocks. Shared by the runbook's {@link Prose} parts; immutable.
 *
 * @param references the document's link reference definitions, one per line, put before each run of prose
 */
record ProseRendering(MarkdownParser parser, String references, String nonce) {

    String render(String markdown, int line) {
        return parser.renderProse(this, markdown, line);
    }

    /** How many lines {@link #references} adds before the prose. */
    int referenceLines() {
        return (int) references.chars().filter(c -> c == '\n').count();
    }
}

package dev.probebook.runbook;

/** A top-level piece of a runbook in document order: a heading, a run of prose, or a code block. */
public sealed interface Part permits Heading, Prose, CodeBlock {

    /** 1-based source line where the part starts. */
    int line();
}

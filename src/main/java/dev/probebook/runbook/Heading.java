package dev.probebook.runbook;

/** A heading: level 1-6, its plain text and an anchor id unique within the runbook. */
public record Heading(int line, int level, String text, String anchor) implements Part {}

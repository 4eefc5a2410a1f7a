package dev.probebook.guide;

/**
 * One hint of a guided step, drawn from the runbook itself: an example output (its caption and text) and the
 * explanation the author wrote right after it, if any.
 *
 * @param explanationHtml the runbook's sanitised prose after the example, or null
 */
public record Hint(String caption, String example, String explanationHtml) {}

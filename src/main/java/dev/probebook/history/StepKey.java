package dev.probebook.history;

/**
 * Which step of a runbook a run belongs to: its source line and the heading of its section. The heading guards the
 * line: after an edit moves the steps, a line that now holds another section's step shows none of the old step's
 * runs rather than the wrong ones.
 *
 * @param heading the section's heading text, or null for a step before any heading
 */
public record StepKey(int line, String heading) {}

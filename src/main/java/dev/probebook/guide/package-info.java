/**
 * Guided mode: a runbook read one step at a time, each step checked against what its author expects (an
 * expectation written in plain Markdown), with hints drawn from the runbook's own example outputs. Knows the runbook
 * model and step outcomes; no Spring, no Vaadin.
 */
package dev.probebook.guide;

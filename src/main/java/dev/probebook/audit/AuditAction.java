package dev.probebook.audit;

import java.util.Locale;

/**
 * What an audit record is about. The labels ({@code run}, {@code run-denied}, ...) are what the log file
 * holds, so renaming a constant does not change old records' meaning; a label this version does not know
 * makes its line unreadable (skipped), never misread.
 */
public enum AuditAction {
    /** A probe is about to run (written before it starts: a run that never finishes is still on record). */
    RUN_START,
    /** A probe ran (command, resolved target, verdict, duration). */
    RUN,
    /** A run was refused before it started (no permission, or it could not be audited). */
    RUN_DENIED,
    /** The hosts file was written (detail: the change and the backup). */
    HOSTS_WRITE,
    /** A runbook was saved (created, edited, or restored to an earlier version). */
    RUNBOOK_SAVE,
    /** A runbook was renamed (detail: the new name). */
    RUNBOOK_RENAME,
    /** A runbook was deleted (its history stays). */
    RUNBOOK_DELETE,
    SIGN_IN,
    SIGN_IN_FAILED,
    /** A report was deleted (runbook: the report's runbook; detail: its id and title). */
    REPORT_DELETE,
    /** The target policy refused a connection (target: the refused address). */
    POLICY_DENIED,
    /** The practice lab was started (detail: its settings: DNS server, hosts file, ports). */
    LAB_START,
    /** The practice lab was stopped. */
    LAB_STOP;

    /** The label written to the log: the constant in lower case with dashes. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The action for a label, or null when this version does not know it. */
    public static AuditAction fromLabel(String label) {
        for (AuditAction a : values()) {
            if (a.label().equals(label)) {
                return a;
            }
        }
        return null;
    }
}

package dev.probebook.audit;

import java.util.List;

/**
 * The audit trail: who did what, when, appended record by record and read back newest first. The one
 * implementation today is {@link AuditFile} ({@code DATA_DIR/audit.jsonl}); callers depend on this seam.
 *
 * <p>Fail closed: an action that must not happen unaudited (a run, a hosts-file or runbook change) appends its
 * record with {@link #append} first and does not happen when that throws. Records about something that already
 * happened (a sign-in, the end of a run) go through {@link #record}, which reports a failure rather than losing
 * the action.
 */
public interface AuditLog {

    /** Appends one record durably; on failure nothing of it stays and the caller must not go on. */
    void append(AuditEvent event) throws AuditException;

    /** The newest records that match, newest first. */
    List<AuditEvent> query(AuditQuery query) throws AuditException;

    /** Appends a record of something that already happened; a failure is reported on stderr, not thrown. */
    default void record(AuditEvent event) {
        try {
            append(event);
        } catch (AuditException e) {
            System.err.println("probebook: AUDIT LOG NOT WRITTEN: " + e.getMessage() + " -- event: " + event);
        }
    }
}

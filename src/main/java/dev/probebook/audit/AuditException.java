package dev.probebook.audit;

/**
 * The audit log could not record an event. Checked on purpose: a caller that cannot audit an action
 * must refuse it (fail closed), so it has to decide what to do here. The message names the file and the
 * reason and can be shown as is.
 */
public class AuditException extends Exception {
    public AuditException(String message, Throwable cause) {
        super(message, cause);
    }
}

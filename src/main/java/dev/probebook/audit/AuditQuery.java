package dev.probebook.audit;

import java.time.Instant;

/**
 * What to look for in the audit log. Null fields do not filter. Build from {@link #all()}:
 * {@code AuditQuery.all().user("kim").action(AuditAction.RUN).limit(50)}.
 *
 * @param user   exact user name
 * @param text   contained, ignoring case, in the command, runbook, target or detail
 * @param since  inclusive
 * @param until  exclusive
 * @param limit  at most this many events (the newest), 1 to {@link #MAX_LIMIT}
 */
public record AuditQuery(String user, AuditAction action, String text, Instant since, Instant until, int limit) {

    public static final int DEFAULT_LIMIT = 500;
    /** Bounds the memory a query holds, whatever the size of the log. */
    public static final int MAX_LIMIT = 10_000;

    public AuditQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", not " + limit);
        }
        if (text != null && text.isEmpty()) {
            text = null;
        }
    }

    /** Every event, newest first, up to {@link #DEFAULT_LIMIT}. */
    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null, null, DEFAULT_LIMIT);
    }

    public AuditQuery user(String user) {
        return new AuditQuery(user, action, text, since, until, limit);
    }

    public AuditQuery action(AuditAction action) {
        return new AuditQuery(user, action, text, since, until, limit);
    }

    public AuditQuery text(String text) {
        return new AuditQuery(user, action, text, since, until, limit);
    }

    public AuditQuery between(Instant since, Instant until) {
        return new AuditQuery(user, action, text, since, until, limit);
    }

    public AuditQuery limit(int limit) {
        return new AuditQuery(user, action, text, since, until, limit);
    }

    /** True when the event passes every filter of this query. */
    public boolean matches(AuditEvent e) {
        return (user == null || user.equals(e.user()))
                && (action == null || action == e.action())
                && (since == null || !e.time().isBefore(since))
                && (until == null || e.time().isBefore(until))
                && (text == null
                        || contains(e.command())
                        || contains(e.runbook())
                        || contains(e.target())
                        || contains(e.detail()));
    }

    /** Case-insensitive containment without allocating: a query scans up to every line of the log. */
    private boolean contains(String field) {
        if (field == null) {
            return false;
        }
        for (int i = 0; i + text.length() <= field.length(); i++) {
            if (field.regionMatches(true, i, text, 0, text.length())) {
                return true;
            }
        }
        return false;
    }
}

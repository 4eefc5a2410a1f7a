package dev.probebook.access;

/**
 * An action refused; the message says why, for the user to read. {@link #kind()} tells a missing role from
 * a limit (try again later, {@link #retryAfterSeconds()} when known), so the HTTP API can answer 403 or 429.
 */
public final class AccessDeniedException extends Exception {

    public enum Kind {
        ROLE,
        LIMIT
    }

    private final Kind kind;
    private final long retryAfterSeconds;

    public AccessDeniedException(String message) {
        this(message, Kind.ROLE, 0);
    }

    public AccessDeniedException(String message, Kind kind, long retryAfterSeconds) {
        super(message);
        this.kind = kind;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public Kind kind() {
        return kind;
    }

    /** Seconds until a limit lets the next run through; 0 when unknown. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}

package dev.probebook.step;

/**
 * Why a run did not start. {@link Kind} tells a missing role from a limit (try again later,
 * {@code retryAfterSeconds} when known, else 0) and from a record that cannot be written (the server's problem),
 * so the HTTP API can answer 403, 429 or 503.
 */
public record RunRefusal(Kind kind, String reason, long retryAfterSeconds) {

    public enum Kind {
        /** the user's role may not run this */
        ROLE,
        /** a per-user or per-resource limit; try again later */
        LIMIT,
        /** the run could not be recorded where it must be (the audit log): refused until it can */
        UNAVAILABLE
    }
}

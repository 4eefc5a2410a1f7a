package dev.probebook.access;

/** An action refused for the actor's role or limits; the message says why, for the user to read. */
public final class AccessDeniedException extends Exception {
    public AccessDeniedException(String message) {
        super(message);
    }
}

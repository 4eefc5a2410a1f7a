package dev.probebook.history;

/** The run history could not be read or written; the message says why, for a person. */
public final class StoreException extends Exception {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}

package dev.probebook.net;

/**
 * A hosts-file edit was not written. Whatever the cause, the file is as it was (never partly written,
 * never lost); the message says why and what to do, and can be shown as is.
 */
public class HostsWriteException extends Exception {
    public HostsWriteException(String message, Throwable cause) {
        super(message, cause);
    }
}

package dev.probebook.files;

/**
 * A write by {@link AtomicFile} did not happen. Whatever the cause, the file is as it was (never partly
 * written, never lost) and no temporary file or backup of the attempt is left; the message names the file,
 * says why in plain words and what to do, and can be shown as is.
 */
public class FileWriteException extends Exception {
    public FileWriteException(String message, Throwable cause) {
        super(message, cause);
    }
}

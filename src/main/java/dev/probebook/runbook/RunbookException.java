package dev.probebook.runbook;

/** A runbook that cannot be read or parsed (missing, too large, binary, too deeply nested). */
public class RunbookException extends Exception {
    public RunbookException(String message) {
        super(message);
    }
}

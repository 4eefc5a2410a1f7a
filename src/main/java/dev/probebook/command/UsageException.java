package dev.probebook.command;

/**
 * A command line that cannot be run as written: unknown flag, bad value, missing operand, unbalanced
 * quote. The message is shown to the user as is, so it names the offending word and what would work.
 */
public class UsageException extends Exception {
    public UsageException(String message) {
        super(message);
    }
}

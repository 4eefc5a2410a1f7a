package dev.probebook.library;

/**
 * A runbook was not saved; the file is as it was. The message says why in plain words and can be shown as
 * is; {@link #problem()} lets the page react (the user's text is never dropped, whatever the problem).
 */
public final class RunbookSaveException extends Exception {

    /** Why the save was refused or failed. */
    public enum Problem {
        /** Not a plain file name inside the runbooks folder ({@code ../x}, {@code a/b}, ...). */
        NAME,
        /** A new runbook's name is taken. */
        EXISTS,
        /** The runbook being edited is no longer there (deleted or renamed meanwhile). */
        GONE,
        /** Over {@code probebook.runbook.max-bytes}. */
        TOO_LARGE,
        /** The text does not parse as a runbook (the parser's message is in the message). */
        INVALID,
        /** The file changed since it was opened in the editor. */
        CHANGED,
        /** The file could not be written (full disk, read-only file system, no permission, ...). */
        WRITE,
        /** The runbooks' history (the git repository) cannot be written: locked, broken, or not there. */
        HISTORY,
        /** The shared remote cannot be reached or refused the change. */
        REMOTE
    }

    private final Problem problem;
    private final String theirs;

    public RunbookSaveException(Problem problem, String message, Throwable cause) {
        this(problem, message, cause, null);
    }

    /** @param theirs for {@link Problem#CHANGED}: the version someone else saved meanwhile, to show beside yours */
    public RunbookSaveException(Problem problem, String message, Throwable cause, String theirs) {
        super(message, cause);
        this.problem = problem;
        this.theirs = theirs;
    }

    public Problem problem() {
        return problem;
    }

    /** The text someone else saved meanwhile (a conflict), or null. */
    public String theirs() {
        return theirs;
    }
}

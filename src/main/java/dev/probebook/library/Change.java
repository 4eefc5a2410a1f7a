package dev.probebook.library;

/**
 * Who makes a change to the runbooks and why: the commit's author and message.
 *
 * @param author  the signed-in user's name as people read it
 * @param email   an address for the commit (a placeholder when the sign-in gives none)
 * @param message what the person typed, or null for the default message of the change
 */
public record Change(String author, String email, String message) {

    public Change {
        author = author == null || author.isBlank() ? "unknown" : author.strip();
        email = email == null || email.isBlank() ? "unknown@probebook.invalid" : email.strip();
        message = message == null || message.isBlank() ? null : message.strip();
    }

    /** The message typed, or {@code fallback} when none was. */
    public String messageOr(String fallback) {
        return message == null ? fallback : message;
    }
}

package dev.probebook.library;

import java.time.Instant;

/**
 * One version of a runbook in its history: the commit that made it, by whom, when and why.
 *
 * @param id      the commit id (40 hex digits)
 * @param path    the runbook's file name in that version (it may have been renamed since)
 * @param outside the change was made outside Probebook (another editor, a copy, a {@code git pull} of work that
 *                was not committed) and picked up when Probebook next looked
 */
public record RunbookVersion(
        String id, String author, String email, Instant time, String message, String path, boolean outside) {

    /** The first seven digits of the id, as git shows it. */
    public String shortId() {
        return id.substring(0, Math.min(7, id.length()));
    }

    /** The message's first line. */
    public String subject() {
        int nl = message.indexOf('\n');
        return (nl < 0 ? message : message.substring(0, nl)).strip();
    }
}

package dev.probebook.probe.dns;

/**
 * What dig prints, set by its {@code +[no]option} words. {@code +noall} clears every part, after which
 * {@code +answer} (etc.) turns single parts back on; {@code +short} prints only the answer's record data.
 */
public record DigDisplay(
        boolean cmd,
        boolean comments,
        boolean question,
        boolean answer,
        boolean authority,
        boolean additional,
        boolean stats,
        boolean shortForm) {

    public static DigDisplay defaults() {
        return new DigDisplay(true, true, true, true, true, true, true, false);
    }

    public DigDisplay all(boolean on) {
        return new DigDisplay(on, on, on, on, on, on, on, shortForm);
    }

    public DigDisplay with(String part, boolean on) {
        return switch (part) {
            case "cmd" -> new DigDisplay(on, comments, question, answer, authority, additional, stats, shortForm);
            case "comments" -> new DigDisplay(cmd, on, question, answer, authority, additional, stats, shortForm);
            case "question" -> new DigDisplay(cmd, comments, on, answer, authority, additional, stats, shortForm);
            case "answer" -> new DigDisplay(cmd, comments, question, on, authority, additional, stats, shortForm);
            case "authority" -> new DigDisplay(cmd, comments, question, answer, on, additional, stats, shortForm);
            case "additional" -> new DigDisplay(cmd, comments, question, answer, authority, on, stats, shortForm);
            case "stats" -> new DigDisplay(cmd, comments, question, answer, authority, additional, on, shortForm);
            case "short" -> new DigDisplay(cmd, comments, question, answer, authority, additional, stats, on);
            default -> throw new IllegalArgumentException(part);
        };
    }
}

package dev.probebook.history;

import java.time.Instant;
import java.util.Locale;

/**
 * One person's way through one guided runbook or drill: when they started, where they are, which steps they have
 * done, how many attempts and hints it took, and when they completed it.
 *
 * @param kind        a guided runbook or a drill
 * @param name        the runbook's or drill's name in the library
 * @param attempts    checks that failed (guided) or diagnoses given (drill)
 * @param hintsUsed   hints revealed
 * @param marks       one character per step: {@link #PENDING}, {@link #PASSED}, {@link #READ} (a step with nothing to
 *                    run, marked done by hand) or {@link #SKIPPED} (it could not run for this person: refused)
 * @param position    the step they were on, 1-based, to come back to
 * @param lastAnswer  a drill's last diagnosis, else null
 * @param completedAt null until completed
 */
public record Progress(
        String userKey,
        String userName,
        Kind kind,
        String name,
        Instant startedAt,
        Instant updatedAt,
        Instant completedAt,
        int attempts,
        int hintsUsed,
        String marks,
        int position,
        String lastAnswer) {

    public static final char PENDING = '-';
    public static final char PASSED = 'p';
    public static final char READ = 'r';
    public static final char SKIPPED = 's';

    /** What was followed. */
    public enum Kind {
        GUIDE,
        DRILL;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Kind of(String id) {
            return valueOf(id.toUpperCase(Locale.ROOT));
        }
    }

    public Progress {
        marks = marks == null ? "" : marks;
        position = Math.max(1, position);
    }

    /** Just started: {@code steps} steps, none done. */
    public static Progress started(String userKey, String userName, Kind kind, String name, int steps, Instant now) {
        return new Progress(
                userKey,
                userName,
                kind,
                name,
                now,
                now,
                null,
                0,
                0,
                String.valueOf(PENDING).repeat(steps),
                1,
                null);
    }

    public boolean completed() {
        return completedAt != null;
    }

    public int stepsTotal() {
        return marks.length();
    }

    /** Steps passed, read or skipped. */
    public int stepsDone() {
        return (int) marks.chars().filter(c -> c != PENDING).count();
    }

    public int stepsSkipped() {
        return (int) marks.chars().filter(c -> c == SKIPPED).count();
    }

    public char mark(int step) {
        return step >= 1 && step <= marks.length() ? marks.charAt(step - 1) : PENDING;
    }

    /** The same progress with step {@code step} marked, at {@code now}. */
    public Progress marked(int step, char mark, Instant now) {
        StringBuilder m = new StringBuilder(marks);
        while (m.length() < step) {
            m.append(PENDING);
        }
        m.setCharAt(step - 1, mark);
        return new Progress(
                userKey,
                userName,
                kind,
                name,
                startedAt,
                now,
                completedAt,
                attempts,
                hintsUsed,
                m.toString(),
                position,
                lastAnswer);
    }

    /**
     * Fitted to a runbook that now has {@code steps} steps (it was edited since): the old marks no longer say which
     * step is which, so they start over (a completion stays: it happened); the position is kept within the steps.
     */
    public Progress resized(int steps) {
        if (steps == marks.length()) {
            return this;
        }
        return new Progress(
                userKey,
                userName,
                kind,
                name,
                startedAt,
                updatedAt,
                completedAt,
                attempts,
                hintsUsed,
                String.valueOf(PENDING).repeat(steps),
                1,
                lastAnswer);
    }

    public Progress at(int step, Instant now) {
        return new Progress(
                userKey,
                userName,
                kind,
                name,
                startedAt,
                now,
                completedAt,
                attempts,
                hintsUsed,
                marks,
                step,
                lastAnswer);
    }

    public Progress attempt(String answer, Instant now) {
        return new Progress(
                userKey,
                userName,
                kind,
                name,
                startedAt,
                now,
                completedAt,
                attempts + 1,
                hintsUsed,
                marks,
                position,
                answer);
    }

    public Progress hint(Instant now) {
        return new Progress(
                userKey,
                userName,
                kind,
                name,
                startedAt,
                now,
                completedAt,
                attempts,
                hintsUsed + 1,
                marks,
                position,
                lastAnswer);
    }

    /** Completed at {@code now} (the first completion stays). */
    public Progress complete(Instant now) {
        return new Progress(
                userKey,
                userName,
                kind,
                name,
                startedAt,
                now,
                completedAt == null ? now : completedAt,
                attempts,
                hintsUsed,
                marks,
                position,
                lastAnswer);
    }
}

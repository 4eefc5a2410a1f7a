package dev.probebook.history;

import java.time.Instant;

/**
 * Which runs to list, newest first: every filter is optional (null); {@code limit} bounds the answer.
 *
 * @param user   who ran them: the key or the name people read
 * @param target a substring of the resolved targets ({@code 10.0.0.5}, {@code :443})
 */
public record RunQuery(
        String runbook,
        StepKey step,
        String user,
        String verdict,
        String target,
        String session,
        Instant since,
        int limit) {

    public static final int MAX_LIMIT = 1000;

    public RunQuery {
        limit = Math.max(1, Math.min(limit, MAX_LIMIT));
    }

    public static RunQuery latest(int limit) {
        return new RunQuery(null, null, null, null, null, null, null, limit);
    }

    public RunQuery runbook(String name) {
        return new RunQuery(name, step, user, verdict, target, session, since, limit);
    }

    public RunQuery step(StepKey key) {
        return new RunQuery(runbook, key, user, verdict, target, session, since, limit);
    }

    public RunQuery user(String key) {
        return new RunQuery(runbook, step, key, verdict, target, session, since, limit);
    }

    public RunQuery verdict(String label) {
        return new RunQuery(runbook, step, user, label, target, session, since, limit);
    }

    public RunQuery target(String text) {
        return new RunQuery(runbook, step, user, verdict, text, session, since, limit);
    }

    public RunQuery session(String id) {
        return new RunQuery(runbook, step, user, verdict, target, id, since, limit);
    }

    public RunQuery since(Instant t) {
        return new RunQuery(runbook, step, user, verdict, target, session, t, limit);
    }
}

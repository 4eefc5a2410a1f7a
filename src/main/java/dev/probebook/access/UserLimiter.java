package dev.probebook.access;

import dev.probebook.settings.Settings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Per-user limits: runs in progress at once and runs started in the last minute (a sliding window), plus
 * exclusive resources (one packet capture per interface) held by one run at a time, for everybody. {@link #acquire} either hands out a
 * {@link Permit} that the caller closes when the run ends, or refuses at once with a message a person can
 * act on; nothing waits, so one busy user never holds up another. Thread-safe (one lock, short sections).
 */
public final class UserLimiter {

    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final Settings.Limits limits;
    private final Clock clock;
    private final Map<String, Integer> running = new HashMap<>();
    private final Map<String, Deque<Instant>> started = new HashMap<>();
    private final Set<String> exclusive = new HashSet<>();

    public UserLimiter(Settings.Limits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    /** A granted run; closing it (once) gives the slot back. */
    public interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Takes a slot for a run of {@code user}, and the exclusive resources it needs (each named as a person reads it,
     * "a capture on lo"), all or none.
     */
    public synchronized Permit acquire(String user, Collection<String> resources) throws AccessDeniedException {
        int now = running.getOrDefault(user, 0);
        if (now >= limits.perUserConcurrent()) {
            throw new AccessDeniedException(
                    "limit: " + user + " already has " + now + " probes running"
                            + " (probebook.limits.per-user-concurrent=" + limits.perUserConcurrent()
                            + "); stop one or wait for it to end",
                    AccessDeniedException.Kind.LIMIT,
                    0);
        }
        Instant t = clock.instant();
        Deque<Instant> window = started.computeIfAbsent(user, u -> new ArrayDeque<>());
        while (!window.isEmpty() && !window.peekFirst().isAfter(t.minus(WINDOW))) {
            window.pollFirst();
        }
        if (window.size() >= limits.perUserRunsPerMinute()) {
            long wait = Math.max(
                    1, Duration.between(t, window.peekFirst().plus(WINDOW)).toSeconds());
            throw new AccessDeniedException(
                    "limit: " + user + " started " + window.size() + " runs in the last minute"
                            + " (probebook.limits.per-user-runs-per-minute=" + limits.perUserRunsPerMinute()
                            + "); try again in " + wait + " s",
                    AccessDeniedException.Kind.LIMIT,
                    wait);
        }
        Set<String> held = Set.copyOf(resources);
        for (String r : held) {
            if (exclusive.contains(r)) {
                throw new AccessDeniedException(
                        "limit: " + r + " is already running; one at a time", AccessDeniedException.Kind.LIMIT, 0);
            }
        }
        exclusive.addAll(held);
        window.addLast(t);
        running.merge(user, 1, Integer::sum);
        return new Permit() {
            private boolean closed;

            @Override
            public void close() {
                synchronized (UserLimiter.this) {
                    if (closed) {
                        return;
                    }
                    closed = true;
                    running.computeIfPresent(user, (u, n) -> n <= 1 ? null : n - 1);
                    exclusive.removeAll(held);
                }
            }
        };
    }

    /** Runs of {@code user} in progress now. */
    public synchronized int running(String user) {
        return running.getOrDefault(user, 0);
    }
}

package dev.probebook.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed sign-ins per client address in a sliding minute. Past {@link #LIMIT} the address is refused
 * before any password is hashed (429), until its oldest failure leaves the window: a password hash costs
 * tens of milliseconds of CPU by design, so unthrottled guessing would take the server down for everyone,
 * and every failure would add an audit line. Failures over the limit are counted, not audited one by one.
 * Thread-safe.
 */
final class SignInThrottle {

    static final int LIMIT = 20;
    private static final Duration WINDOW = Duration.ofMinutes(1);
    private static final int MAX_ADDRESSES = 10_000;

    private final Clock clock;
    private final Map<String, ArrayDeque<Instant>> failures = new ConcurrentHashMap<>();

    SignInThrottle(Clock clock) {
        this.clock = clock;
    }

    /** True while {@code address} has {@link #LIMIT} failures in the last minute. */
    boolean blocked(String address) {
        var q = failures.get(address);
        if (q == null) {
            return false;
        }
        synchronized (q) {
            prune(q);
            return q.size() >= LIMIT;
        }
    }

    /** Records a failure; true when it is still worth an audit record of its own (within the limit). */
    boolean failed(String address) {
        if (failures.size() >= MAX_ADDRESSES) {
            failures.clear(); // bounded memory; an attacker with this many addresses is not stopped by this anyway
        }
        var q = failures.computeIfAbsent(address, a -> new ArrayDeque<>());
        synchronized (q) {
            prune(q);
            q.addLast(clock.instant());
            return q.size() <= LIMIT;
        }
    }

    private void prune(ArrayDeque<Instant> q) {
        Instant cutoff = clock.instant().minus(WINDOW);
        while (!q.isEmpty() && !q.peekFirst().isAfter(cutoff)) {
            q.pollFirst();
        }
    }
}

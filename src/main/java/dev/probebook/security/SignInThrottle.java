package dev.probebook.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Failed sign-ins in a sliding minute, counted per account and address together, so that guessing is slowed
 * without anyone being able to lock other people out:
 *
 * <ul>
 *   <li>one account from one address: after {@link #PAIR_LIMIT} failures that pair is held back;
 *   <li>one address, any accounts (password spraying): after {@link #ADDRESS_LIMIT} the address is held back,
 *       but not for accounts that signed in from it before;
 *   <li>one account, any addresses (a distributed guess): after {@link #ACCOUNT_LIMIT} the account is held back,
 *       but not from addresses it signed in from before.
 * </ul>
 *
 * Behind a proxy, or on the default loopback-only setup, every user shares one address: a flood against one name
 * then holds back that name only. A held-back attempt is refused before any password is hashed (429). Each failure
 * within the limits is audited; the one that trips a limit is audited once as a flood, and the attempts refused
 * after it are counted, not written one by one.
 *
 * <p>Memory is bounded without ever forgetting an active attacker: each table keeps its most recently used
 * entries ({@link #MAX_ENTRIES}) and drops the idle ones. Thread-safe: one lock, short sections.
 */
final class SignInThrottle {

    static final int PAIR_LIMIT = 10;
    static final int ADDRESS_LIMIT = 100;
    static final int ACCOUNT_LIMIT = 50;
    static final Duration WINDOW = Duration.ofMinutes(1);

    /** How long a successful sign-in makes an address known for its account. */
    static final Duration KNOWN_FOR = Duration.ofDays(30);

    static final int MAX_ENTRIES = 10_000;

    /** What a failure means for the audit trail. */
    enum Failure {
        /** within every limit: audit it */
        AUDIT,
        /** this one tripped a limit: audit it once as a flood */
        FLOOD,
        /** over a limit already: count it, write nothing */
        QUIET
    }

    private final Clock clock;
    private final Map<String, ArrayDeque<Instant>> pairs = lru();
    private final Map<String, ArrayDeque<Instant>> addresses = lru();
    private final Map<String, ArrayDeque<Instant>> accounts = lru();
    private final Map<String, Instant> known = lru();

    SignInThrottle(Clock clock) {
        this.clock = clock;
    }

    private static <V> Map<String, V> lru() {
        return new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > MAX_ENTRIES;
            }
        };
    }

    /** True while an attempt by {@code account} from {@code address} is to be refused unheard. */
    synchronized boolean blocked(String account, String address) {
        String a = norm(account);
        if (over(pairs, pair(a, address), PAIR_LIMIT)) {
            return true;
        }
        boolean knownPair = isKnown(a, address);
        return !knownPair && (over(addresses, address, ADDRESS_LIMIT) || over(accounts, a, ACCOUNT_LIMIT));
    }

    /** Records a failed attempt and says how to audit it. */
    synchronized Failure failed(String account, String address) {
        String a = norm(account);
        boolean wasBlocked = blocked(account, address);
        add(pairs, pair(a, address));
        add(addresses, address);
        add(accounts, a);
        if (wasBlocked) {
            return Failure.QUIET;
        }
        return blocked(account, address) ? Failure.FLOOD : Failure.AUDIT;
    }

    /** A successful sign-in: the address is known for this account from now on. */
    synchronized void succeeded(String account, String address) {
        known.put(pair(norm(account), address), clock.instant());
        pairs.remove(pair(norm(account), address));
    }

    private boolean isKnown(String account, String address) {
        Instant at = known.get(pair(account, address));
        return at != null && at.plus(KNOWN_FOR).isAfter(clock.instant());
    }

    private boolean over(Map<String, ArrayDeque<Instant>> table, String key, int limit) {
        ArrayDeque<Instant> q = table.get(key);
        if (q == null) {
            return false;
        }
        prune(q);
        return q.size() >= limit;
    }

    private void add(Map<String, ArrayDeque<Instant>> table, String key) {
        ArrayDeque<Instant> q = table.computeIfAbsent(key, k -> new ArrayDeque<>());
        prune(q);
        q.addLast(clock.instant());
        while (q.size() > ADDRESS_LIMIT) {
            q.pollFirst(); // no key needs more than its limit remembered
        }
    }

    private void prune(ArrayDeque<Instant> q) {
        Instant cutoff = clock.instant().minus(WINDOW);
        while (!q.isEmpty() && !q.peekFirst().isAfter(cutoff)) {
            q.pollFirst();
        }
    }

    private static String pair(String account, String address) {
        return account + "\u0000" + address;
    }

    /** Account names compare as the user directory does: exactly, but a missing name is its own account. */
    private static String norm(String account) {
        return account == null || account.isBlank() ? "(no name)" : account;
    }
}

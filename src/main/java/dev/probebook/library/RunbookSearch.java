package dev.probebook.library;

import dev.probebook.runbook.Runbook;
import dev.probebook.runbook.RunbookException;
import dev.probebook.search.RunbookIndex;
import dev.probebook.search.SearchFilter;
import dev.probebook.search.SearchHit;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Full-text search over the library: a {@link RunbookIndex} kept level with the store. A search that finds the index
 * older than two seconds starts bringing it up to date with what the store holds (saved here, changed outside, pulled
 * from the remote) in the background and answers from the index as it is: a search never waits for the library to
 * be listed. The first search builds the index before it answers. Parsed runbooks are cached by content, so when
 * nothing changed a refresh is a walk over names and hashes.
 *
 * <p>Thread-safe: refreshes are serialised on one background thread; searches run beside them on the index's own
 * snapshot.
 */
public final class RunbookSearch implements AutoCloseable {

    private static final Duration REFRESH_EVERY = Duration.ofSeconds(2);

    private final RunbookStore store;
    private final Clock clock;
    private final RunbookIndex index = new RunbookIndex();
    /** The content hash each runbook was indexed at. */
    private final Map<String, String> indexed = new HashMap<>();

    private final ExecutorService background = Executors.newSingleThreadExecutor(
            r -> Thread.ofPlatform().daemon().name("runbook-search").unstarted(r));
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private volatile boolean built;

    private Instant refreshed = Instant.MIN;

    public RunbookSearch(RunbookStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The runbooks that match, best first, each with its best section and a snippet. */
    public List<SearchHit> search(String query, SearchFilter filter, int limit) {
        if (!built) {
            refresh(true);
        } else if (refreshing.compareAndSet(false, true)) {
            background.execute(() -> {
                try {
                    refresh(false);
                } finally {
                    refreshing.set(false);
                }
            });
        }
        return index.search(query, filter, limit);
    }

    /**
     * Builds the index in the background, so the first search does not wait for it (and the store's listing is warm
     * before the first visit to the library).
     */
    public RunbookSearch warmUp() {
        background.execute(() -> refresh(true));
        return this;
    }

    /** Brings the index level with the store now (after a change made here, say). */
    public void refresh() {
        refresh(true);
    }

    private synchronized void refresh(boolean now) {
        Instant t = clock.instant();
        if (!now && t.isBefore(refreshed.plus(REFRESH_EVERY))) {
            return;
        }
        refreshed = t;
        Map<String, Runbook> changed = new LinkedHashMap<>();
        Set<String> present = new HashSet<>();
        for (RunbookStore.Entry e : store.list()) {
            present.add(e.name());
            if (e.problem() != null) {
                continue;
            }
            try {
                RunbookStore.Loaded loaded = store.load(e.name());
                if (!loaded.hash().equals(indexed.get(e.name()))) {
                    changed.put(e.name(), loaded.plan().runbook());
                    indexed.put(e.name(), loaded.hash());
                }
            } catch (RunbookException gone) {
                present.remove(e.name()); // deleted meanwhile: dropped below
            }
        }
        for (String name : Set.copyOf(indexed.keySet())) {
            if (!present.contains(name)) {
                index.remove(name);
                indexed.remove(name);
            }
        }
        if (!changed.isEmpty()) {
            index.putAll(changed);
        }
        built = true;
    }

    @Override
    public void close() {
        background.shutdownNow();
        index.close();
    }
}

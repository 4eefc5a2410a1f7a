package dev.probebook.library;

import dev.probebook.runbook.Runbook;
import dev.probebook.runbook.RunbookException;
import dev.probebook.search.RunbookIndex;
import dev.probebook.search.SearchFilter;
import dev.probebook.search.SearchHit;
import dev.probebook.search.SnippetsFor;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Full-text search over the library: a {@link RunbookIndex} kept level with the store. Each search first brings the
 * index up to date with what the store holds (saved here, changed outside, pulled from the remote): the store's
 * listing carries each runbook's content hash, kept from its file stamps, so this reads and indexes only the runbooks
 * that changed, and costs a walk over the kept listing when none did (the store lists the folder again only after
 * the folder changed). The index is first built in the background at start ({@link #warmUp}); a search before that
 * waits for it.
 *
 * <p>Thread-safe: refreshes are serialised; searches read the index's own snapshot.
 */
public final class RunbookSearch implements AutoCloseable {

    private final RunbookStore store;
    private final RunbookIndex index = new RunbookIndex();
    /** The content hash each runbook was indexed at. */
    private final Map<String, String> indexed = new HashMap<>();

    private final ExecutorService background = Executors.newSingleThreadExecutor(
            r -> Thread.ofPlatform().daemon().name("runbook-search").unstarted(r));

    public RunbookSearch(RunbookStore store) {
        this.store = store;
    }

    /**
     * The runbooks that match, best first, each with its best section and a snippet. The index is brought level with
     * the store first: the store's listing knows each runbook's content hash from its file stamps, so only runbooks
     * changed since (here, by a pull or on disk) are read and indexed again, and a search finds a file written a
     * moment ago.
     */
    public List<SearchHit> search(String query, SearchFilter filter, int limit) {
        refresh();
        return index.search(query, filter, limit);
    }

    /**
     * As {@link #search(String, SearchFilter, int)}, with snippets only for the hits {@code snippetFor} wants (the
     * page of hits being shown); the others carry an empty snippet.
     */
    public List<SearchHit> search(String query, SearchFilter filter, int limit, SnippetsFor snippetFor) {
        refresh();
        return index.search(query, filter, limit, snippetFor);
    }

    /**
     * The snippets of the named runbooks among the hits of a search just made, against the index as that search
     * left it (no listing of the store first: a page of cards asks right after ranking, or when more are shown).
     */
    public List<SearchHit> snippets(String query, SearchFilter filter, int limit, Set<String> names) {
        return index.search(query, filter, limit, (rank, name) -> names.contains(name)).stream()
                .filter(h -> names.contains(h.name()))
                .toList();
    }

    /**
     * Builds the index in the background, so the first search does not wait for it (and the store's listing is warm
     * before the first visit to the library).
     */
    public RunbookSearch warmUp() {
        background.execute(() -> {
            try {
                warmUpNow();
            } catch (IllegalStateException closed) { // Lucene's AlreadyClosedException
                if (!background.isShutdown()) {
                    throw closed;
                } // else the app stopped before the warm-up ended (close() waits only so long): nothing to warm
            }
        });
        return this;
    }

    private void warmUpNow() {
        // a listing waits only so long for files it has to read and lists the rest as still being read: go on
        // until every runbook is indexed, or the first search would index what the warm-up left
        // (each listing waits for the readers' progress, so this does not spin)
        for (int round = 0; round < 1000 && !Thread.currentThread().isInterrupted(); round++) {
            if (refreshCountingUnread() == 0) {
                break;
            }
        }
        // and one search with snippets, so the first person to search does not wait for the code to load
        index.search("ping 포트", SearchFilter.NONE, 20);
    }

    /** Brings the index level with the store now. */
    public void refresh() {
        refreshCountingUnread();
    }

    /** Brings the index level with the store; the number of runbooks the listing had not finished reading. */
    synchronized int refreshCountingUnread() {
        int unread = 0;
        Map<String, Runbook> changed = new LinkedHashMap<>();
        Set<String> present = new HashSet<>();
        for (RunbookStore.Entry e : store.list()) {
            present.add(e.name());
            if (LibraryIndex.BEING_READ.equals(e.problem())) {
                unread++;
            }
            if (e.problem() != null) {
                continue;
            }
            if (e.hash() != null && e.hash().equals(indexed.get(e.name()))) {
                continue; // indexed at this text: the listing's stamp check already knows, nothing to read
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
        return unread;
    }

    @Override
    public void close() {
        background.shutdownNow();
        try {
            // a warm-up still indexing finishes its batch first: the index must not close under it
            background.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        index.close();
    }
}

package dev.probebook.library;

import dev.probebook.runbook.RunbookException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parsed runbooks by name and content hash: the library page, each runbook page and each save's check would
 * otherwise parse the same text again and again. Failures are kept too, so a runbook that does not parse (or takes
 * its whole parse budget) costs that once, not on every visit. The least recently used go first; thread-safe.
 */
final class ParsedRunbooks {

    /** Parsing, which may fail. */
    @FunctionalInterface
    interface Parse {
        RunbookStore.Loaded parse() throws RunbookException;
    }

    private record Result(RunbookStore.Loaded loaded, RunbookException failure) {}

    private final Map<String, Result> results;

    ParsedRunbooks(int capacity) {
        this.results = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Result> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The cached result for this name and content, or {@code parse}'s, remembered. */
    RunbookStore.Loaded get(String name, String contentHash, Parse parse) throws RunbookException {
        String key = name + "\u0000" + contentHash;
        Result r;
        synchronized (results) {
            r = results.get(key);
        }
        if (r == null) {
            try {
                r = new Result(parse.parse(), null);
            } catch (RunbookException e) {
                r = new Result(null, e);
            }
            synchronized (results) {
                results.put(key, r);
            }
        }
        if (r.failure() != null) {
            throw r.failure();
        }
        return r.loaded();
    }
}

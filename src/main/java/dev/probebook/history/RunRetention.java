package dev.probebook.history;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Prunes the run history once a day (and a minute after start): runs older than {@code probebook.runs.max-age}, then
 * the oldest beyond {@code probebook.runs.max-count}. Reports are not touched: they hold their own copies of their
 * runs. With several servers on one database each prunes; the result is the same.
 */
public final class RunRetention implements AutoCloseable {

    private final RunStore store;
    private final HistorySettings settings;
    private final Clock clock;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "run-retention");
        t.setDaemon(true);
        return t;
    });

    public RunRetention(RunStore store, HistorySettings settings, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.clock = clock;
    }

    /** Starts the daily pruning. */
    public RunRetention start() {
        timer.scheduleAtFixedRate(this::pruneQuietly, 60, Duration.ofDays(1).toSeconds(), TimeUnit.SECONDS);
        return this;
    }

    /** Prunes now; returns how many runs went. */
    public int prune() throws StoreException {
        return store.prune(clock.instant().minus(settings.maxAge()), settings.maxCount());
    }

    private void pruneQuietly() {
        try {
            int gone = prune();
            if (gone > 0) {
                System.out.println("Probebook: pruned " + gone + " old run(s) from the run history");
            }
        } catch (StoreException | RuntimeException e) {
            System.err.println("probebook: could not prune the run history: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}

package dev.probebook.history;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The run history as the app holds it: opened on first use, and when the database is not there (PostgreSQL down at
 * start or later, a wrong password) every call fails at once with the reason until {@link #RETRY} has passed, when the
 * next call tries again. So the app starts and runs probes without its history, a run never waits out a connection
 * timeout more than once per outage, and the history comes back with the database.
 */
public final class ReconnectingRunStore implements RunStore, AutoCloseable {

    /** How long to wait before trying a database that could not be opened again. */
    public static final Duration RETRY = Duration.ofSeconds(10);

    /** Opens the history (see {@link RunStores#open}). */
    @FunctionalInterface
    public interface Opener {
        RunStores.Opened open() throws StoreException;
    }

    /**
     * How long the library's freshness of every runbook is reused: working it out reads the whole run history (a
     * few hundred milliseconds at 100,000 runs), and every library visit asks. A run recorded here forgets it at
     * once; runs recorded by another instance on the same database show within this time.
     */
    static final Duration FRESHNESS_KEPT = Duration.ofSeconds(30);

    private record KnownFreshness(Set<String> runbooks, Instant until, Map<String, Freshness> freshness) {}

    private volatile KnownFreshness freshness;
    private final Opener opener;
    private final String description;
    private final Clock clock;
    private RunStores.Opened opened;
    private StoreException lastFailure;
    private Instant retryAt = Instant.MIN;

    public ReconnectingRunStore(Opener opener, String description, Clock clock) {
        this.opener = opener;
        this.description = description;
        this.clock = clock;
    }

    private synchronized RunStore store() throws StoreException {
        if (lastFailure != null && clock.instant().isBefore(retryAt)) {
            throw lastFailure;
        }
        if (opened != null) {
            return opened.store();
        }
        try {
            opened = opener.open();
            lastFailure = null;
            return opened.store();
        } catch (StoreException e) {
            trip(e);
            throw e;
        }
    }

    private synchronized void trip(StoreException e) {
        lastFailure = e;
        retryAt = clock.instant().plus(RETRY);
    }

    private synchronized void healthy() {
        lastFailure = null;
    }

    /** One call to the open store; a failure to reach the database opens the breaker for {@link #RETRY}. */
    private <T> T call(Call<T> call) throws StoreException {
        RunStore store = store();
        try {
            T result = call.on(store);
            if (lastFailure != null) {
                healthy();
            }
            return result;
        } catch (StoreException e) {
            if (unreachable(e)) {
                trip(e);
            }
            throw e;
        }
    }

    @FunctionalInterface
    private interface Call<T> {
        T on(RunStore store) throws StoreException;
    }

    /** The database did not answer (as against a query it refused): no connection, or one lost. */
    static boolean unreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql
                    && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public synchronized void close() {
        if (opened != null) {
            opened.close();
            opened = null;
        }
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public void record(RunRecord run) throws StoreException {
        call(s -> {
            s.record(run);
            return null;
        });
        freshness = null; // a run here can verify or fail a runbook: the next library visit asks again
    }

    @Override
    public Optional<RunRecord> run(String id) throws StoreException {
        return call(s -> s.run(id));
    }

    @Override
    public List<RunRecord> runs(RunQuery query) throws StoreException {
        return call(s -> s.runs(query));
    }

    @Override
    public Map<Integer, List<RunRecord>> recentByStep(String runbook, Collection<StepKey> steps, int perStep)
            throws StoreException {
        return call(s -> s.recentByStep(runbook, steps, perStep));
    }

    @Override
    public Optional<RunRecord> lastGood(String runbook, StepKey step, String except) throws StoreException {
        return call(s -> s.lastGood(runbook, step, except));
    }

    @Override
    public Map<String, Freshness> freshness(Collection<String> runbooks, Instant now) throws StoreException {
        KnownFreshness known = freshness;
        Set<String> names = Set.copyOf(runbooks);
        if (known != null && known.runbooks().equals(names) && clock.instant().isBefore(known.until())) {
            return known.freshness();
        }
        Map<String, Freshness> fresh = call(s -> s.freshness(runbooks, now));
        freshness = new KnownFreshness(names, clock.instant().plus(FRESHNESS_KEPT), fresh);
        return fresh;
    }

    @Override
    public int prune(Instant before, long keep) throws StoreException {
        freshness = null;
        return call(s -> s.prune(before, keep));
    }

    @Override
    public void saveReport(Report report) throws StoreException {
        call(s -> {
            s.saveReport(report);
            return null;
        });
    }

    @Override
    public Optional<Report> report(String id) throws StoreException {
        return call(s -> s.report(id));
    }

    @Override
    public List<Report.Summary> reports(String runbook, int limit) throws StoreException {
        return call(s -> s.reports(runbook, limit));
    }

    @Override
    public boolean deleteReport(String id) throws StoreException {
        return call(s -> s.deleteReport(id));
    }

    @Override
    public void saveProgress(Progress progress) throws StoreException {
        call(s -> {
            s.saveProgress(progress);
            return null;
        });
    }

    @Override
    public Optional<Progress> progress(String userKey, Progress.Kind kind, String name) throws StoreException {
        return call(s -> s.progress(userKey, kind, name));
    }

    @Override
    public List<Progress> allProgress(int limit) throws StoreException {
        return call(s -> s.allProgress(limit));
    }
}

package dev.probebook.history;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The run history as the app holds it: opened on first use, and when the database is not there (PostgreSQL down at
 * start, a wrong password) every call fails with the reason and the next one after {@link #RETRY} tries again. So the
 * app starts and runs probes without its history, and picks it up when the database comes back.
 */
public final class ReconnectingRunStore implements RunStore, AutoCloseable {

    /** How long to wait before trying a database that could not be opened again. */
    public static final Duration RETRY = Duration.ofSeconds(10);

    /** Opens the history (see {@link RunStores#open}). */
    @FunctionalInterface
    public interface Opener {
        RunStores.Opened open() throws StoreException;
    }

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
        if (opened != null) {
            return opened.store();
        }
        if (lastFailure != null && clock.instant().isBefore(retryAt)) {
            throw lastFailure;
        }
        try {
            opened = opener.open();
            lastFailure = null;
            return opened.store();
        } catch (StoreException e) {
            lastFailure = e;
            retryAt = clock.instant().plus(RETRY);
            throw e;
        }
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
        store().record(run);
    }

    @Override
    public Optional<RunRecord> run(String id) throws StoreException {
        return store().run(id);
    }

    @Override
    public List<RunRecord> runs(RunQuery query) throws StoreException {
        return store().runs(query);
    }

    @Override
    public Map<Integer, List<RunRecord>> recentByStep(String runbook, Collection<Integer> stepLines, int perStep)
            throws StoreException {
        return store().recentByStep(runbook, stepLines, perStep);
    }

    @Override
    public Optional<RunRecord> lastGood(String runbook, int stepLine) throws StoreException {
        return store().lastGood(runbook, stepLine);
    }

    @Override
    public Map<String, Freshness> freshness(Collection<String> runbooks, Instant now) throws StoreException {
        return store().freshness(runbooks, now);
    }

    @Override
    public int prune(Instant before, long keep) throws StoreException {
        return store().prune(before, keep);
    }

    @Override
    public void saveReport(Report report) throws StoreException {
        store().saveReport(report);
    }

    @Override
    public Optional<Report> report(String id) throws StoreException {
        return store().report(id);
    }

    @Override
    public List<Report.Summary> reports(String runbook, int limit) throws StoreException {
        return store().reports(runbook, limit);
    }

    @Override
    public boolean deleteReport(String id) throws StoreException {
        return store().deleteReport(id);
    }
}

package dev.probebook.history;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The run history: every step run, as {@link RunRecord}s, and the reports made of them. {@link JdbcRunStore} keeps
 * them in an embedded H2 file or in PostgreSQL; callers depend on this seam.
 *
 * <p>Thread-safe. Every method may fail with {@link StoreException} (the database is down or full): callers carry on
 * without the history and say so, they never stop a probe for it.
 */
public interface RunStore {

    /** How long a step must have failed for everyone before the library flags it. */
    Duration FAILING_FOR = Duration.ofDays(7);

    /** Where the history lives, for people: {@code H2 file data/probebook.mv.db}, {@code PostgreSQL at ...}. */
    String describe();

    void record(RunRecord run) throws StoreException;

    Optional<RunRecord> run(String id) throws StoreException;

    /** Runs that match, newest first. */
    List<RunRecord> runs(RunQuery query) throws StoreException;

    /**
     * The last {@code perStep} runs of each of a runbook's steps (by source line), newest first; steps that never ran
     * are left out.
     */
    Map<Integer, List<RunRecord>> recentByStep(String runbook, Collection<StepKey> steps, int perStep)
            throws StoreException;

    /** The newest run of a step that ended ok or warn, other than run {@code except} (may be null), if any. */
    Optional<RunRecord> lastGood(String runbook, StepKey step, String except) throws StoreException;

    /** The freshness of each runbook named (one that never ran is {@link Freshness#neverRun}). */
    Map<String, Freshness> freshness(Collection<String> runbooks, Instant now) throws StoreException;

    /** Deletes runs that started before {@code before}, then the oldest beyond {@code keep}; returns how many. */
    int prune(Instant before, long keep) throws StoreException;

    void saveReport(Report report) throws StoreException;

    Optional<Report> report(String id) throws StoreException;

    /** Reports, newest first; of one runbook when {@code runbook} is not null. */
    List<Report.Summary> reports(String runbook, int limit) throws StoreException;

    boolean deleteReport(String id) throws StoreException;

    /** Saves one person's progress through a guided runbook or drill (replacing what was saved before). */
    void saveProgress(Progress progress) throws StoreException;

    /** One person's progress through one guided runbook or drill, if they started it. */
    Optional<Progress> progress(String userKey, Progress.Kind kind, String name) throws StoreException;

    /** Everyone's progress, most recently updated first, at most {@code limit} rows (the progress board). */
    List<Progress> allProgress(int limit) throws StoreException;
}

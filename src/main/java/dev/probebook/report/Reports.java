package dev.probebook.report;

import dev.probebook.access.AccessDeniedException;
import dev.probebook.access.AccessRules;
import dev.probebook.access.Action;
import dev.probebook.access.Actor;
import dev.probebook.audit.AuditAction;
import dev.probebook.audit.AuditEvent;
import dev.probebook.audit.AuditException;
import dev.probebook.audit.AuditLog;
import dev.probebook.history.Report;
import dev.probebook.history.RunQuery;
import dev.probebook.history.RunRecord;
import dev.probebook.history.RunStore;
import dev.probebook.history.StoreException;
import dev.probebook.library.RunbookStore;
import dev.probebook.runbook.RunbookException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Makes, reads and deletes reports, with the roles: an operator makes a report of a Run all or of chosen runs; any
 * signed-in reader opens it, and sees each run's output only where their role could have run it; an admin deletes.
 * A report keeps the runbook's text only when it is still the version that ran; otherwise its runs stand alone.
 */
public final class Reports {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final RunStore store;
    private final RunbookStore runbooks;
    private final AccessRules rules;
    private final AuditLog audit;
    private final Clock clock;

    public Reports(RunStore store, RunbookStore runbooks, AccessRules rules, AuditLog audit, Clock clock) {
        this.store = store;
        this.runbooks = runbooks;
        this.rules = rules;
        this.audit = audit;
        this.clock = clock;
    }

    /** The report of one Run all. */
    public Report ofSession(Actor actor, String session, String title) throws AccessDeniedException, StoreException {
        List<String> ids = store.runs(RunQuery.latest(RunQuery.MAX_LIMIT).session(session)).stream()
                .map(RunRecord::id)
                .toList();
        return ofRuns(actor, ids, title);
    }

    /**
     * A report of the runs named, in the order they ran.
     *
     * @throws IllegalArgumentException no run of those ids exists
     */
    public Report ofRuns(Actor actor, List<String> runIds, String title) throws AccessDeniedException, StoreException {
        rules.check(actor, Action.RUN);
        List<RunRecord> runs = new ArrayList<>();
        for (String id : runIds) {
            store.run(id).ifPresent(runs::add);
        }
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("there are no runs to report");
        }
        runs.sort(Comparator.comparing(RunRecord::startedAt));
        String runbook = common(runs.stream().map(RunRecord::runbook).toList());
        String version = runbook == null
                ? null
                : common(runs.stream().map(RunRecord::version).toList());
        String text = null;
        if (runbook != null && version != null) {
            try {
                RunbookStore.Source source = runbooks.source(runbook);
                text = source.hash().equals(version) ? source.text() : null;
            } catch (RunbookException e) {
                // the runbook is gone: the runs stand alone
            }
        }
        String heading = title == null || title.isBlank()
                ? (runbook == null ? "Runs" : runbook) + " · "
                        + ReportMarkdown.WHEN.format(runs.get(0).startedAt())
                : title.strip();
        Report report = new Report(
                new BigInteger(80, RANDOM).toString(32),
                clock.instant(),
                actor.name(),
                actor.displayName(),
                runbook,
                version,
                heading,
                text,
                runs.get(0).variables(),
                runs);
        store.saveReport(report);
        return report;
    }

    /** The one value all have, or null. */
    private static String common(List<String> values) {
        String first = values.get(0);
        return first != null && values.stream().allMatch(v -> Objects.equals(v, first)) ? first : null;
    }

    public Optional<Report> find(String id) throws StoreException {
        return id == null || !id.matches("[0-9a-z]{1,40}") ? Optional.empty() : store.report(id);
    }

    /** What {@code reader} may see of each run. */
    public Visibility visibility(Actor reader) {
        return run -> rules.allowsAll(reader, run.permissions());
    }

    public boolean mayDelete(Actor actor) {
        return rules.allows(actor, Action.MANAGE);
    }

    /**
     * Deletes a report, on the record first (fail closed: a deletion that cannot be audited does not happen).
     *
     * @return false when there is no such report
     */
    public boolean delete(Actor actor, String id) throws AccessDeniedException, StoreException {
        rules.check(actor, Action.MANAGE);
        Optional<Report> report = find(id);
        if (report.isEmpty()) {
            return false;
        }
        try {
            audit.append(AuditEvent.of(clock.instant(), actor.name(), AuditAction.REPORT_DELETE)
                    .withStep(report.get().runbook(), null)
                    .withDetail(id + " " + report.get().title()));
        } catch (AuditException e) {
            throw new StoreException("the deletion could not be audited, so the report stays: " + e.getMessage(), e);
        }
        return store.deleteReport(id);
    }
}

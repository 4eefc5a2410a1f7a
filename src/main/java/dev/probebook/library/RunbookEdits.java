package dev.probebook.library;

import dev.probebook.access.AccessDeniedException;
import dev.probebook.access.AccessRules;
import dev.probebook.access.Action;
import dev.probebook.access.Actor;
import dev.probebook.audit.AuditAction;
import dev.probebook.audit.AuditEvent;
import dev.probebook.audit.AuditException;
import dev.probebook.audit.AuditLog;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * The guarded runbook change: only for the role {@code probebook.roles.edit} (editor), checked on every save
 * whatever the page showed, and never unaudited: the intent is on the audit trail before the store is touched
 * (no record, no save), the outcome after. The editor page calls this; it writes nothing itself.
 */
public final class RunbookEdits {

    private final RunbookStore store;
    private final AccessRules rules;
    private final AuditLog audit;
    private final Clock clock;

    public RunbookEdits(RunbookStore store, AccessRules rules, AuditLog audit, Clock clock) {
        this.store = store;
        this.rules = rules;
        this.audit = audit;
        this.clock = clock;
    }

    public boolean allowed(Actor actor) {
        return rules.allows(actor, Action.EDIT);
    }

    /**
     * Saves a new version of runbook {@code name} edited from the version with {@code expectedHash}, or creates it
     * when {@code name} is new ({@code expectedHash} null).
     *
     * @throws AccessDeniedException the actor's role may not change runbooks (any more)
     * @throws AuditException        the intent could not be recorded: nothing was saved
     * @throws RunbookSaveException  the store refused; nothing was saved
     */
    public RunbookStore.Saved save(Actor actor, String name, String text, String expectedHash)
            throws AccessDeniedException, AuditException, RunbookSaveException {
        rules.check(actor, Action.EDIT);
        audit.append(event(actor, name)
                .withOutcome("pending", null)
                .withDetail(text.getBytes(StandardCharsets.UTF_8).length + " bytes"));
        RunbookStore.Saved saved;
        try {
            saved = expectedHash == null ? store.create(name, text) : store.save(name, text, expectedHash);
        } catch (RunbookSaveException e) {
            audit.record(event(actor, name).withOutcome("error", null).withDetail(e.getMessage()));
            throw e;
        }
        audit.record(event(actor, saved.name()).withOutcome("ok", null).withDetail(detail(saved)));
        return saved;
    }

    private AuditEvent event(Actor actor, String runbook) {
        return AuditEvent.of(clock.instant(), actor.name(), AuditAction.RUNBOOK_SAVE)
                .withStep(runbook, null);
    }

    static String detail(RunbookStore.Saved saved) {
        return saved.bytes() + " bytes to " + saved.file()
                + (saved.backup() == null ? " (new runbook)" : ", previous version in " + saved.backup());
    }
}

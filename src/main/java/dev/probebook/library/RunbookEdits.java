package dev.probebook.library;

import dev.probebook.access.AccessDeniedException;
import dev.probebook.access.AccessRules;
import dev.probebook.access.Action;
import dev.probebook.access.Actor;
import dev.probebook.audit.AuditAction;
import dev.probebook.audit.AuditEvent;
import dev.probebook.audit.AuditException;
import dev.probebook.audit.AuditLog;
import dev.probebook.runbook.RunbookException;
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
     * when {@code name} is new ({@code expectedHash} null), as one commit with the person's {@code message}.
     *
     * @throws AccessDeniedException the actor's role may not change runbooks (any more)
     * @throws AuditException        the intent could not be recorded: nothing was saved
     * @throws RunbookSaveException  the store refused; nothing was saved
     */
    public RunbookStore.Saved save(Actor actor, String name, String text, String expectedHash, String message)
            throws AccessDeniedException, AuditException, RunbookSaveException {
        return guarded(
                actor,
                AuditAction.RUNBOOK_SAVE,
                name,
                text.getBytes(StandardCharsets.UTF_8).length + " bytes",
                () -> expectedHash == null
                        ? store.create(name, text, change(actor, message))
                        : store.save(name, text, expectedHash, change(actor, message)));
    }

    /** Saves {@code versionId}'s text as the newest version of {@code name} (a new commit; history is not undone). */
    public RunbookStore.Saved restore(Actor actor, String name, String versionId, String expectedHash)
            throws AccessDeniedException, AuditException, RunbookSaveException {
        rules.check(actor, Action.EDIT);
        String text;
        String shortId;
        try {
            text = store.textAt(name, versionId);
            shortId = versionId.substring(0, Math.min(7, versionId.length()));
        } catch (RunbookException e) {
            throw new RunbookSaveException(RunbookSaveException.Problem.GONE, e.getMessage(), e);
        }
        return guarded(
                actor,
                AuditAction.RUNBOOK_SAVE,
                name,
                "restore version " + shortId,
                () -> store.save(
                        name, text, expectedHash, change(actor, "Restored " + name + ".md to version " + shortId)));
    }

    /** Renames a runbook, as one commit. */
    public RunbookStore.Saved rename(Actor actor, String name, String newName, String expectedHash, String message)
            throws AccessDeniedException, AuditException, RunbookSaveException {
        return guarded(
                actor,
                AuditAction.RUNBOOK_RENAME,
                name,
                "to " + newName,
                () -> store.rename(name, newName, expectedHash, change(actor, message)));
    }

    /** Deletes a runbook, as one commit; its history stays and it can be brought back from there. */
    public void delete(Actor actor, String name, String expectedHash, String message)
            throws AccessDeniedException, AuditException, RunbookSaveException {
        guarded(actor, AuditAction.RUNBOOK_DELETE, name, null, () -> {
            store.delete(name, expectedHash, change(actor, message));
            return null;
        });
    }

    @FunctionalInterface
    private interface StoreChange {
        RunbookStore.Saved apply() throws RunbookSaveException;
    }

    /** The role check, the intent on the audit trail (no record, no change), the change, and its outcome. */
    private RunbookStore.Saved guarded(Actor actor, AuditAction action, String name, String intent, StoreChange change)
            throws AccessDeniedException, AuditException, RunbookSaveException {
        rules.check(actor, Action.EDIT);
        audit.append(event(actor, action, name).withOutcome("pending", null).withDetail(intent));
        RunbookStore.Saved saved;
        try {
            saved = change.apply();
        } catch (RunbookSaveException e) {
            audit.record(event(actor, action, name).withOutcome("error", null).withDetail(e.getMessage()));
            throw e;
        }
        audit.record(event(actor, action, saved == null ? name : saved.name())
                .withOutcome("ok", null)
                .withDetail(saved == null ? intent : detail(saved)));
        return saved;
    }

    private static Change change(Actor actor, String message) {
        // sign-ins give no mail address: a stable placeholder from the account key keeps one author per person
        return new Change(
                actor.displayName(), actor.name().replaceAll("[^A-Za-z0-9._-]", "-") + "@probebook.invalid", message);
    }

    private AuditEvent event(Actor actor, AuditAction action, String runbook) {
        return AuditEvent.of(clock.instant(), actor.name(), action).withStep(runbook, null);
    }

    static String detail(RunbookStore.Saved saved) {
        return saved.bytes() + " bytes to " + saved.file()
                + (saved.version() == null ? "" : ", version " + saved.version());
    }
}

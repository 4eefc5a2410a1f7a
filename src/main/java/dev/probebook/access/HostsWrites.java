package dev.probebook.access;

import dev.probebook.audit.AuditAction;
import dev.probebook.audit.AuditEvent;
import dev.probebook.audit.AuditException;
import dev.probebook.audit.AuditLog;
import dev.probebook.net.HostsEdit;
import dev.probebook.net.HostsFileEditor;
import dev.probebook.net.HostsWriteException;
import dev.probebook.net.HostsWriteResult;
import dev.probebook.settings.Settings;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The guarded hosts-file write: only for the role {@code probebook.roles.hosts-write} (admin), only an
 * edit this server previewed (the caller keeps the {@link HostsEdit} it got from {@link #preview}; a
 * browser never sends one), written atomically with a timestamped backup in {@code DATA_DIR/hosts-backups}.
 *
 * <p>Nothing happens unaudited: the intent is appended to the audit log before the file is touched (no
 * audit, no write), and the outcome after.
 */
public final class HostsWrites {

    private final Settings settings;
    private final AccessRules rules;
    private final AuditLog audit;
    private final HostsFileEditor editor;
    private final Clock clock;

    public HostsWrites(Settings settings, AccessRules rules, AuditLog audit, HostsFileEditor editor, Clock clock) {
        this.settings = settings;
        this.rules = rules;
        this.audit = audit;
        this.editor = editor;
        this.clock = clock;
    }

    public boolean allowed(Actor actor) {
        return rules.allows(actor, Action.HOSTS_WRITE);
    }

    /** The exact change to the configured hosts file; bad addresses or names throw IllegalArgumentException. */
    public HostsEdit preview(Actor actor, String address, List<String> names, HostsFileEditor.Mode mode)
            throws AccessDeniedException, IOException {
        rules.check(actor, Action.HOSTS_WRITE);
        return HostsFileEditor.preview(settings.hostsFile(), address, names, mode);
    }

    /** Writes a previewed edit. Refused when the file changed since the preview, or when it cannot be audited. */
    public HostsWriteResult apply(Actor actor, HostsEdit edit)
            throws AccessDeniedException, HostsWriteException, AuditException {
        rules.check(actor, Action.HOSTS_WRITE);
        String diff = edit.changes().stream().map(HostsEdit.Change::display).collect(Collectors.joining("\n"));
        AuditEvent intent = AuditEvent.of(clock.instant(), actor.name(), AuditAction.HOSTS_WRITE)
                .withCommand(null, edit.path().toString())
                .withOutcome("pending", null)
                .withDetail(diff);
        audit.append(intent);
        Path backups = settings.dataDir().resolve("hosts-backups");
        try {
            HostsWriteResult result = editor.apply(edit, backups, clock);
            audit.record(AuditEvent.of(clock.instant(), actor.name(), AuditAction.HOSTS_WRITE)
                    .withCommand(null, edit.path().toString())
                    .withOutcome("ok", null)
                    .withDetail(diff + "\nbackup: " + result.backup()));
            return result;
        } catch (HostsWriteException e) {
            audit.record(AuditEvent.of(clock.instant(), actor.name(), AuditAction.HOSTS_WRITE)
                    .withCommand(null, edit.path().toString())
                    .withOutcome("error", null)
                    .withDetail(e.getMessage()));
            throw e;
        }
    }
}

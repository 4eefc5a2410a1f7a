package dev.probebook.notebook;

import dev.probebook.audit.AuditAction;
import dev.probebook.audit.AuditEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The audit view's rows: a run's {@code run-start} record (written before the probe starts, so that a run that
 * never ends is still on record) is left out when the same user's {@code run} record of the same step and command
 * follows it; a start with no end on record stays, as the only trace of that run.
 */
final class OneRowPerRun {

    private OneRowPerRun() {}

    /** {@code newestFirst}: events as the audit log returns them. */
    static List<AuditEvent> of(List<AuditEvent> newestFirst) {
        Map<String, Integer> endsNotYetPaired = new HashMap<>();
        List<AuditEvent> rows = new ArrayList<>();
        for (AuditEvent e : newestFirst) {
            if (e.action() == AuditAction.RUN || e.action() == AuditAction.RUN_DENIED) {
                endsNotYetPaired.merge(key(e), 1, Integer::sum);
            } else if (e.action() == AuditAction.RUN_START) {
                Integer ends = endsNotYetPaired.get(key(e));
                if (ends != null && ends > 0) {
                    endsNotYetPaired.put(key(e), ends - 1);
                    continue;
                }
            }
            rows.add(e);
        }
        return rows;
    }

    private static String key(AuditEvent e) {
        return String.join(
                "\u0000",
                e.user(),
                Objects.toString(e.runbook()),
                Objects.toString(e.step()),
                Objects.toString(e.command()));
    }
}

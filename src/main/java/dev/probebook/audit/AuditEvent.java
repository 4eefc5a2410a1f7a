package dev.probebook.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * One audit record. Only {@code time}, {@code user} and {@code action} are always there; the other
 * fields are null when they do not apply (a sign-in has no command).
 *
 * @param runbook    runbook file name, or null for the free terminal and non-run actions
 * @param step       source line of the step in the runbook
 * @param command    the command as run, after variable substitution
 * @param target     the resolved target, e.g. {@code example.com -> 93.184.216.34:443}
 * @param verdict    the probe's verdict label ({@code ok}, {@code fail}, ...) or the reason of a denial
 * @param durationMs how long the run took
 * @param detail     anything else worth keeping (a hosts-file diff, why a sign-in failed)
 */
public record AuditEvent(
        Instant time,
        String user,
        AuditAction action,
        String runbook,
        Integer step,
        String command,
        String target,
        String verdict,
        Long durationMs,
        String detail) {

    public AuditEvent {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(action, "action");
    }

    /** An event with only the required fields; add the others with the {@code with...} methods. */
    public static AuditEvent of(Instant time, String user, AuditAction action) {
        return new AuditEvent(time, user, action, null, null, null, null, null, null, null);
    }

    public AuditEvent withStep(String runbook, Integer step) {
        return new AuditEvent(time, user, action, runbook, step, command, target, verdict, durationMs, detail);
    }

    public AuditEvent withCommand(String command, String target) {
        return new AuditEvent(time, user, action, runbook, step, command, target, verdict, durationMs, detail);
    }

    public AuditEvent withOutcome(String verdict, Long durationMs) {
        return new AuditEvent(time, user, action, runbook, step, command, target, verdict, durationMs, detail);
    }

    public AuditEvent withDetail(String detail) {
        return new AuditEvent(time, user, action, runbook, step, command, target, verdict, durationMs, detail);
    }
}

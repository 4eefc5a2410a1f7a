package dev.probebook.audit;

import dev.probebook.step.RunInfo;
import dev.probebook.step.RunObserver;
import dev.probebook.step.RunRefusal;
import dev.probebook.step.RunRefusedException;
import dev.probebook.step.StepCommand;
import dev.probebook.step.StepOutcome;
import java.time.Clock;
import java.util.Optional;

/**
 * Puts every web and API run on the audit trail, as a {@link RunObserver} of the step runner: a {@code run-start}
 * record on disk before the first packet (a run whose end is never recorded, because the JVM died, still shows),
 * then one {@code run} record with the resolved targets, verdict and duration, or a {@code run-denied} record
 * with the reason when the run was refused.
 *
 * <p>Fail closed: when the start cannot be written the run is refused, and every later run tries again, so the
 * first run after the disk recovers goes through. Steps with nothing to run (an unset variable) leave no record.
 */
public final class AuditedRuns implements RunObserver {

    private final AuditLog log;
    private final Clock clock;

    public AuditedRuns(AuditLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    @Override
    public void started(RunInfo run) throws RunRefusedException {
        if (!run.request().runsAnything()) {
            return;
        }
        try {
            log.append(event(
                    run, AuditAction.RUN_START, null, null, null, run.place().via()));
        } catch (AuditException e) {
            throw new RunRefusedException(
                    RunRefusal.Kind.UNAVAILABLE,
                    "runs are refused until the audit log can be written again: " + e.getMessage());
        }
    }

    @Override
    public Optional<String> finished(RunInfo run, StepOutcome outcome) {
        if (!run.request().runsAnything()) {
            return Optional.empty();
        }
        if (outcome.refusal() != null) {
            log.record(event(
                    run,
                    AuditAction.RUN_DENIED,
                    null,
                    "error",
                    0L,
                    withVia(run, outcome.refusal().reason())));
            return Optional.empty();
        }
        log.record(event(
                run,
                AuditAction.RUN,
                outcome.targetText(),
                outcome.verdict().label(),
                outcome.elapsedMs(),
                withVia(run, outcome.summary())));
        return Optional.empty();
    }

    private AuditEvent event(
            RunInfo run, AuditAction action, String target, String verdict, Long durationMs, String detail) {
        return new AuditEvent(
                clock.instant(),
                run.user(),
                action,
                run.place().runbook(),
                run.place().step(),
                String.join(
                        "\n",
                        run.commands().stream()
                                .filter(StepCommand::ready)
                                .map(StepCommand::text)
                                .toList()),
                target,
                verdict,
                durationMs,
                detail);
    }

    private static String withVia(RunInfo run, String text) {
        return run.place().via() == null ? text : "(" + run.place().via() + ") " + text;
    }
}

package dev.probebook.history;

import dev.probebook.engine.RunResult;
import dev.probebook.plan.CommandBinder;
import dev.probebook.probe.ProbeDetails;
import dev.probebook.step.RunInfo;
import dev.probebook.step.RunObserver;
import dev.probebook.step.StepCommand;
import dev.probebook.step.StepOutcome;
import dev.probebook.step.StepRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps every step run in the run history, as a {@link RunObserver} of the step runner: what ran, where, by whom,
 * with which values, and what came of it, including runs refused before they started. Steps with nothing to run
 * (an unset variable) are not runs and leave nothing.
 *
 * <p>The history never stops a probe: when it cannot be written the run stands, and the person who ran it is told
 * ("not recorded") through the outcome's notes. The audit log, not this, is the record that fails closed.
 */
public final class RecordedRuns implements RunObserver {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RunStore store;
    private final Clock clock;

    public RecordedRuns(RunStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public Optional<String> finished(RunInfo run, StepOutcome outcome) {
        if (!run.request().runsAnything()) {
            return Optional.empty();
        }
        try {
            store.record(record(run, outcome, clock));
            return Optional.empty();
        } catch (StoreException | RuntimeException e) {
            return Optional.of("This run was not recorded in the run history: " + e.getMessage());
        }
    }

    /** What a step run's results say, fact by fact; with several commands each fact is named by its command. */
    public static Map<String, String> facts(StepOutcome outcome) {
        Map<String, String> facts = new LinkedHashMap<>();
        List<RunResult> results = outcome.runs();
        for (RunResult r : results) {
            if (r.details() != null) {
                String prefix = results.size() > 1 ? r.command() + ": " : "";
                r.details().facts().forEach((k, v) -> facts.put(prefix + k, v));
            }
        }
        return facts;
    }

    /** The record of a finished step run. */
    static RunRecord record(RunInfo run, StepOutcome outcome, Clock clock) {
        StepRequest request = run.request();
        List<RunResult> results = outcome.runs();
        Object details = null;
        String detailsType = null;
        Map<String, String> facts = facts(outcome);
        List<Map<String, Object>> each = new ArrayList<>();
        for (RunResult r : results) {
            ProbeDetails d = r.details();
            if (d == null) {
                continue;
            }
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("command", r.command());
            one.put("type", d.getClass().getSimpleName());
            one.put("details", d);
            each.add(one);
        }
        if (results.size() == 1 && results.get(0).details() != null) {
            details = results.get(0).details();
            detailsType = details.getClass().getSimpleName();
        } else if (!each.isEmpty()) {
            details = each;
            detailsType = "several";
        }
        Set<String> permissions = new LinkedHashSet<>();
        for (StepCommand c : request.commands()) {
            if (c.bound() instanceof CommandBinder.Ready ready) {
                permissions.add(
                        ready.invocation().command().needs().permission().name());
            }
        }
        return new RunRecord(
                run.id(),
                request.session(),
                run.started(),
                clock.instant(),
                request.user(),
                request.userName(),
                request.place().via(),
                request.place().runbook(),
                request.place().version(),
                request.place().step(),
                request.place().heading(),
                String.join(
                        "\n",
                        request.commands().stream().map(StepCommand::written).toList()),
                String.join(
                        "\n", request.commands().stream().map(StepCommand::text).toList()),
                outcome.probe(),
                request.variables(),
                outcome.verdict().label(),
                outcome.summary(),
                String.join("\n", outcome.output()),
                results.stream().anyMatch(RunResult::truncated),
                detailsType,
                details == null ? null : JSON.writeValueAsString(details),
                facts,
                outcome.targetText(),
                outcome.elapsedMs(),
                List.copyOf(permissions),
                outcome.refusal() != null);
    }
}

package dev.probebook.plan;

import dev.probebook.engine.ProbeRunner;
import dev.probebook.engine.RunListener;
import dev.probebook.engine.RunResult;
import dev.probebook.probe.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs the steps of a plan with variable values. For a step with alternatives it runs the first
 * alternative whose variables are all bound (so {@code tcping ip} runs before {@code tcping ip port});
 * with none bound, the step is skipped naming what the first alternative needs.
 */
public final class StepRunner {

    /** Receives a step's progress; called on probe threads, must not block. */
    public interface Listener extends RunListener {
        default void commandStarted(String command, String probe) {}
    }

    private final CommandBinder binder;
    private final ProbeRunner runner;

    public StepRunner(CommandBinder binder, ProbeRunner runner) {
        this.binder = binder;
        this.runner = runner;
    }

    /** The alternative that will run given these values. */
    public static int chooseAlternative(PlannedBlock step, Map<String, String> values) {
        for (int a = 0; a < step.alternatives(); a++) {
            boolean bound = step.alternative(a).stream()
                    .flatMap(c -> c.variables().stream())
                    .allMatch(v -> values.get(v) != null && !values.get(v).isBlank());
            if (bound) {
                return a;
            }
        }
        return 0;
    }

    public StepResult run(RunbookPlan plan, PlannedBlock step, Map<String, String> values, Listener listener)
            throws InterruptedException {
        List<PlannedCommand> commands = step.alternative(chooseAlternative(step, values));
        List<RunResult> runs = new ArrayList<>();
        for (PlannedCommand command : commands) {
            CommandBinder.Bound bound = binder.bind(command, values, plan.variables());
            runs.add(execute(bound, command.probe(), listener));
        }
        return combine(step, runs);
    }

    /** Runs (or reports) one bound command. */
    public RunResult execute(CommandBinder.Bound bound, String probe, Listener listener) throws InterruptedException {
        listener.commandStarted(bound.text(), probe);
        if (bound instanceof CommandBinder.Ready ready) {
            return runner.run(ready.invocation(), listener);
        }
        return notRun(listener, notRunResult(bound, probe));
    }

    /**
     * The result of a command that does not run: skipped (unbound variable, unsupported shell feature) or
     * error (usage error). Shared with the web notebook, which starts Ready commands asynchronously.
     */
    public static RunResult notRunResult(CommandBinder.Bound bound, String probe) {
        return switch (bound) {
            case CommandBinder.Ready ready ->
                throw new IllegalArgumentException("a ready command runs: " + ready.text());
            case CommandBinder.Missing missing ->
                RunResult.notRun(bound.text(), probe, Verdict.SKIPPED, "skipped: " + missing.message(), List.of());
            case CommandBinder.NotRunnable nr ->
                RunResult.notRun(
                        bound.text(),
                        probe,
                        nr.usageError() ? Verdict.ERROR : Verdict.SKIPPED,
                        (nr.usageError() ? "" : "not run: ") + nr.reason(),
                        nr.usageError() ? List.of(nr.reason()) : List.of());
        };
    }

    private static RunResult notRun(Listener listener, RunResult r) {
        r.output().forEach(listener::line);
        listener.finished(r);
        return r;
    }

    private static StepResult combine(PlannedBlock step, List<RunResult> runs) {
        if (runs.size() == 1) {
            RunResult r = runs.get(0);
            return new StepResult(
                    step.line(),
                    step.code().section(),
                    r.command(),
                    r.probe(),
                    r.verdict(),
                    r.summary(),
                    r.output(),
                    r.elapsedMs(),
                    runs);
        }
        Verdict worst = Verdict.OK;
        List<String> output = new ArrayList<>();
        List<String> commands = new ArrayList<>();
        String summary = null;
        long elapsed = 0;
        for (RunResult r : runs) {
            output.add("$ " + r.command());
            output.addAll(r.output());
            commands.add(r.command());
            elapsed += r.elapsedMs();
            if (summary == null || r.verdict().ordinal() > worst.ordinal()) {
                summary = r.summary();
            }
            worst = Verdict.worst(worst, r.verdict());
        }
        return new StepResult(
                step.line(),
                step.code().section(),
                String.join("\n", commands),
                String.join(",", runs.stream().map(RunResult::probe).distinct().toList()),
                worst,
                summary,
                output,
                elapsed,
                runs);
    }
}

package dev.probebook.notebook;

import dev.probebook.engine.ProbeRunner;
import dev.probebook.engine.RunListener;
import dev.probebook.engine.RunResult;
import dev.probebook.engine.RunStarter;
import dev.probebook.plan.CommandBinder;
import dev.probebook.plan.StepRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Runs the commands of one widget run in order without ever blocking the caller: each Ready command is
 * started with a {@link RunStarter} (the web app's gate), and the next one starts from the previous one's finish event (on
 * a probe thread). Commands that cannot run produce their skipped/error result immediately. {@link #cancel()}
 * stops the running probe and starts nothing more. Events arrive on probe threads; the receiver must not
 * block (the web widget hands them to {@code UI.access}).
 */
public final class StepExecution {

    /** Receives progress on probe threads. */
    public interface Events {
        void commandStarted(String command);

        void line(String line);

        void finished(StepOutcome outcome);
    }

    /** One command of the run: bound (or refused) text plus the probe that would run it. */
    public record Command(CommandBinder.Bound bound, String probe) {}

    private final RunStarter runner;
    private final List<Command> commands;
    private final Events events;
    private final List<RunResult> results = new ArrayList<>();
    private final CompletableFuture<StepOutcome> outcome = new CompletableFuture<>();
    private volatile boolean cancelled;
    private volatile ProbeRunner.RunHandle current;

    private StepExecution(RunStarter runner, List<Command> commands, Events events) {
        this.runner = runner;
        this.commands = List.copyOf(commands);
        this.events = events;
    }

    public static StepExecution start(RunStarter runner, List<Command> commands, Events events) {
        StepExecution execution = new StepExecution(runner, commands, events);
        execution.next(0);
        return execution;
    }

    private void next(int index) {
        if (index >= commands.size() || cancelled && index > 0) {
            StepOutcome done = StepOutcome.of(List.copyOf(results));
            events.finished(done);
            outcome.complete(done);
            return;
        }
        Command command = commands.get(index);
        if (commands.size() > 1) {
            events.line("$ " + command.bound().text());
        }
        events.commandStarted(command.bound().text());
        if (command.bound() instanceof CommandBinder.Ready ready && !cancelled) {
            current = runner.start(ready.invocation(), new RunListener() {
                @Override
                public void line(String line) {
                    events.line(line);
                }

                @Override
                public void finished(RunResult result) {
                    synchronized (results) {
                        results.add(result);
                    }
                    next(index + 1);
                }
            });
            if (cancelled) {
                current.cancel();
            }
        } else {
            RunResult r = command.bound() instanceof CommandBinder.Ready
                    ? RunResult.notRun(
                            command.bound().text(),
                            command.probe(),
                            dev.probebook.probe.Verdict.SKIPPED,
                            "stopped before it started",
                            List.of())
                    : StepRunner.notRunResult(command.bound(), command.probe());
            r.output().forEach(events::line);
            synchronized (results) {
                results.add(r);
            }
            next(index + 1);
        }
    }

    /** Stops the running command (it may still report partial output) and skips the rest. Idempotent. */
    public void cancel() {
        cancelled = true;
        ProbeRunner.RunHandle h = current;
        if (h != null) {
            h.cancel();
        }
    }

    public boolean done() {
        return outcome.isDone();
    }

    public CompletableFuture<StepOutcome> outcome() {
        return outcome;
    }
}

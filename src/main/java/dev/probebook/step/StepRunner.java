package dev.probebook.step;

import dev.probebook.engine.Invocation;
import dev.probebook.engine.ProbeRunner;
import dev.probebook.engine.RunListener;
import dev.probebook.engine.RunResult;
import dev.probebook.plan.CommandBinder;
import dev.probebook.probe.Verdict;
import java.net.InetAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * The one place where a step starts and ends, for every front end: the CLI ({@code run}, {@code exec}), the HTTP
 * API, each notebook widget, Run all and the free terminal.
 *
 * <p>A step run: the {@link Admission} grants or refuses the step as a whole (roles, limits, exclusive resources);
 * the {@link RunObserver}s hear that it starts (and may refuse it: no audit record, no run); its commands run in
 * order on the engine, each started from the previous one's end (never by waiting on the caller's thread); commands
 * that cannot run (unbound variable, unsupported shell feature, usage error) are reported at once; the outcome
 * follows the one rule of {@link StepOutcome#of}; observers hear the end before the front end does.
 *
 * <p>Threading: {@link #start} returns at once, never waiting for a probe; events arrive on probe threads.
 * Timeouts are the engine's ({@code probebook.probe-timeout} per command).
 */
public final class StepRunner {

    private final ProbeRunner engine;
    private final List<RunObserver> observers;
    private final Clock clock;

    public StepRunner(ProbeRunner engine, List<RunObserver> observers, Clock clock) {
        this.engine = engine;
        this.observers = List.copyOf(observers);
        this.clock = clock;
    }

    /** A runner with no observers (tests, tools). */
    public StepRunner(ProbeRunner engine) {
        this(engine, List.of(), Clock.systemUTC());
    }

    public ProbeRunner engine() {
        return engine;
    }

    /** Starts a step run; returns at once. The listener hears every command, line and the outcome. */
    public StepRun start(StepRequest request, Admission admission, StepListener listener) {
        Execution run = new Execution(new RunInfo(UUID.randomUUID().toString(), clock.instant(), request), listener);
        run.begin(admission);
        return run;
    }

    /** One step run: runs its commands one after another and finishes exactly once. */
    private final class Execution implements StepRun {
        private final RunInfo info;
        private final StepListener listener;
        private final List<RunResult> results = new ArrayList<>();
        private final Set<Target> targets = new LinkedHashSet<>();
        private final CompletableFuture<StepOutcome> outcome = new CompletableFuture<>();
        private int moreTargets;
        private Admission.Permit permit;
        private volatile boolean cancelled;
        private volatile ProbeRunner.RunHandle current;

        Execution(RunInfo info, StepListener listener) {
            this.info = info;
            this.listener = listener;
        }

        void begin(Admission admission) {
            StepRequest request = info.request();
            if (request.runsAnything()) {
                List<Invocation> invocations = request.commands().stream()
                        .map(StepCommand::bound)
                        .filter(b -> b instanceof CommandBinder.Ready)
                        .map(b -> ((CommandBinder.Ready) b).invocation())
                        .toList();
                try {
                    permit = admission.admit(invocations);
                } catch (RunRefusedException e) {
                    refuse(e.refusal());
                    return;
                }
                try {
                    for (RunObserver o : observers) {
                        o.started(info);
                    }
                } catch (RunRefusedException e) {
                    permit.close();
                    refuse(e.refusal());
                    return;
                }
            }
            next(0);
        }

        private void refuse(RunRefusal refusal) {
            StepCommand first = info.commands().stream()
                    .filter(StepCommand::ready)
                    .findFirst()
                    .orElse(info.commands().get(0));
            listener.commandStarted(first, 0, 1);
            listener.line("probebook: " + refusal.reason());
            finish(StepOutcome.refused(info.place(), first, refusal));
        }

        private void next(int index) {
            List<StepCommand> commands = info.commands();
            if (index >= commands.size() || cancelled && index > 0) {
                StepOutcome done;
                synchronized (this) {
                    done = StepOutcome.of(info.place(), results, List.copyOf(targets), moreTargets);
                }
                if (permit != null) {
                    permit.close();
                }
                finish(done);
                return;
            }
            StepCommand command = commands.get(index);
            listener.commandStarted(command, index, commands.size());
            if (command.bound() instanceof CommandBinder.Ready ready && !cancelled) {
                current = engine.start(ready.invocation(), new RunListener() {
                    @Override
                    public void line(String line) {
                        emit(line);
                    }

                    @Override
                    public void target(String host, InetAddress address, int port, boolean allowed) {
                        synchronized (Execution.this) {
                            Target t = Target.of(host, address, port, allowed);
                            if (targets.size() < StepOutcome.MAX_TARGETS) {
                                targets.add(t);
                            } else if (!targets.contains(t)) {
                                moreTargets++;
                            }
                        }
                    }

                    @Override
                    public void finished(RunResult result) {
                        synchronized (Execution.this) {
                            results.add(result);
                        }
                        listener.commandFinished(result, index, commands.size());
                        next(index + 1);
                    }
                });
                if (cancelled) {
                    current.cancel();
                }
            } else {
                RunResult r = command.ready()
                        ? RunResult.notRun(
                                command.text(),
                                command.probe(),
                                Verdict.SKIPPED,
                                "stopped before it started",
                                List.of())
                        : notRun(command);
                r.output().forEach(this::emit);
                synchronized (this) {
                    results.add(r);
                }
                listener.commandFinished(r, index, commands.size());
                next(index + 1);
            }
        }

        private void emit(String line) {
            for (RunObserver o : observers) {
                o.line(info, line);
            }
            listener.line(line);
        }

        /** Observers first (the audit record is on disk before anyone hears the end), then the front end. */
        private void finish(StepOutcome ended) {
            StepOutcome done = ended;
            try {
                List<String> notes = new ArrayList<>();
                for (RunObserver o : observers) {
                    try {
                        o.finished(info, ended).ifPresent(notes::add);
                    } catch (RuntimeException e) {
                        System.err.println("probebook: a run observer failed: " + e);
                    }
                }
                done = ended.withNotes(notes);
                listener.finished(done);
            } finally {
                outcome.complete(done);
            }
        }

        @Override
        public RunInfo info() {
            return info;
        }

        @Override
        public void cancel() {
            cancelled = true;
            ProbeRunner.RunHandle h = current;
            if (h != null) {
                h.cancel();
            }
        }

        @Override
        public CompletableFuture<StepOutcome> outcome() {
            return outcome;
        }
    }

    /**
     * The result of a command that does not run: skipped (unbound variable, unsupported shell feature) or error
     * (a usage error, whose reason is also its output).
     */
    public static RunResult notRun(StepCommand command) {
        return switch (command.bound()) {
            case CommandBinder.Ready ready ->
                throw new IllegalArgumentException("a ready command runs: " + ready.text());
            case CommandBinder.Missing missing ->
                RunResult.notRun(
                        missing.text(), command.probe(), Verdict.SKIPPED, "skipped: " + missing.message(), List.of());
            case CommandBinder.NotRunnable nr ->
                RunResult.notRun(
                        nr.text(),
                        command.probe(),
                        nr.usageError() ? Verdict.ERROR : Verdict.SKIPPED,
                        (nr.usageError() ? "" : "not run: ") + nr.reason(),
                        nr.usageError() ? List.of(nr.reason()) : List.of());
        };
    }
}

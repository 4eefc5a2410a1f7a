package dev.probebook.engine;

import dev.probebook.command.UsageException;
import dev.probebook.policy.PolicyDeniedException;
import dev.probebook.policy.TargetPolicy;
import dev.probebook.probe.CommandParser;
import dev.probebook.probe.ProbeContext;
import dev.probebook.probe.ProbeResult;
import dev.probebook.probe.Verdict;
import dev.probebook.registry.ProbeRegistry;
import dev.probebook.settings.Settings;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs probe invocations on worker threads it owns. It owns the hard deadline of every run
 * ({@code probebook.probe-timeout}): when it passes, or when {@link RunHandle#cancel()} is called, the run
 * is cancelled (flag, registered resources closed, thread interrupted) and the probe gets a short grace
 * period to return what it has. A probe that still does not return is abandoned with verdict
 * {@code error}. Output is filtered by {@code grep} stages and bounded here, not in the probes.
 */
public final class ProbeRunner implements AutoCloseable {

    /** The summary of a run stopped by its user before it finished (verdict skipped). */
    public static final String STOPPED = "stopped before it finished";

    /** How long a cancelled probe may take to hand back its partial result. */
    static final Duration GRACE = Duration.ofSeconds(3);

    private final Settings settings;
    private final TargetPolicy policy;
    private final CommandParser commands;
    private final ExecutorService workers;
    private final ScheduledExecutorService timer;
    private final Set<RunHandle> active = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;

    /** A runner whose probes hand forms over through the standard registry. */
    public ProbeRunner(Settings settings, TargetPolicy policy) {
        this(settings, policy, ProbeRegistry.standard());
    }

    /** {@code commands} parses the lines probes hand over to each other ({@link ProbeContext#runCommand}). */
    public ProbeRunner(Settings settings, TargetPolicy policy, CommandParser commands) {
        this.settings = settings;
        this.policy = policy;
        this.commands = commands;
        // Bounded: many pages and users share one server. Runs beyond the bound wait in the queue (their
        // deadline already runs, so a long queue ends in timeouts rather than in unbounded threads).
        ThreadPoolExecutor pool = new ThreadPoolExecutor(
                settings.maxConcurrentProbes(),
                settings.maxConcurrentProbes(),
                30,
                TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(),
                daemonThreads("probe"));
        pool.allowCoreThreadTimeOut(true);
        this.workers = pool;
        this.timer = Executors.newSingleThreadScheduledExecutor(daemonThreads("probe-timer"));
    }

    public Settings settings() {
        return settings;
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Runs and waits for the result. */
    public RunResult run(Invocation invocation, RunListener listener) throws InterruptedException {
        return start(invocation, listener).await();
    }

    /** Starts a run; the returned handle can stop it. The listener receives lines and one finish event. */
    public RunHandle start(Invocation invocation, RunListener listener) {
        Context ctx = new Context(invocation, listener, Instant.now().plus(settings.probeTimeout()));
        RunHandle handle = new RunHandle(ctx);
        if (stopping) {
            handle.complete(toRunResult(ctx, ProbeResult.of(Verdict.SKIPPED, "not started: stopping"), 0));
            return handle;
        }
        active.add(handle);
        handle.future().whenComplete((r, e) -> active.remove(handle));
        ScheduledFuture<?> deadline = timer.schedule(
                () -> handle.cancel(true), Math.max(1, settings.probeTimeout().toMillis()), TimeUnit.MILLISECONDS);
        // The deadline stays armed until the handle is finished, whatever happens to the worker; a probe
        // that ignores cancellation is abandoned with an error after the grace period (RunHandle.cancel).
        handle.future().whenComplete((r, e) -> deadline.cancel(false));
        ctx.worker = CompletableFuture.runAsync(() -> execute(ctx, handle), workers);
        return handle;
    }

    private void execute(Context ctx, RunHandle handle) {
        Thread.interrupted(); // a stale interrupt from an earlier run must not stop this one
        ctx.attach(Thread.currentThread());
        long start = System.nanoTime();
        ProbeResult result;
        try {
            if (ctx.cancelled()) {
                throw new InterruptedException();
            }
            result = ctx.invocation.command().run(ctx);
            if (result == null) {
                result = ProbeResult.error("probe returned no result");
            }
        } catch (InterruptedException e) {
            result = handle.timedOut()
                    ? ProbeResult.error(
                            "timed out after " + human(settings.probeTimeout()) + " (probebook.probe-timeout)")
                    : ProbeResult.of(Verdict.SKIPPED, STOPPED);
        } catch (StackOverflowError e) {
            result = ProbeResult.error("probe failed: input too deeply nested (stack overflow)");
        } catch (Throwable e) { // the handle must always finish, or callers would wait forever
            result = ProbeResult.error("probe failed: " + e);
        } finally {
            ctx.detach(); // after this, cancel() no longer interrupts this (pooled) thread
            Thread.interrupted();
        }
        if (handle.timedOut() && result.verdict() != Verdict.ERROR && result.verdict() != Verdict.FAIL) {
            result = new ProbeResult(
                    result.verdict(),
                    result.summary() + " (stopped at the " + human(settings.probeTimeout()) + " limit)",
                    result.details());
        } else if (handle.stoppedByUser() && !result.summary().startsWith("stopped")) {
            result = new ProbeResult(result.verdict(), "stopped: " + result.summary(), result.details());
        }
        long elapsed = (System.nanoTime() - start) / 1_000_000;
        handle.complete(toRunResult(ctx, result, elapsed));
    }

    private RunResult toRunResult(Context ctx, ProbeResult result, long elapsedMs) {
        List<String> output = ctx.output.snapshot();
        if (ctx.output.truncated()) {
            ctx.listener.line(output.get(output.size() - 1));
        }
        return new RunResult(
                ctx.invocation.text(),
                ctx.invocation.command().probeName(),
                result.verdict(),
                result.summary(),
                output,
                ctx.output.truncated(),
                elapsedMs,
                result.details());
    }

    static String human(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? (ms / 1000) + "s" : ms + "ms";
    }

    /**
     * Stops every run in progress and starts no new one (Ctrl+C in the CLI: the rest of a step's commands
     * and the remaining steps end as skipped).
     */
    public void stopAll() {
        stopping = true;
        for (RunHandle h : active) {
            h.cancel();
        }
    }

    /** Number of runs in progress. */
    public int activeRuns() {
        return active.size();
    }

    @Override
    public void close() {
        workers.shutdownNow();
        timer.shutdownNow();
    }

    /** The per-run context handed to the probe. */
    final class Context implements ProbeContext {
        final Invocation invocation;
        final RunListener listener;
        final BoundedOutput output;
        final Instant deadline;
        final List<AutoCloseable> closeables = new ArrayList<>();
        volatile boolean cancelled;
        private Thread thread; // guarded by closeables' lock, so cancel never interrupts a thread that moved on
        volatile CompletableFuture<Void> worker;

        Context(Invocation invocation, RunListener listener, Instant deadline) {
            this.invocation = invocation;
            this.listener = listener;
            this.deadline = deadline;
            this.output = new BoundedOutput(
                    invocation.filters(), settings.outputMaxLines(), settings.outputMaxBytes(), listener);
        }

        @Override
        public void out(String line) {
            output.add(line);
        }

        @Override
        public Settings settings() {
            return settings;
        }

        @Override
        public boolean cancelled() {
            return cancelled;
        }

        @Override
        public Instant deadline() {
            return deadline;
        }

        @Override
        public void closeOnCancel(AutoCloseable resource) {
            boolean closeNow;
            synchronized (closeables) {
                closeNow = cancelled;
                if (!closeNow) {
                    closeables.add(resource);
                }
            }
            if (closeNow) {
                closeQuietly(resource);
            }
        }

        @Override
        public void checkTarget(String host, InetAddress address, int port) throws PolicyDeniedException {
            try {
                policy.check(host, address, port);
            } catch (PolicyDeniedException e) {
                listener.target(host, address, port, false);
                throw e;
            }
            listener.target(host, address, port, true);
        }

        @Override
        public ProbeResult runCommand(List<String> words) throws InterruptedException, UsageException {
            if (cancelled) {
                throw new InterruptedException("stopped");
            }
            return commands.parse(words).run(this);
        }

        @Override
        public boolean filtered() {
            return !invocation.filters().isEmpty();
        }

        @Override
        public boolean passesFilter(String line) {
            return output.passes(line);
        }

        @Override
        public String grepPattern() {
            return invocation.filters().size() == 1
                    ? invocation.filters().get(0).plainPattern()
                    : null;
        }

        void cancel() {
            List<AutoCloseable> toClose;
            synchronized (closeables) {
                cancelled = true;
                toClose = new ArrayList<>(closeables);
                closeables.clear();
            }
            toClose.forEach(Context::closeQuietly);
            synchronized (closeables) {
                if (thread != null) {
                    thread.interrupt();
                }
            }
        }

        void attach(Thread t) {
            synchronized (closeables) {
                thread = t;
            }
        }

        void detach() {
            synchronized (closeables) {
                thread = null;
            }
        }

        private static void closeQuietly(AutoCloseable c) {
            try {
                c.close();
            } catch (Exception ignored) {
                // closing to unblock I/O; errors do not matter
            }
        }
    }

    /** A running or finished run. */
    public final class RunHandle {
        private final Context ctx;
        private final CompletableFuture<RunResult> result = new CompletableFuture<>();
        private final AtomicBoolean finished = new AtomicBoolean();
        private volatile boolean timedOut;
        private volatile boolean stoppedByUser;

        RunHandle(Context ctx) {
            this.ctx = ctx;
        }

        /** Stops the run (as Ctrl+C would). The probe may still return partial results. Idempotent. */
        public void cancel() {
            cancel(false);
        }

        void cancel(boolean timeout) {
            if (result.isDone() || ctx.cancelled) {
                return;
            }
            if (timeout) {
                timedOut = true;
            } else {
                stoppedByUser = true;
            }
            ctx.cancel();
            timer.schedule(this::abandon, GRACE.toMillis(), TimeUnit.MILLISECONDS);
        }

        private void abandon() {
            if (result.isDone()) {
                return;
            }
            String why = timedOut
                    ? "timed out after " + human(settings.probeTimeout()) + " and did not stop"
                    : "stopped, but the probe did not end in time";
            complete(toRunResult(
                    ctx,
                    ProbeResult.error(why),
                    Duration.between(ctx.deadline.minus(settings.probeTimeout()), Instant.now())
                            .toMillis()));
        }

        /** Finishes once: the listener hears {@code finished} before anyone waiting on the result wakes. */
        void complete(RunResult r) {
            if (finished.compareAndSet(false, true)) {
                ctx.output.close(); // an abandoned probe may go on printing: nobody hears it any more
                try {
                    ctx.listener.finished(r);
                } finally {
                    result.complete(r);
                }
            }
        }

        boolean timedOut() {
            return timedOut;
        }

        boolean stoppedByUser() {
            return stoppedByUser;
        }

        public boolean done() {
            return result.isDone();
        }

        public RunResult await() throws InterruptedException {
            try {
                return result.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }

        public CompletableFuture<RunResult> future() {
            return result;
        }
    }
}

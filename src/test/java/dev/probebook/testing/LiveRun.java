package dev.probebook.testing;

import dev.probebook.command.Args;
import dev.probebook.command.ShellLine;
import dev.probebook.engine.Invocation;
import dev.probebook.engine.ProbeRunner;
import dev.probebook.engine.RunListener;
import dev.probebook.engine.RunResult;
import dev.probebook.policy.TargetPolicy;
import dev.probebook.registry.ProbeRegistry;
import dev.probebook.settings.Settings;
import dev.probebook.settings.SettingsLoader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A probe running in the background through the real engine ({@link ProbeRunner#start}), so a test can
 * wait for a line ("listening on", the first body line), change the peer while it runs, and stop it as a
 * user would.
 */
public final class LiveRun implements AutoCloseable {

    private final ProbeRunner runner;
    private final ProbeRunner.RunHandle handle;
    private final List<String> lines = new CopyOnWriteArrayList<>();

    private LiveRun(Map<String, String> properties, String commandLine, Consumer<String> onLine) throws Exception {
        Settings settings = SettingsLoader.load(properties);
        runner = new ProbeRunner(settings, TargetPolicy.from(settings.policy()));
        ShellLine line = ShellLine.parse(commandLine);
        var recognised =
                ProbeRegistry.standard().recognise(line.words(), Args.Mode.RUN).orElseThrow();
        handle = runner.start(new Invocation(commandLine, recognised.command(), line.filters()), new RunListener() {
            @Override
            public void line(String l) {
                lines.add(l);
                onLine.accept(l);
            }
        });
    }

    public static LiveRun start(Map<String, String> properties, String commandLine) throws Exception {
        return new LiveRun(properties, commandLine, l -> {});
    }

    /**
     * Starts with a hook called for every line on the probe's own thread, before the probe goes on: a test
     * can change the peer at an exact point of the run (after the 2nd probe, ...) without racing it.
     */
    public static LiveRun start(Map<String, String> properties, String commandLine, Consumer<String> onLine)
            throws Exception {
        return new LiveRun(properties, commandLine, onLine);
    }

    /** Starts a capture and waits until it listens (or fails to). */
    public static LiveRun listening(Map<String, String> properties, String commandLine) throws Exception {
        LiveRun run = start(properties, commandLine);
        run.awaitLine(l -> l.contains("listening on"), Duration.ofSeconds(10));
        return run;
    }

    /** The lines heard so far. */
    public List<String> lines() {
        return List.copyOf(lines);
    }

    public void awaitLine(Predicate<String> wanted, Duration timeout) throws InterruptedException {
        awaitLines(wanted, 1, timeout);
    }

    public void awaitLines(Predicate<String> wanted, int count, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (lines.stream().filter(wanted).count() < count) {
            if (handle.done()) {
                throw new AssertionError("run ended before the expected output: " + lines);
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for output; got " + lines);
            }
            Thread.sleep(10);
        }
    }

    public boolean done() {
        return handle.done();
    }

    public void cancel() {
        handle.cancel();
    }

    public RunResult await() throws Exception {
        return handle.future().get(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        handle.cancel();
        runner.close();
    }
}

package dev.probebook.probe.capture;

import dev.probebook.command.Args;
import dev.probebook.command.ShellLine;
import dev.probebook.engine.Invocation;
import dev.probebook.engine.ProbeRunner;
import dev.probebook.engine.RunListener;
import dev.probebook.engine.RunResult;
import dev.probebook.policy.TargetPolicy;
import dev.probebook.probe.ProbeRegistry;
import dev.probebook.settings.Settings;
import dev.probebook.settings.SettingsLoader;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A capture running in the background through the real engine ({@link ProbeRunner#start}), so a test can
 * wait for "listening on", make its connections, and stop it as a user would.
 */
final class LiveRun implements AutoCloseable {

    private final ProbeRunner runner;
    private final ProbeRunner.RunHandle handle;
    private final List<String> lines = new CopyOnWriteArrayList<>();

    private LiveRun(Map<String, String> properties, String commandLine) throws Exception {
        Settings settings = SettingsLoader.load(properties);
        runner = new ProbeRunner(settings, TargetPolicy.from(settings.policy()));
        ShellLine line = ShellLine.parse(commandLine);
        var recognised = ProbeRegistry.standard().recognise(line.words(), Args.Mode.RUN).orElseThrow();
        handle = runner.start(new Invocation(commandLine, recognised.command(), line.filters()), new RunListener() {
            @Override
            public void line(String l) {
                lines.add(l);
            }
        });
    }

    static LiveRun start(Map<String, String> properties, String commandLine) throws Exception {
        return new LiveRun(properties, commandLine);
    }

    /** Starts and waits until the capture listens (or fails to). */
    static LiveRun listening(Map<String, String> properties, String commandLine) throws Exception {
        LiveRun run = start(properties, commandLine);
        run.awaitLine(l -> l.contains("listening on"), Duration.ofSeconds(10));
        return run;
    }

    void awaitLine(Predicate<String> wanted, Duration timeout) throws InterruptedException {
        awaitLines(wanted, 1, timeout);
    }

    void awaitLines(Predicate<String> wanted, int count, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (lines.stream().filter(wanted).count() < count) {
            if (handle.done()) {
                throw new AssertionError("capture ended before the expected output: " + lines);
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for output; got " + lines);
            }
            Thread.sleep(10);
        }
    }

    void cancel() {
        handle.cancel();
    }

    RunResult await() throws Exception {
        return handle.future().get(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        handle.cancel();
        runner.close();
    }
}

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
import java.util.HashMap;
import java.util.Map;

/** Runs one command line through the real registry and engine, as the CLI's {@code exec} does. */
public final class ProbeHarness {

    private final Settings settings;
    private final TargetPolicy policy;

    public ProbeHarness(Map<String, String> properties) {
        Map<String, String> props = new HashMap<>(properties);
        this.settings = SettingsLoader.load(props);
        this.policy = TargetPolicy.from(settings.policy());
    }

    public ProbeHarness() {
        this(Map.of());
    }

    public Settings settings() {
        return settings;
    }

    public RunResult run(String commandLine) throws Exception {
        ShellLine line = ShellLine.parse(commandLine);
        var recognised = ProbeRegistry.standard()
                .recognise(line.words(), Args.Mode.RUN)
                .orElseThrow(() -> new AssertionError("no probe for " + commandLine));
        try (ProbeRunner runner = new ProbeRunner(settings, policy)) {
            return runner.run(new Invocation(commandLine, recognised.command(), line.filters()), new RunListener() {});
        }
    }

    public static String text(RunResult r) {
        return String.join("\n", r.output());
    }
}

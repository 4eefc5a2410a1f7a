package dev.probebook.probe.ping;

import dev.probebook.command.Args;
import dev.probebook.command.ShellLine;
import dev.probebook.engine.Invocation;
import dev.probebook.engine.ProbeRunner;
import dev.probebook.engine.RunListener;
import dev.probebook.engine.RunResult;
import dev.probebook.policy.TargetPolicy;
import dev.probebook.probe.ParsedCommand;
import dev.probebook.settings.Settings;
import dev.probebook.settings.SettingsLoader;
import java.util.List;
import java.util.Map;

/** Runs a ping line through the real engine with a given probe instance (to inject its socket opener). */
final class PingRuns {

    private PingRuns() {}

    static RunResult run(PingProbe probe, String line, Map<String, String> properties) throws Exception {
        Settings settings = SettingsLoader.load(properties);
        List<String> words = ShellLine.parse(line).words();
        PingCommand cmd = probe.parse(words.get(0), Args.run(words.subList(1, words.size())));
        try (ProbeRunner runner = new ProbeRunner(settings, TargetPolicy.from(settings.policy()))) {
            return runner.run(
                    new Invocation(line, new ParsedCommand<>(probe, words.get(0), cmd), List.of()), RunListener.NONE);
        }
    }
}

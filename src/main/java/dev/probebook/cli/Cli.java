package dev.probebook.cli;

import dev.probebook.command.ShellLine;
import dev.probebook.command.UsageException;
import dev.probebook.engine.ProbeRunner;
import dev.probebook.files.ContentHash;
import dev.probebook.history.HistorySettings;
import dev.probebook.history.RecordedRuns;
import dev.probebook.history.RunStores;
import dev.probebook.history.StoreException;
import dev.probebook.json.StepsJson;
import dev.probebook.plan.BlockKind;
import dev.probebook.plan.CommandBinder;
import dev.probebook.plan.PlannedBlock;
import dev.probebook.plan.Planner;
import dev.probebook.plan.RunbookPlan;
import dev.probebook.policy.TargetPolicy;
import dev.probebook.probe.Verdict;
import dev.probebook.registry.ProbeRegistry;
import dev.probebook.runbook.MarkdownParser;
import dev.probebook.runbook.Runbook;
import dev.probebook.runbook.RunbookException;
import dev.probebook.runbook.RunbookSource;
import dev.probebook.settings.Settings;
import dev.probebook.settings.SettingsLoader;
import dev.probebook.settings.SettingsSection;
import dev.probebook.step.Admission;
import dev.probebook.step.RunPlace;
import dev.probebook.step.StepCommand;
import dev.probebook.step.StepCommands;
import dev.probebook.step.StepListener;
import dev.probebook.step.StepOutcome;
import dev.probebook.step.StepRequest;
import dev.probebook.step.StepRunner;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The headless face of the engine: {@code steps}, {@code run} and {@code exec}, and {@code lab}, the practice lab. It never starts Spring;
 * settings come from {@code --probebook.x=y} arguments and {@code -Dprobebook.x=y} system properties.
 * Exit status: 0 no step failed, 1 a step ended {@code fail} or {@code error}, 2 usage, file or parse errors.
 */
public final class Cli {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    private static final Set<String> COMMANDS =
            Set.of("steps", "run", "exec", "lab", "help", "--help", "-h", "--version", "version");

    private final PrintStream out;
    private final PrintStream err;
    private final LabCommand.Hold labHold;

    private Cli(PrintStream out, PrintStream err, LabCommand.Hold labHold) {
        this.out = out;
        this.err = err;
        this.labHold = labHold;
    }

    /**
     * True when the arguments ask for the CLI rather than the web app. The web app starts only without
     * arguments or with {@code --key=value} options (Spring's); anything else, a misspelt command too, is
     * the CLI's, which answers unknown commands with a usage error.
     */
    public static boolean isCliInvocation(String[] args) {
        String[] ordered = commandFirst(args);
        return ordered.length > 0 && (COMMANDS.contains(ordered[0]) || !ordered[0].startsWith("--"));
    }

    /**
     * The arguments with settings written before the command moved after it: {@code --probebook.http.ca-file=F exec
     * -- curl ...} is {@code exec --probebook.http.ca-file=F -- curl ...}. Without a command after the settings (the
     * web app's {@code --probebook.x=y --server.port=...}), unchanged.
     */
    static String[] commandFirst(String[] args) {
        int settings = 0;
        while (settings < args.length && args[settings].startsWith("--probebook.")) {
            settings++;
        }
        if (settings == 0 || settings == args.length) {
            return args;
        }
        String command = args[settings];
        if (!COMMANDS.contains(command) && command.startsWith("-")) {
            return args;
        }
        String[] out = new String[args.length];
        out[0] = command;
        System.arraycopy(args, 0, out, 1, settings);
        System.arraycopy(args, settings + 1, out, settings + 1, args.length - settings - 1);
        return out;
    }

    public static int main(String[] args, PrintStream out, PrintStream err) {
        return main(args, out, err, LabCommand.untilInterrupted());
    }

    /** As {@link #main(String[], PrintStream, PrintStream)}, with {@code lab} running until {@code labHold} returns. */
    static int main(String[] args, PrintStream out, PrintStream err, LabCommand.Hold labHold) {
        return new Cli(out, err, labHold).run(args);
    }

    private int run(String[] given) {
        String[] args = commandFirst(given);
        if (args.length == 0 || Set.of("help", "--help", "-h").contains(args[0])) {
            out.println(CliArguments.USAGE);
            return args.length == 0 ? USAGE : OK;
        }
        if (args[0].equals("--version") || args[0].equals("version")) {
            String v = Cli.class.getPackage().getImplementationVersion();
            out.println("probebook " + (v == null ? "dev" : v));
            return OK;
        }
        CliArguments a;
        try {
            a = CliArguments.parse(args);
        } catch (CliArguments.UsageError e) {
            err.println("probebook: " + e.getMessage());
            err.println(CliArguments.USAGE);
            return USAGE;
        }
        ProbeRegistry registry = ProbeRegistry.standard();
        Settings settings;
        try {
            Map<String, String> props = new HashMap<>(SettingsLoader.fromArgsAndSystem(List.of()));
            props.putAll(a.properties());
            List<SettingsSection<?>> sections = new ArrayList<>(registry.settingsSections());
            sections.add(HistorySettings.SECTION);
            settings = SettingsLoader.load(props, sections);
            List<String> unknown = SettingsLoader.unknownKeys(props, sections);
            if (!unknown.isEmpty()) {
                err.println("probebook: unknown setting " + String.join(", ", unknown));
                return USAGE;
            }
        } catch (IllegalArgumentException e) {
            err.println("probebook: " + e.getMessage());
            return USAGE;
        }
        if (a.command().equals("lab")) {
            return LabCommand.run(settings.dataDir().resolve("lab"), out, err, labHold);
        }
        TargetPolicy policy;
        try {
            policy = TargetPolicy.from(settings.policy());
        } catch (IllegalArgumentException e) {
            err.println("probebook: " + e.getMessage());
            return USAGE;
        }
        boolean record = !a.command().equals("steps")
                && (a.record() || settings.section(HistorySettings.SECTION).recordCli());
        try (ProbeRunner runner = new ProbeRunner(settings, policy, registry);
                RunStores.Opened history = record ? openHistory(settings) : null) {
            StopOnInterrupt.install(runner);
            StepRunner steps = history == null
                    ? new StepRunner(runner)
                    : new StepRunner(
                            runner, List.of(new RecordedRuns(history.store(), Clock.systemUTC())), Clock.systemUTC());
            return switch (a.command()) {
                case "steps" -> steps(a, settings, registry);
                case "run" -> runSteps(a, settings, registry, steps);
                default -> exec(a, registry, steps);
            };
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("probebook: interrupted");
            return FAILED;
        } catch (RuntimeException e) {
            err.println("probebook: internal error: " + e);
            return USAGE;
        }
    }

    /**
     * The run history the CLI records into with {@code --record}: {@code spring.datasource.url} (a {@code -D} system
     * property or the {@code SPRING_DATASOURCE_URL} environment variable) or the H2 file in the data directory.
     * Null, with a warning, when it cannot be opened (the web app may hold the H2 file): the runs still run.
     */
    private RunStores.Opened openHistory(Settings settings) {
        try {
            return RunStores.open(
                    property("spring.datasource.url"),
                    property("spring.datasource.username"),
                    property("spring.datasource.password"),
                    settings.dataDir());
        } catch (StoreException e) {
            err.println("probebook: warning: runs are not recorded: " + e.getMessage());
            return null;
        }
    }

    private static String property(String key) {
        String v = System.getProperty(key);
        return v != null ? v : System.getenv(key.toUpperCase(Locale.ROOT).replace('.', '_'));
    }

    /** A runbook file read and planned, with the content hash of its bytes (its version). */
    private record Loaded(String name, String version, RunbookPlan plan) {}

    private Loaded load(String file, Settings settings, ProbeRegistry registry) throws RunbookException {
        Path path = Path.of(file);
        byte[] bytes = RunbookSource.readBytes(path, settings.runbookMaxBytes());
        RunbookSource.Text text = RunbookSource.decode(bytes, path.toString());
        text.warnings().forEach(w -> err.println("probebook: warning: " + w));
        String name = path.getFileName() == null
                ? file
                : path.getFileName().toString().replaceFirst("\\.md$", "");
        Runbook runbook = new MarkdownParser(settings.runbookParseBudget()).parse(text.text(), name);
        runbook.warnings().forEach(w -> err.println("probebook: warning: " + w));
        return new Loaded(name, ContentHash.sha256(bytes), new Planner(registry).plan(runbook));
    }

    private int steps(CliArguments a, Settings settings, ProbeRegistry registry) {
        RunbookPlan plan;
        try {
            plan = load(a.file(), settings, registry).plan();
        } catch (RunbookException e) {
            err.println("probebook: " + e.getMessage());
            return USAGE;
        }
        if (a.json()) {
            out.println(StepsJson.write(PlanJson.plan(plan)));
        } else {
            HumanOutput.plan(out, plan);
        }
        return OK;
    }

    private int runSteps(CliArguments a, Settings settings, ProbeRegistry registry, StepRunner stepRunner)
            throws InterruptedException {
        Loaded loaded;
        try {
            loaded = load(a.file(), settings, registry);
        } catch (RunbookException e) {
            err.println("probebook: " + e.getMessage());
            return USAGE;
        }
        RunbookPlan plan = loaded.plan();
        List<PlannedBlock> selected = new ArrayList<>();
        if (a.steps().isEmpty()) {
            selected.addAll(plan.steps());
        } else {
            // each selected step once, in document order, however the lines were given
            Set<Integer> chosen = new TreeSet<>();
            for (int line : a.steps()) {
                var block = plan.blockAt(line).filter(b -> b.kind() == BlockKind.STEP);
                if (block.isEmpty()) {
                    err.println("probebook: no step at line " + line + " of " + a.file() + " (steps start at lines "
                            + String.join(
                                    ", ",
                                    plan.steps().stream()
                                            .map(b -> String.valueOf(b.line()))
                                            .toList()) + ")");
                    return USAGE;
                }
                chosen.add(block.get().line());
            }
            for (PlannedBlock b : plan.steps()) {
                if (chosen.contains(b.line())) {
                    selected.add(b);
                }
            }
        }
        Set<String> known = new HashSet<>();
        plan.variables().forEach(v -> known.add(v.name()));
        for (String name : a.values().keySet()) {
            if (!known.contains(name)) {
                err.println("probebook: warning: variable '" + name + "' is not used by this runbook"
                        + (known.isEmpty() ? "" : " (it uses " + String.join(", ", known) + ")"));
            }
        }
        CommandBinder binder = new CommandBinder(registry);
        String session = UUID.randomUUID().toString();
        List<StepOutcome> results = new ArrayList<>();
        for (PlannedBlock step : selected) {
            if (StopOnInterrupt.stopped()) {
                break;
            }
            StepListener listener = a.json() ? StepListener.NONE : HumanOutput.streaming(out, step);
            StepRequest request = new StepRequest(
                    user(),
                    user(),
                    RunPlace.cli(
                            loaded.name(),
                            loaded.version(),
                            step.line(),
                            step.code().section()),
                    session,
                    StepCommands.forStep(binder, plan, step, a.values()),
                    a.values());
            StepOutcome outcome =
                    stepRunner.start(request, Admission.ALL, listener).await();
            outcome.notes().forEach(n -> err.println("probebook: " + n));
            results.add(outcome);
        }
        if (a.json()) {
            out.println(StepsJson.write(StepsJson.steps(results)));
        } else {
            HumanOutput.tally(out, results);
        }
        return results.stream().anyMatch(r -> r.verdict().failed()) ? FAILED : OK;
    }

    private int exec(CliArguments a, ProbeRegistry registry, StepRunner stepRunner) throws InterruptedException {
        ShellLine line;
        try {
            line = ShellLine.fromWords(a.execWords());
        } catch (UsageException e) {
            err.println("probebook: " + e.getMessage());
            return USAGE;
        }
        CommandBinder binder = new CommandBinder(registry);
        StepCommand command = StepCommands.typed(binder, line);
        if (command.bound() instanceof CommandBinder.NotRunnable nr) {
            // the command line given to exec is the input: if it cannot run as given, that is a usage error
            err.println("probebook: " + nr.reason() + ": " + nr.text());
            return USAGE;
        }
        StepListener listener = a.json() ? StepListener.NONE : HumanOutput.streamingExec(out);
        StepRequest request = new StepRequest(user(), RunPlace.cli(null, null, null, null), List.of(command), Map.of());
        StepOutcome result = stepRunner.start(request, Admission.ALL, listener).await();
        result.notes().forEach(n -> err.println("probebook: " + n));
        if (a.json()) {
            out.println(StepsJson.write(StepsJson.steps(List.of(result))));
        }
        return result.verdict().failed() ? FAILED : OK;
    }

    /** The CLI runs as the operating-system user who started it. */
    private static String user() {
        return System.getProperty("user.name", "cli");
    }

    static Map<String, Integer> counts(List<StepOutcome> results) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Verdict v : Verdict.values()) {
            counts.put(v.label(), 0);
        }
        results.forEach(r -> counts.merge(r.verdict().label(), 1, Integer::sum));
        return counts;
    }
}

package dev.probebook.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.probebook.engine.ProbeRunner;
import dev.probebook.plan.CommandBinder;
import dev.probebook.plan.Planner;
import dev.probebook.plan.RunbookPlan;
import dev.probebook.policy.TargetPolicy;
import dev.probebook.registry.ProbeRegistry;
import dev.probebook.runbook.MarkdownParser;
import dev.probebook.settings.Settings;
import dev.probebook.step.Admission;
import dev.probebook.step.RunPlace;
import dev.probebook.step.StepCommands;
import dev.probebook.step.StepListener;
import dev.probebook.step.StepOutcome;
import dev.probebook.step.StepRequest;
import dev.probebook.step.StepRunner;
import dev.probebook.testing.LoopbackServers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every step run lands in the run history, whole; when the history cannot be written the run stands and says so. */
class RecordedRunsTest {

    @TempDir
    Path dir;

    private final CommandBinder binder = new CommandBinder(ProbeRegistry.standard());
    private ProbeRunner engine;
    private RunStores.Opened history;

    @BeforeEach
    void open() throws Exception {
        engine = new ProbeRunner(Settings.defaults(), TargetPolicy.allowAll());
        history = RunStores.open(null, null, null, dir.resolve("data"));
    }

    @AfterEach
    void close() {
        engine.close();
        history.close();
    }

    private StepOutcome runStep(StepRunner runner, Map<String, String> values) throws Exception {
        RunbookPlan plan = new Planner(ProbeRegistry.standard())
                .plan(new MarkdownParser().parse("# Net\n\n## Port\n\n```\nnc -zv {{host}} {{port}}\n```\n", "net"));
        var step = plan.steps().get(0);
        StepRequest request = new StepRequest(
                "https://idp.example#u-7",
                "corp:ivy",
                RunPlace.step("net", "sha-123", step.line(), step.code().section()),
                "session-1",
                StepCommands.forStep(binder, plan, step, values),
                values);
        return runner.start(request, Admission.ALL, StepListener.NONE).await();
    }

    @Test
    void aStepRunIsRecordedWithEverythingAReportNeeds() throws Exception {
        StepRunner runner = new StepRunner(
                engine, List.of(new RecordedRuns(history.store(), Clock.systemUTC())), Clock.systemUTC());
        try (var open = new LoopbackServers.Open(null)) {
            Map<String, String> values = Map.of("host", "127.0.0.1", "port", String.valueOf(open.port()));
            StepOutcome outcome = runStep(runner, values);
            assertThat(outcome.notes()).isEmpty();
            RunRecord r = history.store().runs(RunQuery.latest(1)).get(0);
            RunRecord whole = history.store().run(r.id()).orElseThrow();
            assertThat(whole.user()).isEqualTo("https://idp.example#u-7");
            assertThat(whole.userName()).isEqualTo("corp:ivy");
            assertThat(whole.session()).isEqualTo("session-1");
            assertThat(whole.runbook()).isEqualTo("net");
            assertThat(whole.version()).isEqualTo("sha-123");
            assertThat(whole.stepLine()).isEqualTo(5);
            assertThat(whole.stepHeading()).isEqualTo("Port");
            assertThat(whole.commandWritten()).isEqualTo("nc -zv {{host}} {{port}}");
            assertThat(whole.commandRun()).isEqualTo("nc -zv 127.0.0.1 " + open.port());
            assertThat(whole.variables()).isEqualTo(values);
            assertThat(whole.verdict()).isEqualTo("ok");
            assertThat(whole.output()).contains("succeeded");
            assertThat(whole.detailsType()).isEqualTo("TcpDetails");
            assertThat(whole.details()).contains("\"attempts\"");
            assertThat(whole.facts()).containsEntry("port " + open.port() + " on 127.0.0.1", "open");
            assertThat(whole.targets()).isEqualTo("127.0.0.1:" + open.port());
            assertThat(whole.permissions()).containsExactly("RUN");
            assertThat(whole.finishedAt()).isAfterOrEqualTo(whole.startedAt());
        }
    }

    @Test
    void aHistoryThatCannotBeWrittenLeavesTheRunStandingWithANote() throws Exception {
        Path broken = Files.createDirectories(dir.resolve("broken"));
        ReconnectingRunStore unreachable = new ReconnectingRunStore(
                () -> RunStores.open("jdbc:postgresql://127.0.0.1:1/none", "x", "", broken),
                "PostgreSQL at 127.0.0.1:1",
                Clock.systemUTC());
        StepRunner runner =
                new StepRunner(engine, List.of(new RecordedRuns(unreachable, Clock.systemUTC())), Clock.systemUTC());
        try (var open = new LoopbackServers.Open(null)) {
            StepOutcome outcome = runStep(runner, Map.of("host", "127.0.0.1", "port", String.valueOf(open.port())));
            assertThat(outcome.verdict().label()).isEqualTo("ok");
            assertThat(outcome.notes()).singleElement().asString().startsWith("This run was not recorded");
        }
    }
}

package dev.probebook.step;

import static org.assertj.core.api.Assertions.assertThat;

import dev.probebook.engine.ProbeRunner;
import dev.probebook.plan.CommandBinder;
import dev.probebook.policy.TargetPolicy;
import dev.probebook.probe.Verdict;
import dev.probebook.registry.ProbeRegistry;
import dev.probebook.settings.SettingsLoader;
import dev.probebook.testing.LoopbackServers;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The one step runner against the real engine and loopback peers. */
class StepRunnerTest {

    private final ProbeRunner engine = new ProbeRunner(SettingsLoader.load(Map.of()), TargetPolicy.allowAll());
    private final CommandBinder binder = new CommandBinder(ProbeRegistry.standard());
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final StepListener listener = new StepListener() {
        @Override
        public void commandStarted(StepCommand command, int index, int count) {
            events.add("command " + (index + 1) + "/" + count);
        }

        @Override
        public void line(String line) {
            lines.add(line);
        }

        @Override
        public void finished(StepOutcome outcome) {
            events.add("finished " + outcome.verdict().label());
        }
    };

    @AfterEach
    void close() {
        engine.close();
    }

    private StepRun start(StepRunner runner, String... typed) {
        List<StepCommand> commands = new ArrayList<>();
        for (String t : typed) {
            commands.add(StepCommands.typed(binder, t));
        }
        return runner.start(
                new StepRequest("tester", RunPlace.terminal(), commands, Map.of()), Admission.ALL, listener);
    }

    @Test
    void runsCommandsInOrderWithoutBlockingAndTakesTheWorstVerdict() throws Exception {
        try (var open = new LoopbackServers.Open(null)) {
            int closed = LoopbackServers.closedPort();
            long t0 = System.nanoTime();
            StepRun run =
                    start(new StepRunner(engine), "nc -zv 127.0.0.1 " + open.port(), "nc -zv 127.0.0.1 " + closed);
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)).isLessThan(500);
            StepOutcome outcome = run.outcome().get(20, TimeUnit.SECONDS);
            assertThat(outcome.runs()).hasSize(2);
            assertThat(outcome.runs().get(0).verdict()).isEqualTo(Verdict.OK);
            assertThat(outcome.verdict()).isEqualTo(Verdict.FAIL);
            assertThat(outcome.output()).contains("$ nc -zv 127.0.0.1 " + closed);
            assertThat(String.join("\n", lines)).containsIgnoringCase("refused");
            assertThat(events).containsExactly("command 1/2", "command 2/2", "finished fail");
            assertThat(outcome.targets())
                    .extracting(Target::text)
                    .containsExactly("127.0.0.1:" + open.port(), "127.0.0.1:" + closed);
        }
    }

    @Test
    void unboundPlaceholderIsSkippedNamingTheVariable() throws Exception {
        StepOutcome outcome =
                start(new StepRunner(engine), "nc -zv {{host}} 80").outcome().get(5, TimeUnit.SECONDS);
        assertThat(outcome.verdict()).isEqualTo(Verdict.SKIPPED);
        assertThat(outcome.summary()).contains("host");
    }

    @Test
    void nothingToRunIsSkipped() throws Exception {
        StepOutcome outcome = start(new StepRunner(engine)).await();
        assertThat(outcome.verdict()).isEqualTo(Verdict.SKIPPED);
        assertThat(outcome.summary()).isEqualTo("nothing to run");
    }

    @Test
    void cancelStopsALongRun() throws Exception {
        StepRun run = start(new StepRunner(engine), "ping -c 100 -i 0.2 127.0.0.1", "nc -zv 127.0.0.1 1");
        Thread.sleep(700);
        run.cancel();
        StepOutcome outcome = run.outcome().get(10, TimeUnit.SECONDS);
        assertThat(outcome.runs()).hasSize(1);
        assertThat(outcome.summary()).startsWith("stopped");
        assertThat(String.join("\n", lines)).contains("ping statistics");
    }

    @Test
    void observersHearEveryRunBeforeTheFrontEndAndMayRefuseIt() throws Exception {
        List<String> heard = new CopyOnWriteArrayList<>();
        RunObserver recorder = new RunObserver() {
            @Override
            public void started(RunInfo run) {
                heard.add("started " + run.user());
            }

            @Override
            public Optional<String> finished(RunInfo run, StepOutcome outcome) {
                heard.add("finished " + outcome.verdict().label() + " (front end heard: " + events + ")");
                return Optional.of("noted by the recorder");
            }
        };
        try (var open = new LoopbackServers.Open(null)) {
            StepRunner runner = new StepRunner(engine, List.of(recorder), Clock.systemUTC());
            StepOutcome first = start(runner, "nc -zv 127.0.0.1 " + open.port()).await();
            assertThat(first.notes()).containsExactly("noted by the recorder");
            for (int i = 0; i < 200 && open.accepted() < 1; i++) {
                Thread.sleep(10); // the listener thread accepts on its own time
            }
            assertThat(heard).containsExactly("started tester", "finished ok (front end heard: [command 1/1])");

            RunObserver refuses = new RunObserver() {
                @Override
                public void started(RunInfo run) throws RunRefusedException {
                    throw new RunRefusedException(RunRefusal.Kind.UNAVAILABLE, "no record, no run");
                }
            };
            StepOutcome refused = start(
                            new StepRunner(engine, List.of(refuses), Clock.systemUTC()),
                            "nc -zv 127.0.0.1 " + open.port())
                    .await();
            assertThat(refused.refusal().reason()).isEqualTo("no record, no run");
            assertThat(refused.verdict()).isEqualTo(Verdict.ERROR);
            assertThat(open.accepted()).isEqualTo(1); // only the first run connected
        }
    }
}

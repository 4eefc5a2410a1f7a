package dev.probebook.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.probebook.command.ShellLine;
import dev.probebook.engine.ProbeRunner;
import dev.probebook.plan.CommandBinder;
import dev.probebook.policy.TargetPolicy;
import dev.probebook.probe.Verdict;
import dev.probebook.registry.ProbeRegistry;
import dev.probebook.settings.SettingsLoader;
import dev.probebook.testing.LoopbackServers;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StepExecutionTest {

    private final ProbeRunner runner = new ProbeRunner(SettingsLoader.load(Map.of()), TargetPolicy.allowAll());
    private final CommandBinder binder = new CommandBinder(ProbeRegistry.standard());
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final StepExecution.Events events = new StepExecution.Events() {
        @Override
        public void commandStarted(String command) {}

        @Override
        public void line(String line) {
            lines.add(line);
        }

        @Override
        public void finished(StepOutcome outcome) {}
    };

    @AfterEach
    void close() {
        runner.close();
    }

    private StepExecution.Command typed(String text) throws Exception {
        return new StepExecution.Command(binder.prepareTyped(text, ShellLine.parse(text)), "tcp");
    }

    @Test
    void runsCommandsInOrderWithoutBlockingAndTakesTheWorstVerdict() throws Exception {
        try (var open = new LoopbackServers.Open(null)) {
            int closed = LoopbackServers.closedPort();
            long t0 = System.nanoTime();
            StepExecution e = StepExecution.start(
                    runner::start,
                    List.of(typed("nc -zv 127.0.0.1 " + open.port()), typed("nc -zv 127.0.0.1 " + closed)),
                    events);
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)).isLessThan(500);
            StepOutcome outcome = e.outcome().get(20, TimeUnit.SECONDS);
            assertThat(outcome.runs()).hasSize(2);
            assertThat(outcome.runs().get(0).verdict()).isEqualTo(Verdict.OK);
            assertThat(outcome.verdict()).isEqualTo(Verdict.FAIL);
            assertThat(String.join("\n", lines))
                    .contains("$ nc -zv 127.0.0.1 " + closed)
                    .containsIgnoringCase("refused");
        }
    }

    @Test
    void unboundPlaceholderIsSkippedNamingTheVariable() throws Exception {
        StepOutcome outcome = StepExecution.start(runner::start, List.of(typed("nc -zv {{host}} 80")), events)
                .outcome()
                .get(5, TimeUnit.SECONDS);
        assertThat(outcome.verdict()).isEqualTo(Verdict.SKIPPED);
        assertThat(outcome.summary()).contains("host");
    }

    @Test
    void cancelStopsALongRun() throws Exception {
        StepExecution e = StepExecution.start(
                runner::start, List.of(typed("ping -c 100 -i 0.2 127.0.0.1"), typed("nc -zv 127.0.0.1 1")), events);
        Thread.sleep(700);
        e.cancel();
        StepOutcome outcome = e.outcome().get(10, TimeUnit.SECONDS);
        assertThat(outcome.runs()).hasSize(1);
        assertThat(outcome.summary()).startsWith("stopped");
        assertThat(String.join("\n", lines)).contains("ping statistics");
    }
}

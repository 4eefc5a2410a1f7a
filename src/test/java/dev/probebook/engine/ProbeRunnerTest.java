package dev.probebook.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.probebook.command.Args;
import dev.probebook.command.GrepFilter;
import dev.probebook.policy.TargetPolicy;
import dev.probebook.probe.ParsedCommand;
import dev.probebook.probe.Probe;
import dev.probebook.probe.ProbeContext;
import dev.probebook.probe.ProbeResult;
import dev.probebook.probe.Verdict;
import dev.probebook.settings.SettingsLoader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ProbeRunnerTest {

    /** A probe whose behaviour is given by the test. */
    record Scripted(Function<ProbeContext, ProbeResult> body) implements Probe<String> {
        @Override
        public String name() {
            return "scripted";
        }

        @Override
        public Set<String> commandWords() {
            return Set.of("scripted");
        }

        @Override
        public String parse(String word, Args args) {
            return "";
        }

        @Override
        public ProbeResult run(String command, ProbeContext ctx) {
            return body.apply(ctx);
        }
    }

    private static ProbeRunner runner(String timeout) {
        return new ProbeRunner(
                SettingsLoader.load(Map.of("probebook.probe-timeout", timeout, "probebook.output.max-lines", "3")),
                TargetPolicy.allowAll());
    }

    private static Invocation invocation(Function<ProbeContext, ProbeResult> body, List<GrepFilter> filters) {
        return new Invocation("scripted", new ParsedCommand<>(new Scripted(body), "scripted", ""), filters);
    }

    @Test
    void anErrorInAProbeStillFinishesTheRun() throws Exception {
        try (ProbeRunner r = runner("5s")) {
            RunResult result = r.run(
                    invocation(
                            ctx -> {
                                throw new StackOverflowError();
                            },
                            List.of()),
                    RunListener.NONE);
            assertThat(result.verdict()).isEqualTo(Verdict.ERROR);
            assertThat(result.summary()).contains("stack overflow");
        }
    }

    @Test
    void aProbeThatIgnoresItsDeadlineIsAbandonedWithAnError() throws Exception {
        try (ProbeRunner r = runner("300ms")) {
            long start = System.nanoTime();
            RunResult result = r.run(
                    invocation(
                            ctx -> {
                                long end = System.nanoTime() + 10_000_000_000L;
                                while (System.nanoTime() < end) {
                                    Thread.onSpinWait(); // ignores interrupts and the cancelled flag
                                }
                                return ProbeResult.ok("late", null);
                            },
                            List.of()),
                    RunListener.NONE);
            assertThat(result.verdict()).isEqualTo(Verdict.ERROR);
            assertThat(result.summary()).contains("timed out");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(6));
        }
    }

    @Test
    void stopReturnsWhatTheProbeHasAndOutputIsBoundedAndFiltered() throws Exception {
        try (ProbeRunner r = runner("10s")) {
            List<String> heard = new ArrayList<>();
            var handle = r.start(
                    invocation(
                            ctx -> {
                                for (int i = 0; i < 10; i++) {
                                    ctx.out("line " + i + (i % 2 == 0 ? " even" : ""));
                                }
                                while (!ctx.cancelled()) {
                                    Thread.onSpinWait();
                                }
                                return ProbeResult.ok("caught 10 lines", null);
                            },
                            List.of(GrepFilter.parse("grep", List.of("even")))),
                    new RunListener() {
                        @Override
                        public synchronized void line(String line) {
                            heard.add(line);
                        }
                    });
            Thread.sleep(200);
            handle.cancel();
            RunResult result = handle.await();
            assertThat(result.verdict()).isEqualTo(Verdict.OK);
            assertThat(result.summary()).startsWith("stopped: caught 10 lines");
            assertThat(result.output())
                    .containsExactly(
                            "line 0 even",
                            "line 2 even",
                            "line 4 even",
                            "[output truncated: 2 more line(s) not shown]");
            assertThat(result.truncated()).isTrue();
            assertThat(heard).endsWith("[output truncated: 2 more line(s) not shown]");
        }
    }

    @Test
    void runsBeyondTheBoundWaitTheirTurn() throws Exception {
        try (ProbeRunner r = new ProbeRunner(
                SettingsLoader.load(Map.of("probebook.max-concurrent-probes", "2")), TargetPolicy.allowAll())) {
            AtomicInteger running = new AtomicInteger();
            AtomicInteger peak = new AtomicInteger();
            List<ProbeRunner.RunHandle> handles = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                handles.add(r.start(
                        invocation(
                                ctx -> {
                                    peak.accumulateAndGet(running.incrementAndGet(), Math::max);
                                    try {
                                        Thread.sleep(100);
                                    } catch (InterruptedException e) {
                                        Thread.currentThread().interrupt();
                                    }
                                    running.decrementAndGet();
                                    return ProbeResult.ok("done", null);
                                },
                                List.of()),
                        RunListener.NONE));
            }
            for (ProbeRunner.RunHandle h : handles) {
                assertThat(h.await().verdict()).isEqualTo(Verdict.OK);
            }
            assertThat(peak.get()).isEqualTo(2);
        }
    }

    @Test
    void aRunawayGrepPatternDoesNotCrashOrHang() throws Exception {
        GrepFilter nested = GrepFilter.parse("grep", List.of("-E", "(a|b)*c"));
        assertThat(nested.matches("ab".repeat(50_000))).isFalse();
        try (ProbeRunner r = runner("1s")) {
            GrepFilter exponential = GrepFilter.parse("grep", List.of("-E", "(a+)+$"));
            long start = System.nanoTime();
            RunResult result = r.run(
                    invocation(
                            ctx -> {
                                ctx.out("a".repeat(40) + "!");
                                return ProbeResult.ok("printed", null);
                            },
                            List.of(exponential)),
                    RunListener.NONE);
            assertThat(result.verdict()).isIn(Verdict.OK, Verdict.ERROR);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(6));
        }
    }
}

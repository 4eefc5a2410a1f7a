package dev.probebook.guide;

import static org.assertj.core.api.Assertions.assertThat;

import dev.probebook.engine.RunResult;
import dev.probebook.plan.Planner;
import dev.probebook.plan.RunbookPlan;
import dev.probebook.probe.Verdict;
import dev.probebook.registry.ProbeRegistry;
import dev.probebook.runbook.MarkdownParser;
import dev.probebook.step.RunPlace;
import dev.probebook.step.StepOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class GuideTest {

    static RunbookPlan plan(String text) throws Exception {
        return new Planner(ProbeRegistry.standard()).plan(new MarkdownParser().parse(text, "t"));
    }

    static StepOutcome outcome(Verdict verdict, String summary, String... output) {
        return StepOutcome.of(
                RunPlace.terminal(),
                List.of(new RunResult("tcping", "tcp", verdict, summary, List.of(output), false, 1, null)),
                List.of(),
                0);
    }

    @Test
    void aRunbookBecomesOneStepPerSectionWithExamplesHeldBackAsHints() throws Exception {
        String text = """
                # Checks

                Read this first.

                ## Is the port open?
                ```
                tcping {{host}} {{port}}
                ```

                <mark>Refused</mark>
                ```
                Probing 10.0.0.5:443/tcp - No response
                ```
                Nothing listens there: start the service.

                ## What the hosts file says
                A hosts entry wins over DNS.
                """;
        Guide guide = Guide.of(plan(text), text);
        assertThat(guide.steps())
                .extracting(GuidedStep::heading)
                .containsExactly("Checks", "Is the port open?", "What the hosts file says");
        assertThat(guide.steps().get(0).manual()).isTrue();
        GuidedStep port = guide.steps().get(1);
        assertThat(port.runs()).hasSize(1);
        assertThat(port.hints()).singleElement().satisfies(h -> {
            assertThat(h.caption()).isEqualTo("Refused");
            assertThat(h.example()).contains("No response");
            assertThat(h.explanationHtml()).contains("start the service");
        });
        assertThat(port.shown())
                .as("the example and its explanation are hints, not shown")
                .hasSize(1);
        assertThat(guide.steps().get(2).manual()).isTrue();
        assertThat(guide.problems()).isEmpty();
    }

    @Test
    void expectationsComeFromTheFenceOrTheCommentAboveAndBadOnesAreReportedNotFatal() throws Exception {
        String text = """
                # Lab

                ## Refused on purpose
                ```bash {expect=fail}
                tcping 127.0.0.1 1
                ```

                ## Shows words
                <!-- expect: refused|timed out -->
                ```
                nc -zv 127.0.0.1 1
                ```

                ## Written wrong
                ```bash {expect=ok|refused}
                tcping 127.0.0.1 1
                ```

                ## Nothing written
                ```
                tcping 127.0.0.1 1
                ```
                """;
        Guide guide = Guide.of(plan(text), text);
        assertThat(guide.steps()).as("a title with nothing under it is no step").hasSize(4);
        GuidedStep fail = guide.steps().get(0);
        Expectation e = fail.expectation(fail.runs().get(0));
        assertThat(e.met(outcome(Verdict.FAIL, "refused"))).isTrue();
        assertThat(e.met(outcome(Verdict.OK, "open"))).isFalse();

        GuidedStep words = guide.steps().get(1);
        Expectation w = words.expectation(words.runs().get(0));
        assertThat(w.describe()).isEqualTo("shows 'refused' or 'timed out'");
        assertThat(w.met(outcome(Verdict.FAIL, "port 1 is closed", "nc: connect ... Connection refused")))
                .isTrue();
        assertThat(w.met(outcome(Verdict.FAIL, "timed out after 3 s"))).isTrue();
        assertThat(w.met(outcome(Verdict.OK, "open"))).isFalse();

        GuidedStep wrong = guide.steps().get(2);
        assertThat(guide.problems())
                .singleElement()
                .asString()
                .contains("line ")
                .contains("ok|refused");
        assertThat(wrong.expectation(wrong.runs().get(0)).met(outcome(Verdict.OK, "open")))
                .as("an unreadable expectation is ignored: ok or warn passes")
                .isTrue();

        GuidedStep plain = guide.steps().get(3);
        Expectation d = plain.expectation(plain.runs().get(0));
        assertThat(d.met(outcome(Verdict.WARN, "slow"))).isTrue();
        assertThat(d.met(outcome(Verdict.FAIL, "refused"))).isFalse();
    }

    @Test
    void theShippedRunbooksBecomeGuidesWithRunnableStepsAndHints() throws Exception {
        for (String file : List.of("runbooks/network-connectivity.en.md", "runbooks/network-connectivity.ko.md")) {
            String text = Files.readString(Path.of(file));
            Guide guide = Guide.of(plan(text), text);
            assertThat(guide.problems()).as(file).isEmpty();
            assertThat(guide.steps()).as(file).hasSizeGreaterThan(8);
            assertThat(guide.steps().stream().filter(s -> !s.manual()).count())
                    .as(file)
                    .isGreaterThan(8);
            assertThat(guide.steps().stream().mapToLong(s -> s.hints().size()).sum())
                    .as(file)
                    .isGreaterThan(3);
            for (int i = 0; i < guide.steps().size(); i++) {
                assertThat(guide.steps().get(i).number()).isEqualTo(i + 1);
            }
        }
    }
}

package dev.probebook.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.probebook.registry.ProbeRegistry;
import dev.probebook.runbook.MarkdownParser;
import dev.probebook.runbook.RunbookSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shape of the seed runbook the product must run (a Korean ops note kept outside the repository): 30 code
 * blocks that classify as 17 steps and 13 examples, with the probes and variables an operator expects. The
 * project's own fixture ({@code fixtures/seed-shape}, written in its own words) has the same blocks, commands,
 * placeholders, alternatives and captions, so the check runs in every clone; the seed itself is checked too
 * where it sits beside the repository.
 */
class SeedRunbookTest {

    private static final Path OWN_COPY = Path.of("src/test/resources/fixtures/seed-shape/network-checks.ko.md");
    private static final Path SEED = Path.of("../shared/seed/network-connectivity.ko.md");

    @Test
    void theProjectsCopyHasTheSeedsShape() throws Exception {
        assertSeedShape(plan(OWN_COPY));
    }

    @Test
    void theSeedItselfWhereItIsPresent() throws Exception {
        assumeTrue(Files.exists(SEED), "seed runbook not present beside the repository");
        assertSeedShape(plan(SEED));
    }

    private static void assertSeedShape(RunbookPlan plan) {
        assertThat(plan.blocks()).hasSize(30);
        assertThat(plan.steps()).hasSize(17);
        assertThat(plan.examples()).hasSize(13);
        assertThat(plan.steps())
                .extracting(b -> b.commands().get(0).probe())
                .containsExactly(
                        "interfaces",
                        "public-ip",
                        "dns",
                        "dns",
                        "ping",
                        "tcp",
                        "install",
                        "tcp",
                        "http",
                        "http",
                        "http",
                        "capture",
                        "sockets",
                        "sockets",
                        "sockets",
                        "hosts",
                        "hosts");
        assertThat(plan.variables())
                .extracting(Variable::name)
                .containsExactlyInAnyOrder("ip", "domain", "host", "port");
        assertThat(plan.examples()).allSatisfy(e -> assertThat(e.illustrates()).isPositive());
        assertThat(plan.examples())
                .filteredOn(e -> "-v 연결 실패 메세지".equals(e.code().caption()))
                .hasSize(3);
        assertThat(plan.examples())
                .filteredOn(e -> "-v 연결 성공 메세지".equals(e.code().caption()))
                .hasSize(2);
    }

    static RunbookPlan plan(Path file) throws Exception {
        String text = RunbookSource.read(file, 8 << 20).text();
        return new Planner(ProbeRegistry.standard()).plan(new MarkdownParser().parse(text, "seed"));
    }

    static List<String> probes(RunbookPlan plan) {
        return plan.steps().stream().map(b -> b.commands().get(0).probe()).toList();
    }
}

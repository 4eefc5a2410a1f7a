package dev.probebook.plan;

import dev.probebook.probe.ProbeRegistry;
import dev.probebook.runbook.MarkdownParser;
import dev.probebook.runbook.RunbookSource;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The seed runbook the product must run (kept outside the repository, in ../shared/seed): its 30 code
 * blocks classify as 17 steps and 13 examples, with the probes and variables an operator expects.
 * The project's own fixture with the same structure is covered by the golden tests.
 */
class SeedRunbookTest {

    private static final Path SEED = Path.of("../shared/seed/network-connectivity.ko.md");

    @Test
    void seedStructure() throws Exception {
        assumeTrue(Files.exists(SEED), "seed runbook not present beside the repository");
        RunbookPlan plan = plan(SEED);
        assertThat(plan.blocks()).hasSize(30);
        assertThat(plan.steps()).hasSize(17);
        assertThat(plan.examples()).hasSize(13);
        assertThat(plan.steps()).extracting(b -> b.commands().get(0).probe()).containsExactly(
                "interfaces", "public-ip", "dns", "dns", "ping", "tcp", "install", "tcp", "http", "http", "http",
                "capture", "sockets", "sockets", "sockets", "hosts", "hosts");
        assertThat(plan.variables()).extracting(Variable::name).containsExactlyInAnyOrder("ip", "domain", "host", "port");
        assertThat(plan.examples()).allSatisfy(e -> assertThat(e.illustrates()).isPositive());
        assertThat(plan.examples()).filteredOn(e -> "-v 연결 실패 메세지".equals(e.code().caption())).hasSize(3);
    }

    static RunbookPlan plan(Path file) throws Exception {
        String text = RunbookSource.read(file, 8 << 20).text();
        return new Planner(ProbeRegistry.standard()).plan(new MarkdownParser().parse(text, "seed"));
    }

    static List<String> probes(RunbookPlan plan) {
        return plan.steps().stream().map(b -> b.commands().get(0).probe()).toList();
    }
}

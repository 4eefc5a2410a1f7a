package dev.probebook.library;

import static org.assertj.core.api.Assertions.assertThat;

import dev.probebook.plan.BlockKind;
import dev.probebook.registry.ProbeRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The editor's preview reads the text as the page will: steps with their probe, examples, and what will not run. */
class RunbookPreviewTest {

    private static RunbookPreview preview(String text) {
        return RunbookPreview.of(text, "t", ProbeRegistry.standard(), Duration.ofSeconds(10));
    }

    @Test
    void stepsShowTheirProbeAndExamplesAreMarked() {
        RunbookPreview p = preview("# T\n\n```\nnc -zv 127.0.0.1 9\n```\n\n```\niptables -L\n```\n\n"
                + "<mark>Listening sockets</mark>\n\n```text\nss -tlnp\n```\n");
        assertThat(p.problem()).isNull();
        assertThat(p.blocks())
                .extracting(RunbookPreview.Block::kind)
                .containsExactly(BlockKind.STEP, BlockKind.STEP, BlockKind.EXAMPLE);
        assertThat(p.blocks().get(0).lines().get(0).probe()).isEqualTo("tcp");
        assertThat(p.blocks().get(1).lines().get(0).notRun()).isNotNull();
        assertThat(p.warnings()).anySatisfy(w -> assertThat(w).startsWith("line 8: `iptables -L` will not run"));
        assertThat(p.warnings()).anySatisfy(w -> assertThat(w).contains("`ss -tlnp` looks like a command"));
    }

    @Test
    void anExpectationThatCannotBeReadAndADrillWrittenWrongAreReportedNotFatal() {
        RunbookPreview p = preview("# T\n\n## Port\n<!-- expect: ok|refused -->\n```\nnc -zv 127.0.0.1 9\n```\n");
        assertThat(p.problem()).isNull();
        assertThat(p.warnings()).singleElement().asString().contains("line 5").contains("ok|refused");
        RunbookPreview drill = preview("---\nkind: drill\nrunbook: net\n---\n# D\n\nThe API hangs.\n");
        assertThat(drill.warnings())
                .anySatisfy(w -> assertThat(w).startsWith("drill: ").contains("'fault:'"));
    }

    @Test
    void anExampleOfACommandWithItsOutputIsNotWarnedAbout() {
        RunbookPreview p = preview("# T\n\n```\nnc -zv 127.0.0.1 9\n```\n\n<mark>Refused</mark>\n\n```text\n"
                + "nc -zv 10.0.0.5 443\nnc: connect to 10.0.0.5 port 443 (tcp) failed: Connection refused\n```\n");
        assertThat(p.warnings()).isEmpty();
    }

    @Test
    void textThatIsNoRunbookSaysWhy() {
        assertThat(preview(">".repeat(70) + " deep\n").problem()).contains("64 levels");
    }
}

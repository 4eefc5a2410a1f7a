package dev.probebook.guide;

import static org.assertj.core.api.Assertions.assertThat;

import dev.probebook.probe.Verdict;
import dev.probebook.runbook.MarkdownParser;
import dev.probebook.runbook.Runbook;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class DrillTest {

    private static Runbook parse(Path file) throws Exception {
        return new MarkdownParser()
                .parse(Files.readString(file), file.getFileName().toString());
    }

    private static List<Path> shipped(String prefix) throws Exception {
        try (Stream<Path> files = Files.list(Path.of("runbooks"))) {
            return files.filter(p -> p.getFileName().toString().startsWith(prefix))
                    .sorted()
                    .toList();
        }
    }

    @Test
    void theShippedDrillsCoverTheSeedCasesInBothLanguagesAndHaveNoProblems() throws Exception {
        List<Path> files = shipped("drill-");
        assertThat(files).hasSize(10);
        for (Path file : files) {
            Runbook parsed = parse(file);
            assertThat(Drill.isDrill(parsed.frontMatter())).as(file.toString()).isTrue();
            Drill drill = Drill.of(file.getFileName().toString().replace(".md", ""), parsed);
            assertThat(drill.problems()).as(file.toString()).isEmpty();
            assertThat(Path.of("runbooks", drill.runbook() + ".md"))
                    .as(file + ": its runbook")
                    .exists();
            assertThat(drill.evidence()).as(file.toString()).isNotEmpty();
            assertThat(drill.situationHtml()).as(file.toString()).isNotBlank();
        }
        assertThat(files.stream().map(p -> p.getFileName().toString()))
                .contains(
                        "drill-new-api-port.ko.md",
                        "drill-partner-hangs.ko.md",
                        "drill-clients-refuse-site.ko.md",
                        "drill-only-this-server.ko.md",
                        "drill-fails-now-and-then.ko.md");
    }

    @Test
    void theShippedTracksNameOnlyWhatTheLibraryHas() throws Exception {
        for (Path file : shipped("track-")) {
            Runbook parsed = parse(file);
            assertThat(Track.isTrack(parsed.frontMatter())).isTrue();
            Track track = Track.of("t", parsed);
            assertThat(track.items()).hasSize(6);
            for (String item : track.items()) {
                assertThat(Path.of("runbooks", item + ".md"))
                        .as(file + ": " + item)
                        .exists();
            }
        }
    }

    @Test
    void aDiagnosisPassesOnlyWhenItIsRightAndTheRunsShowedTheEvidence() throws Exception {
        Drill vip = Drill.of("drill-fails-now-and-then.en", parse(Path.of("runbooks/drill-fails-now-and-then.en.md")));
        var ok = GuideTest.outcome(Verdict.OK, "HTTP 200");
        var reset = GuideTest.outcome(Verdict.FAIL, "connection reset");
        assertThat(vip.judge("refused", List.of(ok, reset)).passed()).isFalse();
        assertThat(vip.judge("refused", List.of(ok, reset)).rightAnswer()).isFalse();
        Drill.Result guess = vip.judge("vip", List.of(ok));
        assertThat(guess.rightAnswer()).isTrue();
        assertThat(guess.passed()).as("right, but one success does not show it").isFalse();
        assertThat(guess.missingEvidence())
                .singleElement()
                .extracting(Expectation::describe)
                .isEqualTo("ends fail");
        assertThat(vip.judge("vip", List.of(ok, reset)).passed()).isTrue();
    }

    @Test
    void aDrillWrittenWrongSaysWhatIsMissing() throws Exception {
        Runbook bad = new MarkdownParser().parse("""
                        ---
                        kind: drill
                        runbook: net
                        answer: dns
                        options:
                          - refused: "Refused"
                        evidence:
                          - "ok|refused"
                        ---
                        # Bad
                        """, "bad");
        Drill drill = Drill.of("bad", bad);
        assertThat(drill.problems())
                .anySatisfy(p -> assertThat(p).contains("'fault:'"))
                .anySatisfy(p -> assertThat(p).contains("'dns' is not one of the options"))
                .anySatisfy(p -> assertThat(p).contains("at least two options"))
                .anySatisfy(p -> assertThat(p).contains("ok|refused"));
    }
}

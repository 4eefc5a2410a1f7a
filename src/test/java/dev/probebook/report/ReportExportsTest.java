package dev.probebook.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.probebook.history.Report;
import dev.probebook.history.RunRecord;
import dev.probebook.registry.ProbeRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One report, three exports: Markdown for tickets, self-contained HTML, JSON; each hides what the reader may not see. */
class ReportExportsTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private static final String TEXT = """
            # Port checks

            Check the port first.

            ```
            nc -zv {{host}} 443
            ```

            Then watch the packets.

            ```
            tcpdump -i lo -c 2 host {{host}}
            ```
            """;

    private static RunRecord run(int line, String command, String probe, String output, List<String> permissions) {
        return new RunRecord(
                "run-" + line,
                "s1",
                T0.plusSeconds(line),
                T0.plusSeconds(line + 1),
                "otto",
                "Otto <o>",
                null,
                "ports",
                "v1",
                line,
                "Port checks",
                command,
                command.replace("{{host}}", "10.0.0.5"),
                probe,
                Map.of("host", "10.0.0.5"),
                "ok",
                "all <good> *here*",
                output,
                false,
                null,
                null,
                Map.of("port 443 on 10.0.0.5", "open"),
                "10.0.0.5:443",
                12,
                permissions,
                false);
    }

    private static final Report REPORT = new Report(
            "r1",
            T0.plusSeconds(60),
            "otto",
            "Otto <o>",
            "ports",
            "v1",
            "Ports at <night>",
            TEXT,
            Map.of("host", "10.0.0.5"),
            List.of(
                    run(
                            5,
                            "nc -zv {{host}} 443",
                            "tcp",
                            "Connection to 10.0.0.5 443 port succeeded!\n```",
                            List.of("RUN")),
                    run(
                            11,
                            "tcpdump -i lo -c 2 host {{host}}",
                            "capture",
                            "IP 10.0.0.5.443 > x: Flags [S.]",
                            List.of("CAPTURE"))));

    /** An operator: may run, may not capture. */
    private static final Visibility OPERATOR = r -> !r.permissions().contains("CAPTURE");

    @Test
    void markdownKeepsTheRunbooksTextWithEachResultAfterItsStep() {
        String md = ReportMarkdown.of(REPORT, ProbeRegistry.standard(), OPERATOR);
        assertThat(md).contains("> **Report:** Ports at &lt;night>", "> **Values** `host=10.0.0.5`");
        int step = md.indexOf("nc -zv {{host}} 443\n```");
        int result = md.indexOf("**Result: `ok`**");
        int then = md.indexOf("Then watch the packets.");
        assertThat(step).isPositive().isLessThan(result);
        assertThat(result).isLessThan(then);
        assertThat(md)
                .contains("````text\n$ nc -zv 10.0.0.5 443\nConnection to 10.0.0.5 443 port succeeded!\n```\n````");
        assertThat(md).contains("all &lt;good> \\*here\\*");
        assertThat(md).doesNotContain("Flags [S.]").contains("output hidden");
    }

    @Test
    void htmlIsOneFileThatNeedsNothingElseAndEscapesEverything() {
        String html = ReportHtml.of(REPORT, ProbeRegistry.standard(), OPERATOR);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<style>");
        assertThat(html).doesNotContain("<script", "<link", " src=");
        assertThat(html).contains("Ports at &lt;night&gt;", "all &lt;good&gt; *here*", "Check the port first.");
        assertThat(html).contains("succeeded!").doesNotContain("Flags [S.]").contains("output hidden");
        assertThat(html.indexOf("succeeded!")).isLessThan(html.indexOf("Then watch the packets."));
        assertThat(html)
                .as("opened offline, the file still forbids scripts and fetches")
                .contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';");
    }

    @Test
    void markdownCodeIsNeverEndedByTheBackticksItHolds() {
        assertThat(ReportMarkdown.inlineCode("echo `id`")).isEqualTo("`` echo `id` ``");
        assertThat(ReportMarkdown.inlineCode("a ``b`` c")).isEqualTo("```a ``b`` c```");
        assertThat(ReportMarkdown.fenceFor("curl -H '```'\nok")).isEqualTo("````");
    }

    @Test
    void jsonCarriesOutputOnlyWhereTheReaderMaySeeIt() {
        Map<String, Object> json = ReportJson.of(REPORT, OPERATOR);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> runs = (List<Map<String, Object>>) json.get("runs");
        assertThat(runs.get(0)).containsKey("output").doesNotContainKey("hidden");
        assertThat(runs.get(1))
                .doesNotContainKey("output")
                .as("a capture's facts name the connections it saw")
                .doesNotContainKey("facts")
                .containsKey("hidden");
        assertThat(ReportJson.of(REPORT, Visibility.ALL).toString()).contains("Flags [S.]");
    }

    @Test
    void theDocumentPutsRunsInPlaceOfTheirSteps() {
        ReportDocument doc = ReportDocument.of(REPORT, ProbeRegistry.standard());
        assertThat(doc.sections())
                .filteredOn(s -> s instanceof ReportDocument.StepSection)
                .extracting(s -> ((ReportDocument.StepSection) s).runs().size())
                .containsExactly(1, 1);
        assertThat(doc.elsewhere()).isEmpty();
    }
}

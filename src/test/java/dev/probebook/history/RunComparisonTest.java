package dev.probebook.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunComparisonTest {

    private static RunRecord before(Map<String, String> facts) {
        RunRecord r = RunStoreTest.run("net", 3, null, "otto", "ok", Instant.parse("2026-12-01T10:00:00Z"));
        return new RunRecord(
                r.id(),
                r.session(),
                r.startedAt(),
                r.finishedAt(),
                r.user(),
                r.userName(),
                r.via(),
                r.runbook(),
                r.version(),
                r.stepLine(),
                r.stepHeading(),
                r.commandWritten(),
                r.commandRun(),
                r.probe(),
                r.variables(),
                "ok",
                r.summary(),
                r.output(),
                r.truncated(),
                r.detailsType(),
                r.details(),
                facts,
                r.targets(),
                120,
                r.permissions(),
                r.refused());
    }

    @Test
    void changesAreNamedByMeaningWithDeltasForNumbers() {
        Map<String, String> was = new LinkedHashMap<>();
        was.put("HTTP status", "200");
        was.put("certificate days left", "45");
        was.put("total ms", "12.5");
        was.put("answer A", "10.0.0.5");
        Map<String, String> now = new LinkedHashMap<>();
        now.put("HTTP status", "503");
        now.put("certificate days left", "44");
        now.put("total ms", "12.5");
        now.put("answer A", "10.0.0.6");
        now.put("answered from", "10.0.0.6:443");
        RunComparison c = RunComparison.of(now, "warn", 150, before(was));
        assertThat(c.verdictChanged()).isTrue();
        assertThat(c.changes())
                .containsExactly(
                        new RunComparison.Change("HTTP status", "200", "503", "+303"),
                        new RunComparison.Change("certificate days left", "45", "44", "-1"),
                        new RunComparison.Change("answer A", "10.0.0.5", "10.0.0.6", null),
                        new RunComparison.Change("answered from", null, "10.0.0.6:443", null));
        assertThat(c.elapsedDeltaMs()).isEqualTo(30);
    }

    @Test
    void theSameResultIsTheSame() {
        Map<String, String> facts = Map.of("port 443 on 10.0.0.5", "open");
        assertThat(RunComparison.of(facts, "ok", 10, before(facts)).same()).isTrue();
    }
}

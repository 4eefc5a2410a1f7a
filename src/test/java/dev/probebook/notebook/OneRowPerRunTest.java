package dev.probebook.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.probebook.audit.AuditAction;
import dev.probebook.audit.AuditEvent;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OneRowPerRunTest {

    private static AuditEvent event(int second, String user, AuditAction action, Integer step, String command) {
        return new AuditEvent(
                Instant.parse("2026-12-06T10:00:00Z").plusSeconds(second),
                user,
                action,
                "seed",
                step,
                command,
                null,
                action == AuditAction.RUN ? "ok" : null,
                null,
                null);
    }

    @Test
    void aFinishedRunIsOneRowAndAStartWithoutAnEndStays() {
        List<AuditEvent> newestFirst = List.of(
                event(9, "ann", AuditAction.RUN_START, 12, "ping -c 1 127.0.0.1"), // still running
                event(8, "ann", AuditAction.RUN, 10, "nc -zv 127.0.0.1 22"),
                event(7, "bob", AuditAction.RUN, 10, "nc -zv 127.0.0.1 22"),
                event(6, "ann", AuditAction.RUN_START, 10, "nc -zv 127.0.0.1 22"),
                event(5, "bob", AuditAction.RUN_START, 10, "nc -zv 127.0.0.1 22"),
                event(4, "ann", AuditAction.SIGN_IN, null, null),
                event(3, "ann", AuditAction.RUN_START, 10, "nc -zv 127.0.0.1 22")); // the app stopped mid-run
        assertThat(OneRowPerRun.of(newestFirst))
                .extracting(e -> e.time().getEpochSecond() % 60)
                .containsExactly(9L, 8L, 7L, 4L, 3L);
    }
}

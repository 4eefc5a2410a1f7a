package dev.probebook.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.probebook.testing.Mounts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Failures root cannot be made to see without mounts: a read-only file system and a really full disk. */
@Tag("privileged")
class AuditLogMountTest {

    private static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");

    @TempDir
    Path dir;

    @Test
    void aReadOnlyFileSystemFailsTheAppend() throws Exception {
        Path data = Files.createDirectory(dir.resolve("data"));
        Path file = data.resolve("audit.jsonl");
        AuditFile log = new AuditFile(file);
        log.append(AuditEvent.of(T0, "kim", AuditAction.RUN));
        try (Mounts mounts = new Mounts()) {
            mounts.readOnly(data);
            assertThatThrownBy(() -> log.append(AuditEvent.of(T0, "lee", AuditAction.RUN)))
                    .isInstanceOf(AuditException.class)
                    .hasMessage("cannot write the audit log " + file + ": Read-only file system");
            assertThat(log.query(AuditQuery.all())).extracting(AuditEvent::user).containsExactly("kim");
        }
    }

    @Test
    void aDiskThatFillsUpMidLineLeavesNoTornLine() throws Exception {
        Path data = Files.createDirectory(dir.resolve("data"));
        try (Mounts mounts = new Mounts()) {
            mounts.tmpfs(data, "16k");
            Path file = data.resolve("audit.jsonl");
            AuditFile log = new AuditFile(file);
            log.append(AuditEvent.of(T0, "kim", AuditAction.RUN));
            Path filler = data.resolve("filler");
            Files.write(filler, new byte[8192]);
            byte[] before = Files.readAllBytes(file);

            AuditEvent big = AuditEvent.of(T0.plusSeconds(1), "lee", AuditAction.HOSTS_WRITE)
                    .withDetail("x".repeat(12_000));
            assertThatThrownBy(() -> log.append(big))
                    .isInstanceOf(AuditException.class)
                    .hasMessage("cannot write the audit log " + file + ": No space left on device");
            assertThat(Files.readAllBytes(file)).isEqualTo(before);

            Files.delete(filler);
            log.append(AuditEvent.of(T0.plusSeconds(2), "park", AuditAction.RUN));
            assertThat(Files.readAllLines(file, StandardCharsets.UTF_8)).hasSize(2);
            assertThat(log.query(AuditQuery.all())).extracting(AuditEvent::user).containsExactly("park", "kim");
        }
    }
}

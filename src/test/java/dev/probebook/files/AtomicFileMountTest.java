package dev.probebook.files;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.probebook.testing.Mounts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real read-only file system (root meets it only through a mount). The really full disk is
 * HostsFileEditorMountTest's, which writes through this class.
 */
@Tag("privileged")
class AtomicFileMountTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T09:15:30Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void aReadOnlyFileSystemRefusesReplaceAndCreateAndTheFileStays() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("folder"));
        Path file = Files.writeString(folder.resolve("notes.md"), "old\n");
        Path backups = dir.resolve("backups");
        try (Mounts mounts = new Mounts()) {
            mounts.readOnly(folder);
            assertThatThrownBy(() -> new AtomicFile().replace(file, "new\n".getBytes(UTF_8), backups, CLOCK))
                    .isInstanceOf(FileWriteException.class)
                    .hasMessage(
                            "cannot write " + file + ": Read-only file system (the file system holding it is mounted"
                                    + " read-only). " + file + " was not changed.");
            Path created = folder.resolve("new.md");
            assertThatThrownBy(() -> new AtomicFile().create(created, "new\n".getBytes(UTF_8)))
                    .hasMessage(
                            "cannot write " + created + ": Read-only file system (the file system holding it is mounted"
                                    + " read-only). " + created + " was not created.");
            assertThat(Files.readString(file)).isEqualTo("old\n");
            assertThat(AtomicFileTest.list(folder)).containsExactly(file);
            assertThat(AtomicFileTest.list(backups)).isEmpty();
        }
    }
}

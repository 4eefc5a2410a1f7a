package dev.probebook.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.probebook.registry.ProbeRegistry;
import dev.probebook.testing.Mounts;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A runbooks folder on a really read-only file system (root meets it only through a mount). */
@Tag("privileged")
class RunbookLibraryMountTest {

    @TempDir
    Path tmp;

    @Test
    void aReadOnlyFolderRefusesTheSaveInPlainWordsAndTheRunbookStays() throws Exception {
        Path runbooks = Files.createDirectories(tmp.resolve("runbooks"));
        Path checks = Files.writeString(runbooks.resolve("checks.md"), RunbookLibrarySaveTest.BEFORE);
        Path backups = tmp.resolve("data/runbook-backups");
        RunbookFolder lib =
                new RunbookFolder(runbooks, 1000, ProbeRegistry.standard(), backups, RunbookLibrarySaveTest.CLOCK);
        try (Mounts mounts = new Mounts()) {
            mounts.readOnly(runbooks);
            String hash = lib.source("checks").hash();
            assertThatThrownBy(() -> lib.save("checks", RunbookLibrarySaveTest.AFTER, hash))
                    .isInstanceOf(RunbookSaveException.class)
                    .hasMessage(
                            "cannot write " + checks + ": Read-only file system (the file system holding it is mounted"
                                    + " read-only). " + checks + " was not changed.");
            assertThatThrownBy(() -> lib.create("fresh", RunbookLibrarySaveTest.AFTER))
                    .hasMessageContaining("Read-only file system");
            assertThat(Files.readString(checks)).isEqualTo(RunbookLibrarySaveTest.BEFORE);
            assertThat(RunbookLibrarySaveTest.list(runbooks)).containsExactly(checks);
            assertThat(RunbookLibrarySaveTest.list(backups)).isEmpty();
        }
    }
}

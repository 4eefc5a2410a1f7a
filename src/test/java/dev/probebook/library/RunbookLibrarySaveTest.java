package dev.probebook.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.probebook.files.AtomicFile;
import dev.probebook.files.ContentHash;
import dev.probebook.library.RunbookSaveException.Problem;
import dev.probebook.registry.ProbeRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Editing runbooks: every save either writes the whole text with a backup, or refuses and changes nothing. */
class RunbookLibrarySaveTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T09:15:30Z"), ZoneOffset.UTC);
    static final String BEFORE = "# Checks\n\n```\nnc -zv 127.0.0.1 9\n```\n";
    static final String AFTER = "# Checks\n\nNow with a note.\n\n```\nnc -zv 127.0.0.1 9\n```\n";

    @TempDir
    Path tmp;

    Path runbooks;
    Path backups;
    Path checks;

    @BeforeEach
    void folder() throws IOException {
        runbooks = Files.createDirectories(tmp.resolve("runbooks"));
        backups = tmp.resolve("data/runbook-backups");
        checks = Files.writeString(runbooks.resolve("checks.md"), BEFORE);
    }

    private RunbookFolder library(AtomicFile files) {
        return new RunbookFolder(runbooks, 1000, ProbeRegistry.standard(), backups, CLOCK, files);
    }

    private RunbookFolder library() {
        return library(new AtomicFile());
    }

    static List<Path> list(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(folder)) {
            return s.sorted().toList();
        }
    }

    /** checks.md as it was, nothing else in the folder (no temporary file), no backup. */
    private void assertNothingSaved(Problem problem, Throwable thrown) throws IOException {
        assertThat(thrown).isInstanceOf(RunbookSaveException.class);
        assertThat(((RunbookSaveException) thrown).problem()).isEqualTo(problem);
        assertThat(Files.readString(checks)).isEqualTo(BEFORE);
        assertThat(list(runbooks)).containsExactly(checks);
        assertThat(list(backups)).isEmpty();
    }

    private Throwable saving(RunbookFolder lib, String name, String text) throws Exception {
        String hash = lib.source("checks").hash();
        return catchThrowable(() -> lib.save(name, text, hash));
    }

    @Test
    void theSourceIsTheStoredTextWithTheHashOfItsBytes() throws Exception {
        RunbookStore.Source source = library().source("checks");
        assertThat(source.text()).isEqualTo(BEFORE);
        assertThat(source.hash()).isEqualTo(ContentHash.sha256(Files.readAllBytes(checks)));
        assertThatThrownBy(() -> library().source("../checks")).hasMessageContaining("not a runbook name");
    }

    @Test
    void aSaveWritesTheTextAndKeepsTheOldVersionInTheBackupFolder() throws Exception {
        RunbookFolder lib = library();
        RunbookStore.Saved saved =
                lib.save("checks", AFTER, lib.source("checks").hash());

        Path backup = backups.resolve("checks.md.20250301-091530.bak");
        assertThat(saved)
                .isEqualTo(new RunbookStore.Saved(
                        "checks",
                        checks,
                        null,
                        AFTER.length(),
                        ContentHash.sha256(AFTER.getBytes(StandardCharsets.UTF_8))));
        assertThat(Files.readString(checks)).isEqualTo(AFTER);
        assertThat(Files.readString(backup)).isEqualTo(BEFORE);
        assertThat(list(runbooks)).containsExactly(checks);
        assertThat(lib.load("checks").plan().runbook().parts()).hasSizeGreaterThan(2);
        assertThat(lib.source("checks").hash()).isEqualTo(saved.hash());
    }

    @Test
    void aFileChangedSinceItWasOpenedIsNotOverwritten() throws Exception {
        RunbookFolder lib = library();
        String opened = lib.source("checks").hash();
        lib.save("checks", AFTER, lib.source("checks").hash()); // someone else saves first
        String theirs = Files.readString(checks);

        assertThatThrownBy(() -> lib.save("checks", BEFORE + "my change\n", opened))
                .isInstanceOf(RunbookSaveException.class)
                .hasMessage(
                        "'checks' was changed by someone else since you opened it; your text is kept — copy it, reload,"
                                + " and merge. Nothing was saved.")
                .extracting(e -> ((RunbookSaveException) e).problem())
                .isEqualTo(Problem.CHANGED);
        assertThat(Files.readString(checks)).isEqualTo(theirs);
        assertThat(list(backups)).hasSize(1); // only the other save's
    }

    @Test
    void aTextOverTheSizeCapIsRefused() throws Exception {
        Throwable thrown = saving(library(), "checks", "# Big\n" + "x".repeat(1000));
        assertThat(thrown)
                .hasMessage("the text is 1006 bytes; runbooks are limited to 1000 bytes"
                        + " (probebook.runbook.max-bytes). Nothing was saved.");
        assertNothingSaved(Problem.TOO_LARGE, thrown);
    }

    @Test
    void aTextThatDoesNotParseIsRefusedWithTheParsersMessage() throws Exception {
        Throwable nested = saving(library(), "checks", ">".repeat(70) + " deep\n");
        assertThat(nested)
                .hasMessage("the text cannot be read as a runbook: checks nests quotes or lists more than 64 levels"
                        + " deep. Nothing was saved.");
        assertNothingSaved(Problem.INVALID, nested);

        Throwable binary = saving(library(), "checks", "# A\n\u0000\n");
        assertThat(binary).hasMessageContaining("not a text file (it contains NUL bytes)");
        assertNothingSaved(Problem.INVALID, binary);
    }

    @Test
    void namesThatLeaveTheFolderAreRefusedForSaveAndCreate() throws Exception {
        RunbookFolder lib = library();
        for (String name : new String[] {
            "../x", "/etc/passwd", "a/b", "a\\b", "..", "", ".hidden", "x\u0000y", "../runbooks/checks"
        }) {
            assertNothingSaved(Problem.NAME, saving(lib, name, AFTER));
            Throwable created = catchThrowable(() -> lib.create(name, AFTER));
            assertThat(created)
                    .as(name)
                    .hasMessage("not a runbook name: use the file name without .md, no folders. Nothing was saved.");
            assertNothingSaved(Problem.NAME, created);
        }
        assertThat(list(tmp)).containsExactlyInAnyOrder(runbooks); // no x.md next to the folder, no backup folder
    }

    @Test
    void aLinkPointingOutsideIsNotWrittenThrough() throws Exception {
        Path outside = Files.writeString(tmp.resolve("outside.md"), "# outside\n");
        Path link = Files.createSymbolicLink(runbooks.resolve("link.md"), outside);
        Throwable thrown = catchThrowable(() -> library().save("link", AFTER, "any"));
        assertThat(thrown).hasMessageContaining("outside the runbooks folder");
        assertThat(((RunbookSaveException) thrown).problem()).isEqualTo(Problem.NAME);
        assertThat(Files.readString(outside)).isEqualTo("# outside\n");
        assertThat(Files.isSymbolicLink(link)).isTrue();
    }

    @Test
    void aRunbookDeletedSinceItWasOpenedIsNotRecreatedBySave() throws Exception {
        RunbookFolder lib = library();
        String hash = lib.source("checks").hash();
        Files.delete(checks);
        assertThatThrownBy(() -> lib.save("checks", AFTER, hash))
                .hasMessage(
                        "there is no runbook 'checks' any more: it was deleted or renamed since you opened it. Your text is"
                                + " kept: copy it, or save it as a new runbook.");
        assertThat(list(runbooks)).isEmpty();
    }

    @Test
    void aNewRunbookIsCreatedOnceAndNeverOverAnExistingOne() throws Exception {
        RunbookFolder lib = library();
        RunbookStore.Saved saved = lib.create("fresh", AFTER);
        Path fresh = runbooks.resolve("fresh.md");
        assertThat(saved)
                .isEqualTo(new RunbookStore.Saved(
                        "fresh",
                        fresh,
                        null,
                        AFTER.length(),
                        ContentHash.sha256(AFTER.getBytes(StandardCharsets.UTF_8))));
        assertThat(Files.readString(fresh)).isEqualTo(AFTER);
        assertThat(lib.create("typed.md", AFTER).file()).isEqualTo(runbooks.resolve("typed.md"));
        assertThat(lib.list())
                .extracting(RunbookStore.Entry::name)
                .containsExactlyInAnyOrder("checks", "fresh", "typed");

        assertThatThrownBy(() -> lib.create("checks", AFTER))
                .hasMessage(
                        "a runbook named 'checks' already exists; your text is kept — choose another name, or open that"
                                + " runbook and merge. Nothing was saved.")
                .extracting(e -> ((RunbookSaveException) e).problem())
                .isEqualTo(Problem.EXISTS);
        assertThat(Files.readString(checks)).isEqualTo(BEFORE);
        assertThat(list(backups)).isEmpty();
    }

    @Test
    void aDiskThatFillsUpMidWriteLeavesTheOldFileAndNoTemporaryFile() throws Exception {
        RunbookFolder lib = library(new AtomicFile(
                (temp, bytes) -> {
                    Files.write(temp, Arrays.copyOf(bytes, bytes.length / 2));
                    throw new IOException("No space left on device");
                },
                (temp, target) -> {
                    throw new AssertionError("must not rename");
                }));
        Throwable thrown = saving(lib, "checks", AFTER);
        assertThat(thrown)
                .hasMessage("cannot write the new version of " + checks + ": No space left on device. " + checks
                        + " was not changed.");
        assertNothingSaved(Problem.WRITE, thrown);

        Throwable created = catchThrowable(() -> lib.create("fresh", AFTER));
        assertThat(created).hasMessageContaining("No space left on device").hasMessageEndingWith("was not created.");
        assertNothingSaved(Problem.WRITE, created);
    }
}

package dev.probebook.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.probebook.registry.ProbeRegistry;
import dev.probebook.runbook.RunbookException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunbookLibraryTest {

    @TempDir
    Path tmp;

    private RunbookFolder library(Path folder) {
        return new RunbookFolder(folder, 2_000_000, ProbeRegistry.standard());
    }

    @Test
    void listsRunbooksWithTitleTagsDateAndRunnableSteps() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("runbooks"));
        Files.writeString(dir.resolve("checks.md"), """
                ---
                title: Loopback checks
                tags: [net, test]
                date: 2026-11-25
                ---
                # Loopback checks

                ```
                nc -zv {{host}} {{port}}
                ```

                ```
                systemctl restart nginx
                ```
                """);
        Files.writeString(dir.resolve("notes.txt"), "not a runbook");
        var entries = library(dir).list();
        assertThat(entries).hasSize(1);
        var e = entries.get(0);
        assertThat(e.name()).isEqualTo("checks");
        assertThat(e.title()).isEqualTo("Loopback checks");
        assertThat(e.tags()).containsExactly("net", "test");
        assertThat(e.date()).isEqualTo("2026-11-25");
        assertThat(e.runnableSteps()).isEqualTo(1);
        assertThat(library(dir).load("checks").plan().variables())
                .extracting("name")
                .containsExactly("host", "port");
    }

    @Test
    void refusesNamesThatLeaveTheFolder() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("runbooks"));
        Files.writeString(tmp.resolve("secret.md"), "# secret");
        RunbookFolder lib = library(dir);
        for (String name : new String[] {"../secret", "..", "a/b", "a\\b", "/etc/passwd", "", ".hidden", "x\u0000y"}) {
            assertThatThrownBy(() -> lib.load(name)).as(name).isInstanceOf(RunbookException.class);
        }
    }

    @Test
    void refusesALinkPointingOutside() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("runbooks"));
        Path outside = Files.writeString(tmp.resolve("outside.md"), "# outside");
        Files.createSymbolicLink(dir.resolve("link.md"), outside);
        assertThatThrownBy(() -> library(dir).load("link"))
                .isInstanceOf(RunbookException.class)
                .hasMessageContaining("outside");
    }

    @Test
    void unknownNameIsNotFound() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("runbooks"));
        assertThatThrownBy(() -> library(dir).load("nope")).hasMessageContaining("no runbook named 'nope'");
    }

    @Test
    void aParsedRunbookIsKeptUntilItsTextChanges() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("runbooks"));
        Files.writeString(dir.resolve("one.md"), "# One\n\n```\nnc -zv 10.0.0.5 443\n```\n");
        RunbookFolder lib = library(dir);
        RunbookStore.Loaded first = lib.load("one");
        assertThat(lib.load("one")).isSameAs(first);
        lib.list();
        assertThat(lib.load("one")).isSameAs(first);
        Files.writeString(dir.resolve("one.md"), "# One, changed\n");
        assertThat(lib.load("one")).isNotSameAs(first);
        assertThat(lib.load("one").plan().title()).isEqualTo("One, changed");
    }

    @Test
    void aRunbookThatOutrunsTheParseBudgetIsListedWithTheReasonAndRefusedOnSave() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("runbooks"));
        Files.writeString(dir.resolve("slow.md"), "# Slow\n");
        RunbookFolder lib = new RunbookFolder(
                dir, 2_000_000, Duration.ZERO, ProbeRegistry.standard(), tmp.resolve("backups"), Clock.systemUTC());
        assertThat(lib.list())
                .singleElement()
                .satisfies(e ->
                        assertThat(e.problem()).contains("took longer than").contains("parse-budget"));
        String hash = lib.source("slow").hash();
        assertThatThrownBy(() -> lib.save("slow", "# Still slow\n", hash))
                .isInstanceOf(RunbookSaveException.class)
                .hasMessageContaining("took longer than")
                .hasMessageContaining("Nothing was saved");
        assertThat(Files.readString(dir.resolve("slow.md"))).isEqualTo("# Slow\n");
    }
}

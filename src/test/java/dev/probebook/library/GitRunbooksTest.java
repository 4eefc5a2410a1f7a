package dev.probebook.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.probebook.files.FolderChanges;
import dev.probebook.registry.ProbeRegistry;
import dev.probebook.testing.ManualClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runbooks folder as a git repository, on real repositories in temporary folders and a bare repository as the
 * shared remote ({@code file://}): every change a commit by its author, outside changes picked up as such, history
 * followed through renames, failed commits undone, conflicts that keep both texts, nothing lost under concurrent
 * saves, and a broken repository or an unreachable remote that leave the files served.
 */
class GitRunbooksTest {

    private static final Change ADA = new Change("Ada", "ada@example.test", "Add the SYN check");
    private static final Change OTTO = new Change("Otto", "otto@example.test", null);

    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-01T09:00:00Z"));
    private final List<GitRunbooks> opened = new ArrayList<>();

    @AfterEach
    void close() {
        opened.forEach(GitRunbooks::close);
    }

    private GitRunbooks open(Path folder, String remote) {
        RunbookFolder files =
                new RunbookFolder(folder, 1 << 20, Duration.ofSeconds(10), ProbeRegistry.standard(), null, clock);
        LibrarySettings settings =
                new LibrarySettings(remote == null ? "" : remote, "", "", Duration.ofHours(1), Duration.ofSeconds(10));
        GitRunbooks store = GitRunbooks.open(files, 1 << 20, settings, clock);
        opened.add(store);
        return store;
    }

    private static String text(String title, String command) {
        return "# " + title + "\n\n## Check\n\n```\n" + command + "\n```\n";
    }

    private Path folderWith(String name, String... files) throws Exception {
        Path folder = Files.createDirectories(dir.resolve(name));
        for (int i = 0; i < files.length; i += 2) {
            Files.writeString(folder.resolve(files[i]), files[i + 1], StandardCharsets.UTF_8);
        }
        return folder;
    }

    private Path bareRemote() throws Exception {
        Path bare = dir.resolve("shared.git");
        Git.init()
                .setBare(true)
                .setDirectory(bare.toFile())
                .setInitialBranch("main")
                .call()
                .close();
        return bare;
    }

    @Test
    void aPlainFolderBecomesARepositoryWithoutLosingAnything() throws Exception {
        Path folder = folderWith("plain", "port.md", text("Port", "nc -zv 127.0.0.1 22"), "notes.txt", "mine");
        GitRunbooks store = open(folder, null);
        assertThat(store.problem()).isEmpty();
        assertThat(Files.readString(folder.resolve("port.md"))).isEqualTo(text("Port", "nc -zv 127.0.0.1 22"));
        assertThat(Files.readString(folder.resolve("notes.txt"))).isEqualTo("mine");
        List<RunbookVersion> versions = store.versions("port");
        assertThat(versions).hasSize(1);
        assertThat(versions.get(0).subject()).isEqualTo("Imported the runbooks folder into history");
        try (Git git = Git.open(folder.toFile())) {
            assertThat(git.status().call().getUntracked()).containsExactly("notes.txt");
        }
    }

    @Test
    void everyChangeIsACommitByItsAuthorWithItsMessage() throws Exception {
        Path folder = folderWith("saves", "port.md", text("Port", "nc -zv 127.0.0.1 22"));
        GitRunbooks store = open(folder, null);
        String first = store.source("port").hash();
        RunbookStore.Saved saved = store.save("port", text("Port", "nc -zv 127.0.0.1 443"), first, ADA);
        assertThat(saved.version()).hasSize(40);

        List<RunbookVersion> versions = store.versions("port");
        assertThat(versions).extracting(RunbookVersion::author).containsExactly("Ada", "Probebook");
        assertThat(versions.get(0).subject()).isEqualTo("Add the SYN check");
        assertThat(versions.get(0).id()).isEqualTo(saved.version());
        assertThat(store.textAt("port", versions.get(1).id())).isEqualTo(text("Port", "nc -zv 127.0.0.1 22"));
        assertThat(store.lastChanges().get("port").author()).isEqualTo("Ada");

        store.create("dns", text("DNS", "nslookup example.test 127.0.0.1"), OTTO);
        assertThat(store.versions("dns").get(0).subject()).isEqualTo("Created dns.md");
        assertThat(store.versions("dns").get(0).author()).isEqualTo("Otto");
    }

    @Test
    void historyFollowsARenameAndStaysAfterADelete() throws Exception {
        Path folder = folderWith("moves", "port.md", text("Port", "nc -zv 127.0.0.1 22"));
        GitRunbooks store = open(folder, null);
        store.save(
                "port",
                text("Port", "nc -zv 127.0.0.1 80"),
                store.source("port").hash(),
                ADA);
        RunbookStore.Saved renamed =
                store.rename("port", "ports", store.source("port").hash(), OTTO);
        assertThat(renamed.name()).isEqualTo("ports");
        assertThat(folder.resolve("port.md")).doesNotExist();

        List<RunbookVersion> versions = store.versions("ports");
        assertThat(versions).hasSize(3);
        assertThat(versions.get(0).subject()).isEqualTo("Renamed port.md to ports.md");
        assertThat(versions.get(2).path()).isEqualTo("port.md");
        assertThat(store.textAt("ports", versions.get(2).id())).contains("nc -zv 127.0.0.1 22");

        store.delete("ports", store.source("ports").hash(), OTTO);
        assertThat(store.list()).isEmpty();
        try (Git git = Git.open(folder.toFile())) {
            assertThat(git.log().call().iterator().next().getFullMessage()).isEqualTo("Deleted ports.md");
        }
    }

    @Test
    void filesChangedOutsideTheAppAreCommittedAsSuch() throws Exception {
        Path folder = folderWith("outside", "port.md", text("Port", "nc -zv 127.0.0.1 22"));
        GitRunbooks store = open(folder, null);
        Files.writeString(folder.resolve("port.md"), text("Port", "nc -zv 127.0.0.1 8080"));
        Files.writeString(folder.resolve("copied.md"), text("Copied", "ping -c 1 127.0.0.1"));
        clock.advance(Duration.ofSeconds(5));
        assertThat(store.list()).extracting(RunbookStore.Entry::name).contains("port", "copied");

        RunbookVersion outside = store.versions("port").get(0);
        assertThat(outside.outside()).isTrue();
        assertThat(outside.author()).isEqualTo("outside Probebook");
        assertThat(outside.subject()).contains("copied.md", "port.md");
    }

    /**
     * A status of the working tree runs only after the folder's events say something changed (or once
     * {@link FolderChanges#UNREPORTED} passed), and every outside change is still committed.
     */
    @Test
    void theStatusRunsOnlyAfterTheFolderChangedAndOutsideChangesAreCommittedEachTime() throws Exception {
        Path folder = folderWith("outside-again", "port.md", text("Port", "nc -zv 127.0.0.1 22"));
        GitRunbooks store = open(folder, null);
        int before = store.versions("port").size();
        long statuses = store.statusesRun();
        for (int i = 0; i < 3; i++) {
            clock.advance(Duration.ofSeconds(5));
            assertThat(store.versions("port"))
                    .as("nothing changed: no new version")
                    .hasSize(before + i);
            assertThat(store.statusesRun()).as("nothing changed: no status").isEqualTo(statuses);
            Files.writeString(folder.resolve("port.md"), text("Port", "nc -zv 127.0.0.1 " + (9000 + i)));
            clock.advance(Duration.ofSeconds(5));
            List<RunbookVersion> versions = store.versions("port");
            assertThat(versions).hasSize(before + i + 1);
            assertThat(versions.get(0).outside()).isTrue();
            assertThat(store.statusesRun()).isEqualTo(++statuses);
        }
        clock.advance(FolderChanges.UNREPORTED);
        store.versions("port");
        assertThat(store.statusesRun())
                .as("once a minute whatever the events say")
                .isEqualTo(statuses + 1);
    }

    @Test
    void aChangeWhoseCommitFailsIsUndoneAndSaysWhy() throws Exception {
        Path folder = folderWith("locked", "port.md", text("Port", "nc -zv 127.0.0.1 22"));
        GitRunbooks store = open(folder, null);
        String hash = store.source("port").hash();
        Files.writeString(folder.resolve(".git/index.lock"), "another git is at work");
        assertThatThrownBy(() -> store.save("port", text("Port", "nc -zv 127.0.0.1 9"), hash, ADA))
                .isInstanceOf(RunbookSaveException.class)
                .hasMessageContaining("Nothing was saved")
                .extracting(e -> ((RunbookSaveException) e).problem())
                .isEqualTo(RunbookSaveException.Problem.HISTORY);
        assertThat(Files.readString(folder.resolve("port.md"))).isEqualTo(text("Port", "nc -zv 127.0.0.1 22"));
    }

    @Test
    void aBrokenRepositoryLeavesTheRunbooksServedAndRefusesChanges() throws Exception {
        Path folder = folderWith("broken", "port.md", text("Port", "nc -zv 127.0.0.1 22"));
        Files.writeString(folder.resolve(".git"), "gitdir: /nowhere/at/all\n");
        GitRunbooks store = open(folder, null);
        assertThat(store.problem()).hasValueSatisfying(p -> assertThat(p).contains("serving the files"));
        assertThat(store.list()).extracting(RunbookStore.Entry::name).containsExactly("port");
        assertThat(store.load("port").plan().steps()).hasSize(1);
        assertThatThrownBy(() -> store.save(
                        "port", text("Port", "x"), store.source("port").hash(), ADA))
                .isInstanceOf(RunbookSaveException.class)
                .extracting(e -> ((RunbookSaveException) e).problem())
                .isEqualTo(RunbookSaveException.Problem.HISTORY);
        assertThat(Files.readString(folder.resolve(".git"))).isEqualTo("gitdir: /nowhere/at/all\n");
    }

    @Test
    void twoServersShareOneRemoteAndASaveFromAnOldVersionIsAConflictThatKeepsBothTexts() throws Exception {
        Path bare = bareRemote();
        String url = bare.toUri().toString();
        GitRunbooks east = open(folderWith("east", "port.md", text("Port", "nc -zv 127.0.0.1 22")), url);
        GitRunbooks west = open(dir.resolve("west"), url); // an empty folder: cloned
        assertThat(west.problem()).isEmpty();
        assertThat(west.source("port").text()).isEqualTo(text("Port", "nc -zv 127.0.0.1 22"));

        String opened = west.source("port").hash();
        east.save(
                "port",
                text("Port", "nc -zv 127.0.0.1 443"),
                east.source("port").hash(),
                ADA);
        RunbookSaveException conflict = org.junit.jupiter.api.Assertions.assertThrows(
                RunbookSaveException.class,
                () -> west.save("port", text("Port", "nc -zv 127.0.0.1 8443"), opened, OTTO));
        assertThat(conflict.problem()).isEqualTo(RunbookSaveException.Problem.CHANGED);
        assertThat(conflict.theirs()).contains("nc -zv 127.0.0.1 443");
        assertThat(west.source("port").text()).as("pulled before the save").contains("443");

        // a change to another runbook goes through: the newer shared work is merged under it first
        east.create("dns", text("DNS", "dig @127.0.0.1 example.test"), ADA);
        west.save(
                "port",
                text("Port", "nc -zv 127.0.0.1 8443"),
                west.source("port").hash(),
                OTTO);
        east.sync();
        assertThat(east.source("port").text()).contains("8443");
        assertThat(west.list()).extracting(RunbookStore.Entry::name).contains("dns");
        try (Git git = Git.open(bare.toFile())) {
            assertThat(git.log().call())
                    .extracting(c -> c.getAuthorIdent().getName())
                    .contains("Ada", "Otto");
        }
    }

    @Test
    void manyConcurrentSavesOnTwoServersLoseNoEdit() throws Exception {
        Path bare = bareRemote();
        String url = bare.toUri().toString();
        GitRunbooks east = open(folderWith("east", "log.md", text("Log", "nc -zv 127.0.0.1 1")), url);
        GitRunbooks west = open(dir.resolve("west"), url);
        List<String> saved = Collections.synchronizedList(new ArrayList<>());
        int writers = 6;
        int savesEach = 4;
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(writers)) {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                GitRunbooks store = w % 2 == 0 ? east : west;
                int writer = w;
                done.add(pool.submit(() -> {
                    start.await();
                    int made = 0;
                    while (made < savesEach) {
                        RunbookStore.Source base = store.source("log");
                        String next = base.text() + "\nwriter " + writer + " edit " + made + "\n";
                        try {
                            store.save("log", next, base.hash(), new Change("w" + writer, null, null));
                            saved.add("writer " + writer + " edit " + made);
                            made++;
                        } catch (RunbookSaveException e) {
                            // someone else saved first: their text is there; edit on top of it, as a person would
                            assertThat(e.problem())
                                    .isIn(RunbookSaveException.Problem.CHANGED, RunbookSaveException.Problem.REMOTE);
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        }
        east.sync();
        west.sync();
        String finalText = east.source("log").text();
        assertThat(west.source("log").text()).isEqualTo(finalText);
        assertThat(saved).hasSize(writers * savesEach);
        for (String edit : saved) {
            assertThat(finalText)
                    .as("every save that succeeded is in the final text")
                    .contains(edit);
        }
        assertThat(east.versions("log")).hasSize(writers * savesEach + 1);
    }

    @Test
    void anUnreachableRemoteLeavesTheRunbooksServedAndSaysSo() throws Exception {
        Path folder = folderWith("alone", "port.md", text("Port", "nc -zv 127.0.0.1 22"));
        GitRunbooks store =
                open(folder, dir.resolve("no-such-remote.git").toUri().toString());
        assertThat(store.problem()).hasValueSatisfying(p -> assertThat(p).contains("shared remote"));
        assertThat(store.list()).extracting(RunbookStore.Entry::name).containsExactly("port");
        String hash = store.source("port").hash();
        assertThatThrownBy(() -> store.save("port", text("Port", "nc -zv 127.0.0.1 9"), hash, ADA))
                .isInstanceOf(RunbookSaveException.class)
                .hasMessageContaining("your text is kept");
        assertThat(Files.readString(folder.resolve("port.md"))).isEqualTo(text("Port", "nc -zv 127.0.0.1 22"));
    }

    @Test
    void frontMatterThatDoesNotParseIsRefused() throws Exception {
        Path folder = folderWith("front", "port.md", text("Port", "nc -zv 127.0.0.1 22"));
        GitRunbooks store = open(folder, null);
        String bad = "---\ntitle: [unclosed\n---\n" + text("Port", "nc -zv 127.0.0.1 22");
        assertThatThrownBy(() -> store.save("port", bad, store.source("port").hash(), ADA))
                .isInstanceOf(RunbookSaveException.class)
                .hasMessageContaining("front matter");
        assertThat(store.versions("port")).hasSize(1);
    }
}

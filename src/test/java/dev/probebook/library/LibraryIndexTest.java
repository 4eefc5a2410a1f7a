package dev.probebook.library;

import static org.assertj.core.api.Assertions.assertThat;

import dev.probebook.files.FolderChanges;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LibraryIndexTest {

    @TempDir
    Path folder;

    private final AtomicInteger reads = new AtomicInteger();

    private RunbookStore.Entry entry(String name) {
        reads.incrementAndGet();
        String text;
        try {
            text = Files.readString(folder.resolve(name + ".md")).strip();
        } catch (IOException e) {
            text = "gone";
        }
        return new RunbookStore.Entry(name, text, List.of(), null, 1, null, null, null, "h-" + name);
    }

    private static List<String> names(List<RunbookStore.Entry> entries) {
        return entries.stream().map(RunbookStore.Entry::name).toList();
    }

    @Test
    void onlyNewAndChangedFilesAreReadAgain() throws Exception {
        Files.writeString(folder.resolve("a.md"), "# A\n");
        Files.writeString(folder.resolve("b.md"), "# B\n");
        Files.writeString(folder.resolve("notes.txt"), "not a runbook");
        LibraryIndex index = new LibraryIndex(folder, this::entry);
        assertThat(names(index.list())).containsExactly("a", "b");
        assertThat(reads).hasValue(2);
        index.list();
        assertThat(reads).as("nothing changed: nothing read").hasValue(2);

        Files.writeString(folder.resolve("b.md"), "# B, longer now\n");
        Files.writeString(folder.resolve("c.md"), "# C\n");
        Files.delete(folder.resolve("a.md"));
        assertThat(names(index.list())).containsExactly("b", "c");
        assertThat(reads).hasValue(4);

        index.forget("c");
        index.list();
        assertThat(reads).as("forgotten after the app wrote it").hasValue(5);
    }

    @Test
    void theListingIsKeptWhileTheFolderDoesNotChange() throws Exception {
        Files.writeString(folder.resolve("a.md"), "# A\n");
        LibraryIndex index = new LibraryIndex(folder, this::entry);
        List<RunbookStore.Entry> first = index.list();
        assertThat(index.list()).as("the same listing, not made again").isSameAs(first);

        Files.writeString(folder.resolve("other.txt"), "a file that is not a runbook");
        List<RunbookStore.Entry> afterChange = index.list();
        assertThat(afterChange).as("looked at again after a change").isNotSameAs(first);
        assertThat(afterChange).isEqualTo(first);
        assertThat(index.list()).isSameAs(afterChange);
    }

    /** What the kernel does not report is seen once the kept listing is a minute old. */
    @Test
    void aListingIsKeptAtMostAMinuteWhateverTheEventsSay() throws Exception {
        Files.writeString(folder.resolve("a.md"), "A");
        AtomicBoolean changed = new AtomicBoolean(true);
        AtomicLong now = new AtomicLong();
        LibraryIndex index = new LibraryIndex(folder, this::entry, () -> changed.getAndSet(false), now::get);
        assertThat(names(index.list())).containsExactly("a");
        Files.writeString(folder.resolve("b.md"), "B"); // a change no event tells of
        assertThat(names(index.list())).as("kept: nothing said it changed").containsExactly("a");
        now.addAndGet(FolderChanges.UNREPORTED.toNanos() - 1);
        assertThat(names(index.list())).containsExactly("a");
        now.addAndGet(1);
        assertThat(names(index.list())).as("a minute old: looked at again").containsExactly("a", "b");
        Files.writeString(folder.resolve("c.md"), "C");
        changed.set(true);
        assertThat(names(index.list())).as("told of a change").containsExactly("a", "b", "c");
    }

    /** Visits at the same time wait for a slow runbook together, not one after another behind a lock. */
    @Test
    void listingsAtTheSameTimeWaitTogether() throws Exception {
        Files.writeString(folder.resolve("slow.md"), "S");
        CountDownLatch release = new CountDownLatch(1);
        LibraryIndex index = new LibraryIndex(folder, slowUntil(release, "slow"));
        List<Thread> visits = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            visits.add(Thread.ofPlatform().start(index::list));
        }
        // all four at once in the wait for the file being read (a visit held at the lock would be BLOCKED)
        long deadline = System.nanoTime() + LibraryIndex.WAIT.toNanos();
        while (!visits.stream().allMatch(v -> v.getState() == Thread.State.TIMED_WAITING)) {
            assertThat(System.nanoTime()).as("all four waiting together").isLessThan(deadline);
            Thread.sleep(1);
        }
        release.countDown();
        for (Thread v : visits) {
            v.join();
        }
    }

    /**
     * A listing that began before a change another visit saw is not kept, even when that visit made none (here the
     * folder was moved away): the change's event is used, so nothing else would tell.
     */
    @Test
    void aListingBegunBeforeAChangeIsNotKept() throws Exception {
        Path library = Files.createDirectory(folder.resolve("library"));
        Files.writeString(library.resolve("slow.md"), "S");
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean changed = new AtomicBoolean(true);
        LibraryIndex index =
                new LibraryIndex(library, slowUntil(release, "slow"), () -> changed.getAndSet(false), System::nanoTime);
        List<List<RunbookStore.Entry>> first = new ArrayList<>();
        Thread begun = Thread.ofPlatform().start(() -> first.add(index.list()));
        while (begun.getState() != Thread.State.TIMED_WAITING) {
            Thread.sleep(1);
        }
        Files.move(library, folder.resolve("moved"));
        changed.set(true);
        assertThat(index.list()).as("the folder is gone").isEmpty();
        release.countDown();
        begun.join();
        assertThat(names(first.getFirst())).containsExactly("slow");
        assertThat(index.list()).as("not the older listing").isEmpty();
    }

    /** Reads {@code slow} only once {@code release} is counted down. */
    private Function<String, RunbookStore.Entry> slowUntil(CountDownLatch release, String slow) {
        return n -> {
            if (n.equals(slow)) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return entry(n);
        };
    }

    /** Each change on disk shows in a listing made right after it, with no wait: the kernel queued its event first. */
    @Test
    void aChangeOnDiskShowsInTheNextListing() throws Exception {
        LibraryIndex index = new LibraryIndex(folder, this::entry);
        Path a = folder.resolve("a.md");
        for (int i = 0; i < 50; i++) {
            Files.writeString(a, "v" + i % 10);
            assertThat(index.list())
                    .singleElement()
                    .extracting(RunbookStore.Entry::title)
                    .isEqualTo("v" + i % 10);
            // same size, same content length: only the modification time tells
            Files.writeString(a, "w" + i % 10);
            Files.setLastModifiedTime(a, FileTime.fromMillis(1_000_000L * (i + 1)));
            assertThat(index.list())
                    .singleElement()
                    .extracting(RunbookStore.Entry::title)
                    .isEqualTo("w" + i % 10);
            Path b = folder.resolve("b.md");
            Files.move(a, b, StandardCopyOption.ATOMIC_MOVE);
            assertThat(names(index.list())).containsExactly("b");
            Files.move(b, a, StandardCopyOption.ATOMIC_MOVE);
            Files.delete(a);
            assertThat(index.list()).isEmpty();
        }
    }

    @Test
    void aFolderDeletedAndMadeAgainIsWatchedAgain() throws Exception {
        Path library = folder.resolve("library");
        Files.createDirectory(library);
        Files.writeString(library.resolve("a.md"), "A");
        LibraryIndex index = new LibraryIndex(library, this::entry);
        assertThat(names(index.list())).containsExactly("a");
        Files.delete(library.resolve("a.md"));
        Files.delete(library);
        assertThat(index.list()).isEmpty();
        Files.createDirectory(library);
        Files.writeString(library.resolve("b.md"), "B");
        assertThat(names(index.list())).containsExactly("b");
        List<RunbookStore.Entry> kept = index.list();
        assertThat(index.list()).isSameAs(kept);
        Files.writeString(library.resolve("c.md"), "C");
        assertThat(names(index.list())).containsExactly("b", "c");
    }

    @Test
    void aRunbookSlowToReadDoesNotHoldUpTheList() throws Exception {
        Files.writeString(folder.resolve("fast.md"), "# Fast\n");
        Files.writeString(folder.resolve("slow.md"), "# Slow\n");
        CountDownLatch release = new CountDownLatch(1);
        Function<String, RunbookStore.Entry> read = n -> {
            if (n.equals("slow")) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return entry(n);
        };
        LibraryIndex index = new LibraryIndex(folder, read);
        long t = System.nanoTime();
        List<RunbookStore.Entry> first = index.list();
        assertThat((System.nanoTime() - t) / 1_000_000).isLessThan(LibraryIndex.WAIT.toMillis() + 1_000);
        assertThat(first)
                .filteredOn(e -> e.name().equals("slow"))
                .singleElement()
                .extracting(RunbookStore.Entry::problem)
                .isEqualTo(LibraryIndex.BEING_READ);
        assertThat(first)
                .filteredOn(e -> e.name().equals("fast"))
                .singleElement()
                .extracting(e -> e.problem())
                .isNull();
        release.countDown();
        Thread.sleep(100);
        assertThat(index.list())
                .as("a listing with a runbook still being read is not kept")
                .filteredOn(e -> e.name().equals("slow"))
                .singleElement()
                .extracting(RunbookStore.Entry::title)
                .isEqualTo("# Slow");
    }
}

package dev.probebook.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LibraryIndexTest {

    @TempDir
    Path folder;

    private static RunbookStore.Entry entry(String name) {
        return new RunbookStore.Entry(name, "Title " + name, List.of(), null, 1, null, null, null, "h-" + name);
    }

    @Test
    void onlyNewAndChangedFilesAreReadAgain() throws Exception {
        Files.writeString(folder.resolve("a.md"), "# A\n");
        Files.writeString(folder.resolve("b.md"), "# B\n");
        Files.writeString(folder.resolve("notes.txt"), "not a runbook");
        AtomicInteger reads = new AtomicInteger();
        Function<String, RunbookStore.Entry> read = n -> {
            reads.incrementAndGet();
            return entry(n);
        };
        LibraryIndex index = new LibraryIndex();
        assertThat(index.list(folder, read))
                .extracting(RunbookStore.Entry::name)
                .containsExactly("a", "b");
        assertThat(reads).hasValue(2);
        index.list(folder, read);
        assertThat(reads).as("nothing changed: nothing read").hasValue(2);

        Files.writeString(folder.resolve("b.md"), "# B, longer now\n");
        Files.writeString(folder.resolve("c.md"), "# C\n");
        Files.delete(folder.resolve("a.md"));
        assertThat(index.list(folder, read))
                .extracting(RunbookStore.Entry::name)
                .containsExactly("b", "c");
        assertThat(reads).hasValue(4);

        index.forget("c");
        index.list(folder, read);
        assertThat(reads).as("forgotten after the app wrote it").hasValue(5);
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
        LibraryIndex index = new LibraryIndex();
        long t = System.nanoTime();
        List<RunbookStore.Entry> first = index.list(folder, read);
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
        assertThat(index.list(folder, read))
                .filteredOn(e -> e.name().equals("slow"))
                .singleElement()
                .extracting(RunbookStore.Entry::title)
                .isEqualTo("Title slow");
    }
}

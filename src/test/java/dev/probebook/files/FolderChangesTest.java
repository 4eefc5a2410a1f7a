package dev.probebook.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderChangesTest {

    @TempDir
    Path folder;

    @Test
    void saysChangedOncePerChange() throws Exception {
        try (FolderChanges changes = FolderChanges.watch(folder)) {
            assertThat(changes.watching()).isTrue();
            assertThat(changes.changed()).as("nothing known yet").isTrue();
            assertThat(changes.changed()).isFalse();
            Path file = folder.resolve("a.md");
            Files.writeString(file, "a");
            assertThat(changes.changed()).isTrue();
            assertThat(changes.changed()).isFalse();
            Files.setLastModifiedTime(file, Files.getLastModifiedTime(file));
            assertThat(changes.changed()).as("touched").isTrue();
            Files.delete(file);
            assertThat(changes.changed()).isTrue();
            assertThat(changes.changed()).isFalse();
            Files.createDirectory(folder.resolve("sub"));
            Files.writeString(folder.resolve("sub").resolve("deeper.md"), "only the folder itself is watched");
            assertThat(changes.changed()).as("the folder got a sub-folder").isTrue();
            assertThat(changes.changed()).isFalse();
        }
    }

    @Test
    void aFolderReplacedIsWatchedAgain() throws Exception {
        Path library = folder.resolve("library");
        Files.createDirectory(library);
        try (FolderChanges changes = FolderChanges.watch(library)) {
            changes.changed();
            Files.delete(library);
            assertThat(changes.changed()).isTrue();
            assertThat(changes.changed())
                    .as("cannot tell while the folder is gone")
                    .isTrue();
            Files.createDirectory(library);
            assertThat(changes.changed())
                    .as("watched again: this call cannot tell")
                    .isTrue();
            assertThat(changes.watching()).isTrue();
            assertThat(changes.changed()).isFalse();
            Files.writeString(library.resolve("a.md"), "a");
            assertThat(changes.changed()).isTrue();
        }
    }

    @Test
    void aFolderMovedAwayWithAnotherMovedInIsWatchedAgain() throws Exception {
        Path library = Files.createDirectory(folder.resolve("library"));
        Path next = Files.createDirectory(folder.resolve("next"));
        String oldInode = Long.toHexString((Long) Files.getAttribute(library, "unix:ino"));
        try (FolderChanges changes = FolderChanges.watch(library)) {
            assertThat(watchedInodes()).contains(oldInode);
            changes.changed();
            Files.move(library, folder.resolve("old"));
            Files.move(next, library);
            assertThat(changes.changed()).isTrue();
            assertThat(changes.changed())
                    .as("watching the folder now at the path")
                    .isFalse();
            Files.writeString(library.resolve("a.md"), "a");
            assertThat(changes.changed()).isTrue();
            Files.writeString(folder.resolve("old").resolve("b.md"), "b");
            assertThat(changes.changed())
                    .as("the old folder is not watched any more")
                    .isFalse();
        }
        assertThat(watchedInodes())
                .as("the watch that followed the old folder was removed too")
                .doesNotContain(oldInode);
    }

    /** After the kernel's queue overflowed, every watcher says changed and watches on. */
    @Test
    void aQueueOverflowTellsEveryWatcher() throws Exception {
        // readAllLines: readString of a /proc file, whose size says 0, gave only its first byte
        long limit = Long.parseLong(Files.readAllLines(Path.of("/proc/sys/fs/inotify/max_queued_events"))
                .getFirst()
                .strip());
        assumeTrue(limit <= 1_000_000, "a queue this long takes too many events to fill");
        Path busy = Files.createDirectory(folder.resolve("busy"));
        Path quiet = Files.createDirectory(folder.resolve("quiet"));
        Path[] files = {Files.writeString(busy.resolve("a.md"), "a"), Files.writeString(busy.resolve("b.md"), "b")};
        try (FolderChanges busyChanges = FolderChanges.watch(busy);
                FolderChanges quietChanges = FolderChanges.watch(quiet)) {
            busyChanges.changed();
            quietChanges.changed();
            for (long i = 0; i <= limit + 10; i++) { // two files in turn: the kernel merges only repeated events
                Files.setLastModifiedTime(files[(int) (i % 2)], FileTime.fromMillis(1_000_000L + i));
            }
            assertThat(quietChanges.changed())
                    .as("events were lost: it cannot tell")
                    .isTrue();
            assertThat(busyChanges.changed()).isTrue();
            assertThat(quietChanges.changed()).isFalse();
            Files.writeString(quiet.resolve("c.md"), "c");
            assertThat(quietChanges.changed()).as("watching on").isTrue();
        }
    }

    @Test
    void aLinkPointedAtAnotherFolderIsFollowed() throws Exception {
        Path one = Files.createDirectory(folder.resolve("one"));
        Path two = Files.createDirectory(folder.resolve("two"));
        Path link = Files.createSymbolicLink(folder.resolve("runbooks"), one);
        try (FolderChanges changes = FolderChanges.watch(link)) {
            changes.changed();
            Files.delete(link);
            Files.createSymbolicLink(link, two);
            assertThat(changes.changed()).as("no event: the file key tells").isTrue();
            Files.writeString(two.resolve("a.md"), "a");
            assertThat(changes.changed()).isTrue();
            assertThat(changes.changed()).isFalse();
        }
    }

    @Test
    void closedItAlwaysSaysChanged() throws Exception {
        FolderChanges changes = FolderChanges.watch(folder);
        changes.changed();
        changes.close();
        assertThat(changes.changed()).isTrue();
        assertThat(changes.watching()).isFalse();
    }

    /** A user has 128 inotify instances by default; the watches share one, so hundreds of folders are fine. */
    @Test
    void hundredsOfFoldersShareOneInstance() throws Exception {
        List<FolderChanges> all = new ArrayList<>();
        FolderChanges.watch(folder).close(); // the JVM's instance exists from here on
        long instances = inotifyInstances();
        try {
            for (int i = 0; i < 300; i++) {
                Path f = Files.createDirectory(folder.resolve("f" + i));
                FolderChanges c = FolderChanges.watch(f);
                assertThat(c.watching()).isTrue();
                c.changed();
                all.add(c);
            }
            Files.writeString(folder.resolve("f7").resolve("x.md"), "x");
            assertThat(all.get(7).changed()).isTrue();
            assertThat(all.get(8).changed()).as("another folder").isFalse();
            assertThat(inotifyInstances()).as("no instance of their own").isEqualTo(instances);
        } finally {
            all.forEach(FolderChanges::close);
        }
    }

    /** The inodes (in hex) the inotify instances of this JVM watch, as the kernel lists them. */
    private static List<String> watchedInodes() throws Exception {
        List<String> inodes = new ArrayList<>();
        for (Path fd : inotifyDescriptors()) {
            for (String line : Files.readAllLines(Path.of("/proc/self/fdinfo").resolve(fd.getFileName()))) {
                Matcher m = WATCH_LINE.matcher(line);
                if (m.find()) {
                    inodes.add(m.group(1));
                }
            }
        }
        return inodes;
    }

    private static final Pattern WATCH_LINE = Pattern.compile("^inotify wd:\\S+ ino:([0-9a-f]+)");

    private static long inotifyInstances() throws Exception {
        return inotifyDescriptors().size();
    }

    private static List<Path> inotifyDescriptors() throws Exception {
        try (var fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.filter(fd -> {
                        try {
                            return Files.readSymbolicLink(fd).toString().equals("anon_inode:inotify");
                        } catch (Exception e) {
                            return false; // closed since listed
                        }
                    })
                    .toList();
        }
    }

    @Test
    void twoWatchersOfOneFolderEachSeeTheChangeAndOneClosingLeavesTheOther() throws Exception {
        try (FolderChanges one = FolderChanges.watch(folder);
                FolderChanges two = FolderChanges.watch(folder)) {
            one.changed();
            two.changed();
            Files.writeString(folder.resolve("a.md"), "a");
            assertThat(one.changed()).isTrue();
            assertThat(two.changed()).isTrue();
            one.close();
            Files.writeString(folder.resolve("b.md"), "b");
            assertThat(two.changed()).isTrue();
            assertThat(two.changed()).isFalse();
        }
    }
}

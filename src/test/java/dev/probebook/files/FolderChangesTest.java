package dev.probebook.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
        try (FolderChanges changes = FolderChanges.watch(library)) {
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

    private static long inotifyInstances() throws Exception {
        try (var fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.filter(fd -> {
                        try {
                            return Files.readSymbolicLink(fd).toString().equals("anon_inode:inotify");
                        } catch (Exception e) {
                            return false; // closed since listed
                        }
                    })
                    .count();
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

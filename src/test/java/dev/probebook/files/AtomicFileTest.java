package dev.probebook.files;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replacing and creating files whole or not at all; the hosts-file specifics are in HostsFileEditorTest. */
class AtomicFileTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T09:15:30Z"), ZoneOffset.UTC);
    private static final byte[] OLD = "old version\n".getBytes(UTF_8);
    private static final byte[] NEW = "new version\nwith more lines\n".getBytes(UTF_8);

    @TempDir
    Path dir;
    /** {@code folder/notes.md} holding {@link #OLD}; backups go to {@code backups} next to the folder. */
    Path folder, file, backups;

    @BeforeEach
    void writeFile() throws IOException {
        folder = Files.createDirectory(dir.resolve("folder"));
        backups = dir.resolve("backups");
        file = Files.write(folder.resolve("notes.md"), OLD);
    }

    static List<Path> list(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(folder)) {
            return s.sorted().toList();
        }
    }

    /** The file as it was, nothing else in its folder (no temporary file) and no backup. */
    private void assertUntouched() throws IOException {
        assertThat(Files.readAllBytes(file)).isEqualTo(OLD);
        assertThat(list(folder)).containsExactly(file);
        assertThat(list(backups)).isEmpty();
    }

    private static AtomicFile failingWith(IOException e) {
        return new AtomicFile(
                (temp, bytes) -> {
                    Files.write(temp, Arrays.copyOf(bytes, bytes.length / 2)); // half written, then the failure
                    throw e;
                },
                (temp, target) -> {
                    throw new AssertionError("must not rename");
                });
    }

    @Test
    void replaceWritesTheNewVersionAndReturnsABackupOfTheOldOne() throws Exception {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        Path backup = new AtomicFile().replace(file, NEW, backups, CLOCK);

        assertThat(backup).isEqualTo(backups.resolve("notes.md.20250301-091530.bak"));
        assertThat(Files.readAllBytes(backup)).isEqualTo(OLD);
        assertThat(Files.readAllBytes(file)).isEqualTo(NEW);
        assertThat(list(folder)).containsExactly(file);
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-r-----"));
        // no wider than the file, and for its owner only: the backup folder is private
        assertThat(Files.getPosixFilePermissions(backup)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(backups)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
    }

    @Test
    void theUpdateSeesTheCurrentBytesAndCanRefuseThem() throws Exception {
        AtomicFile files = new AtomicFile();
        Path backup = files.replace(
                file, current -> (new String(current, UTF_8) + "appended\n").getBytes(UTF_8), backups, CLOCK);
        assertThat(Files.readString(file)).isEqualTo("old version\nappended\n");
        assertThat(Files.readAllBytes(backup)).isEqualTo(OLD);

        Files.write(file, OLD);
        assertThatThrownBy(() -> new AtomicFile()
                        .replace(
                                file,
                                current -> {
                                    throw new FileChangedException(file, "not the expected content");
                                },
                                dir.resolve("other-backups"),
                                CLOCK))
                .isInstanceOf(FileChangedException.class)
                .hasMessage("not the expected content");
        assertThat(Files.readAllBytes(file)).isEqualTo(OLD);
        assertThat(list(dir.resolve("other-backups"))).isEmpty();
    }

    @Test
    void aChangeDuringTheWriteIsCaughtBeforeTheRename() throws Exception {
        byte[] theirs = "someone else's version\n".getBytes(UTF_8);
        AtomicFile files = new AtomicFile(
                (temp, bytes) -> {
                    AtomicFile.writeDurably(temp, bytes);
                    Files.write(file, theirs);
                },
                (temp, target) -> {
                    throw new AssertionError("must not rename");
                });
        assertThatThrownBy(() -> files.replace(file, NEW, backups, CLOCK))
                .isInstanceOf(FileChangedException.class)
                .hasMessage(file + " changed while the new version was being written. Nothing was written.");
        assertThat(Files.readAllBytes(file)).isEqualTo(theirs);
        assertThat(list(folder)).containsExactly(file);
        assertThat(list(backups)).isEmpty();
    }

    @Test
    void aDiskThatFillsUpWhileWritingLeavesTheFileIntact() throws Exception {
        assertThatThrownBy(() ->
                        failingWith(new IOException("No space left on device")).replace(file, NEW, backups, CLOCK))
                .isInstanceOf(FileWriteException.class)
                .hasMessage("cannot write the new version of " + file + ": No space left on device. " + file
                        + " was not changed.");
        assertUntouched();
    }

    @Test
    void aFileThatMayNotBeWrittenSaysHowToAllowIt() throws Exception {
        assertThatThrownBy(() -> failingWith(new AccessDeniedException("x")).replace(file, NEW, backups, CLOCK))
                .hasMessage("cannot write " + file
                        + ": Permission denied. Probebook must run as root or be given write access"
                        + " to the file and its folder " + folder
                        + " (it writes the new version next to the file and renames it"
                        + " over). " + file + " was not changed.");
        assertUntouched();
    }

    @Test
    void aFileThatIsGoneIsNotRecreated() throws Exception {
        Files.delete(file);
        assertThatThrownBy(() -> new AtomicFile().replace(file, NEW, backups, CLOCK))
                .hasMessage("cannot read " + file + ": No such file or directory. Nothing was written.");
        assertThat(list(folder)).isEmpty();
    }

    @Test
    void aSymbolicLinkStaysAndTheFileItPointsToIsReplaced() throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("link.md"), file);
        Path backup = new AtomicFile().replace(link, NEW, backups, CLOCK);
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readAllBytes(file)).isEqualTo(NEW);
        assertThat(backup.getFileName()).hasToString("link.md.20250301-091530.bak");
    }

    @Test
    void createWritesANewFileWithTheFolderDefaultPermissions() throws Exception {
        Path created = folder.resolve("new.md");
        new AtomicFile().create(created, NEW);

        assertThat(Files.readAllBytes(created)).isEqualTo(NEW);
        assertThat(list(folder)).containsExactly(created, file);
        Path plain = Files.createFile(dir.resolve("plain")); // what the umask gives a new file
        assertThat(Files.getPosixFilePermissions(created)).isEqualTo(Files.getPosixFilePermissions(plain));
    }

    @Test
    void createNeverReplacesAFileOrALink() throws Exception {
        assertThatThrownBy(() -> new AtomicFile().create(file, NEW))
                .isInstanceOf(FileChangedException.class)
                .hasMessage(file + " already exists. Nothing was written.");
        Path dangling = Files.createSymbolicLink(folder.resolve("dangling.md"), dir.resolve("nowhere"));
        assertThatThrownBy(() -> new AtomicFile().create(dangling, NEW)).isInstanceOf(FileChangedException.class);
        assertThat(Files.exists(dir.resolve("nowhere"))).isFalse();
        assertThat(Files.readAllBytes(file)).isEqualTo(OLD);
        assertThat(list(folder)).containsExactly(dangling, file);
    }

    @Test
    void createLosesTheRaceToAFileMadeMeanwhileWithoutTouchingIt() throws Exception {
        Path created = folder.resolve("new.md");
        AtomicFile files = new AtomicFile(
                (temp, bytes) -> {
                    AtomicFile.writeDurably(temp, bytes);
                    Files.write(created, OLD); // another program creates the same name
                },
                (temp, target) -> {
                    throw new AssertionError("create does not rename");
                });
        assertThatThrownBy(() -> files.create(created, NEW)).isInstanceOf(FileChangedException.class);
        assertThat(Files.readAllBytes(created)).isEqualTo(OLD);
        assertThat(list(folder)).containsExactly(created, file);
    }

    @Test
    void createOnAFullDiskLeavesNoFileBehind() throws Exception {
        Path created = folder.resolve("new.md");
        assertThatThrownBy(() ->
                        failingWith(new IOException("No space left on device")).create(created, NEW))
                .isInstanceOf(FileWriteException.class)
                .hasMessage("cannot write " + created + ": No space left on device. " + created + " was not created.");
        assertUntouched();
    }
}

package dev.probebook.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.probebook.files.AtomicFile;
import dev.probebook.net.HostsFileEditor.Mode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Applying a preview on real files: the write, the backup, and every way it can fail without harm. */
class HostsFileEditorTest {

    private static final String BEFORE = "127.0.0.1 localhost\n10.0.0.9 app.example.com\n";
    private static final String AFTER = "127.0.0.1 localhost\n10.0.0.5 app.example.com\n";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T09:15:30Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    Path etc;
    Path hosts;
    Path backups;

    @BeforeEach
    void writeHostsFile() throws Exception {
        etc = Files.createDirectory(dir.resolve("etc"));
        hosts = Files.writeString(etc.resolve("hosts"), BEFORE);
        Files.setPosixFilePermissions(hosts, PosixFilePermissions.fromString("rw-r--r--"));
        backups = dir.resolve("data/backups");
    }

    private HostsEdit moveApp() throws IOException {
        return HostsFileEditor.preview(hosts, "10.0.0.5", List.of("app.example.com"), Mode.ADD_OR_MOVE);
    }

    private void assertUntouched(String content) throws IOException {
        NotWritten.assertNotWritten(hosts, content, backups);
    }

    private static List<Path> list(Path folder) throws IOException {
        return NotWritten.list(folder);
    }

    @Test
    void theEditIsWrittenWithABackupOfThePreviousVersion() throws Exception {
        HostsWriteResult r = new HostsFileEditor().apply(moveApp(), backups, CLOCK);

        assertThat(Files.readString(hosts)).isEqualTo(AFTER);
        assertThat(r).isEqualTo(new HostsWriteResult(hosts, backups.resolve("hosts.20250301-091530.bak"), 1, 1));
        assertThat(Files.readString(r.backup())).isEqualTo(BEFORE);
        assertThat(list(etc)).containsExactly(hosts);
        assertThat(Files.getPosixFilePermissions(hosts)).isEqualTo(PosixFilePermissions.fromString("rw-r--r--"));
    }

    @Test
    void permissionsAndGroupOfTheFileArePreserved() throws Exception {
        Files.setPosixFilePermissions(hosts, PosixFilePermissions.fromString("rw-r-----"));
        GroupPrincipal group = null;
        try {
            group = hosts.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByGroupName("daemon");
            Files.getFileAttributeView(hosts, PosixFileAttributeView.class).setGroup(group);
        } catch (IOException e) {
            // no such group, or not root: the permission bits are still checked
        }
        HostsWriteResult r = new HostsFileEditor().apply(moveApp(), backups, CLOCK);

        assertThat(Files.getPosixFilePermissions(hosts)).isEqualTo(PosixFilePermissions.fromString("rw-r-----"));
        // the copy in the private data folder is for its owner only (it was world-readable before)
        assertThat(Files.getPosixFilePermissions(r.backup())).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        if (group != null) {
            assertThat(Files.readAttributes(hosts, PosixFileAttributes.class).group())
                    .isEqualTo(group);
        }
    }

    @Test
    void aSymbolicLinkStaysAndTheFileItPointsToIsReplaced() throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("hosts-link"), hosts);
        HostsEdit edit = HostsFileEditor.preview(link, "10.0.0.5", List.of("app.example.com"), Mode.ADD_OR_MOVE);
        HostsWriteResult r = new HostsFileEditor().apply(edit, backups, CLOCK);

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(hosts)).isEqualTo(AFTER);
        assertThat(r.backup().getFileName()).hasToString("hosts-link.20250301-091530.bak");
    }

    @Test
    void backupsInTheSameSecondGetTheirOwnNamesAndNoneIsOverwritten() throws Exception {
        Files.createDirectories(backups);
        Files.writeString(backups.resolve("hosts.20250301-091530.1.bak"), "older");
        HostsFileEditor editor = new HostsFileEditor();

        Path first = editor.apply(moveApp(), backups, CLOCK).backup();
        Path second = editor.apply(
                        HostsFileEditor.preview(hosts, "10.0.0.6", List.of("b.example.com"), Mode.APPEND),
                        backups,
                        CLOCK)
                .backup();
        Path third = editor.apply(
                        HostsFileEditor.preview(hosts, "10.0.0.7", List.of("c.example.com"), Mode.APPEND),
                        backups,
                        CLOCK)
                .backup();

        assertThat(List.of(first, second, third))
                .extracting(p -> p.getFileName().toString())
                .containsExactly(
                        "hosts.20250301-091530.bak", "hosts.20250301-091530.2.bak", "hosts.20250301-091530.3.bak");
        assertThat(Files.readString(backups.resolve("hosts.20250301-091530.1.bak")))
                .isEqualTo("older");
        assertThat(Files.readString(first)).isEqualTo(BEFORE);
        assertThat(Files.readString(second)).isEqualTo(AFTER);
        assertThat(Files.readString(third)).isEqualTo(AFTER + "10.0.0.6 b.example.com\n");
        assertThat(Files.readString(hosts)).isEqualTo(AFTER + "10.0.0.6 b.example.com\n10.0.0.7 c.example.com\n");
    }

    @Test
    void aFileChangedSinceThePreviewIsNotWritten() throws Exception {
        HostsEdit edit = moveApp();
        String edited = BEFORE + "10.0.0.1 someone-else.example.com\n";
        Files.writeString(hosts, edited);

        assertThatThrownBy(() -> new HostsFileEditor().apply(edit, backups, CLOCK))
                .isInstanceOf(HostsWriteException.class)
                .hasMessage(hosts + " changed since the preview. Nothing was written: preview the change again.");
        assertUntouched(edited);
    }

    @Test
    void theSamePreviewCannotBeAppliedTwice() throws Exception {
        HostsEdit edit = HostsFileEditor.preview(hosts, "10.0.0.6", List.of("b.example.com"), Mode.APPEND);
        new HostsFileEditor().apply(edit, backups, CLOCK);
        assertThatThrownBy(() -> new HostsFileEditor().apply(edit, backups, CLOCK))
                .hasMessageContaining("changed since the preview");
        assertThat(Files.readString(hosts)).isEqualTo(BEFORE + "10.0.0.6 b.example.com\n");
    }

    @Test
    void aChangeDuringTheWriteIsCaughtBeforeTheRename() throws Exception {
        String edited = BEFORE + "# edited meanwhile\n";
        HostsFileEditor editor = new HostsFileEditor(
                (temp, bytes) -> {
                    AtomicFile.writeDurably(temp, bytes);
                    Files.writeString(hosts, edited); // another program writes the file while we do
                },
                (temp, target) -> {
                    throw new AssertionError("must not rename");
                });
        assertThatThrownBy(() -> editor.apply(moveApp(), backups, CLOCK))
                .hasMessageContaining("changed since the preview");
        assertUntouched(edited);
    }

    @Test
    void nothingToChangeWritesNothing() throws Exception {
        FileTime modified = Files.getLastModifiedTime(hosts);
        HostsEdit edit = HostsFileEditor.preview(hosts, "10.0.0.9", List.of("app.example.com"), Mode.ADD_OR_MOVE);
        assertThat(new HostsFileEditor().apply(edit, backups, CLOCK))
                .isEqualTo(new HostsWriteResult(hosts, null, 0, 0));
        assertThat(Files.getLastModifiedTime(hosts)).isEqualTo(modified);
        assertUntouched(BEFORE);
    }

    @Test
    void aDiskThatFillsUpWhileWritingLeavesTheFileIntact() throws Exception {
        HostsFileEditor editor = new HostsFileEditor(
                (temp, bytes) -> {
                    Files.write(temp, Arrays.copyOf(bytes, bytes.length / 2));
                    throw new IOException("No space left on device");
                },
                (temp, target) -> {
                    throw new AssertionError("must not rename");
                });
        assertThatThrownBy(() -> editor.apply(moveApp(), backups, CLOCK))
                .isInstanceOf(HostsWriteException.class)
                .hasMessage("cannot write the new version of " + hosts + ": No space left on device. " + hosts
                        + " was not changed.");
        assertUntouched(BEFORE);
    }

    @Test
    void aFileThatMayNotBeWrittenSaysHowToAllowIt() throws Exception {
        HostsFileEditor editor = new HostsFileEditor(
                (temp, bytes) -> {
                    throw new AccessDeniedException(temp.toString());
                },
                (temp, target) -> {
                    throw new AssertionError("must not rename");
                });
        assertThatThrownBy(() -> editor.apply(moveApp(), backups, CLOCK))
                .isInstanceOf(HostsWriteException.class)
                .hasMessage("cannot write " + hosts
                        + ": Permission denied. Probebook must run as root or be given write access"
                        + " to the file and its folder " + etc
                        + " (it writes the new version next to the file and renames it"
                        + " over). " + hosts + " was not changed.");
        assertUntouched(BEFORE);
    }

    @Test
    void aBindMountedFileThatCannotBeRenamedOverIsReported() throws Exception {
        HostsFileEditor editor = new HostsFileEditor(AtomicFile::writeDurably, (temp, target) -> {
            throw new FileSystemException(temp.toString(), target.toString(), "Device or resource busy");
        });
        assertThatThrownBy(() -> editor.apply(moveApp(), backups, CLOCK))
                .isInstanceOf(HostsWriteException.class)
                .hasMessageStartingWith(
                        "cannot replace " + hosts + " atomically (Device or resource busy): it is a mount point")
                .hasMessageContaining(hosts + " was not changed.");
        assertUntouched(BEFORE);
    }

    @Test
    void aBackupFolderThatCannotBeCreatedStopsTheWrite() throws Exception {
        Path notADir = Files.writeString(dir.resolve("data"), "a file");
        Path under = notADir.resolve("backups");
        assertThatThrownBy(() -> new HostsFileEditor().apply(moveApp(), under, CLOCK))
                .isInstanceOf(HostsWriteException.class)
                .hasMessageStartingWith("cannot back up " + hosts + " to " + under + ": ")
                .hasMessageEndingWith("Nothing was written: " + hosts + " was not changed.");
        assertThatThrownBy(() -> new HostsFileEditor().apply(moveApp(), notADir, CLOCK))
                .hasMessage("cannot back up " + hosts + " to " + notADir + ": " + notADir + " is not a directory."
                        + " Nothing was written: " + hosts + " was not changed.");
        assertUntouched(BEFORE);
    }

    @Test
    void aHostsFileThatIsGoneIsNotRecreated() throws Exception {
        HostsEdit edit = moveApp();
        Files.delete(hosts);
        assertThatThrownBy(() -> new HostsFileEditor().apply(edit, backups, CLOCK))
                .isInstanceOf(HostsWriteException.class)
                .hasMessage("cannot read " + hosts + ": No such file or directory. Nothing was written.");
        assertThat(list(etc)).isEmpty();
    }

    @Test
    void crlfAndUtf8ContentIsWrittenByteForByte() throws Exception {
        String crlf = "127.0.0.1 localhost\r\n# 서버 목록\r\n10.0.0.9 app.example.com";
        Files.writeString(hosts, crlf);
        HostsEdit edit = HostsFileEditor.preview(hosts, "2001:db8::5", List.of("한국.example"), Mode.APPEND);
        new HostsFileEditor().apply(edit, backups, CLOCK);
        assertThat(Files.readAllBytes(hosts))
                .isEqualTo((crlf + "\r\n2001:db8::5 xn--3e0b707e.example\r\n").getBytes(StandardCharsets.UTF_8));
    }
}

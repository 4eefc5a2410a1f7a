package dev.probebook.net;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.probebook.net.HostsFileEditor.Mode;
import dev.probebook.testing.Mounts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real failures, which root only meets through mounts: a bind-mounted hosts file, a read-only file system, a full disk. */
@Tag("privileged")
class HostsFileEditorMountTest {

    private static final String BEFORE = "127.0.0.1 localhost\n10.0.0.9 app.example.com\n";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T09:15:30Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private static HostsEdit moveApp(Path hosts) throws Exception {
        return HostsFileEditor.preview(hosts, "10.0.0.5", List.of("app.example.com"), Mode.ADD_OR_MOVE);
    }

    @Test
    void aBindMountedFileCannotBeReplacedAndStaysAsItWas() throws Exception {
        Path etc = Files.createDirectory(dir.resolve("etc"));
        Path hosts = Files.writeString(etc.resolve("hosts"), "placeholder\n");
        Path source = Files.writeString(dir.resolve("hosts-on-the-host"), BEFORE);
        Path backups = dir.resolve("backups");
        try (Mounts mounts = new Mounts()) {
            mounts.bind(source, hosts);
            assertThatThrownBy(() -> new HostsFileEditor().apply(moveApp(hosts), backups, CLOCK))
                    .isInstanceOf(HostsWriteException.class)
                    .hasMessageStartingWith(
                            "cannot replace " + hosts + " atomically (Device or resource busy): it is a mount point")
                    .hasMessageEndingWith(hosts
                            + " was not changed. Edit the file where it is mounted from (on the container's host).");
            NotWritten.assertNotWritten(hosts, BEFORE, backups);
        }
    }

    @Test
    void aReadOnlyFileSystemIsReported() throws Exception {
        Path etc = Files.createDirectory(dir.resolve("etc"));
        Path hosts = Files.writeString(etc.resolve("hosts"), BEFORE);
        Path backups = dir.resolve("backups");
        try (Mounts mounts = new Mounts()) {
            mounts.readOnly(etc);
            assertThatThrownBy(() -> new HostsFileEditor().apply(moveApp(hosts), backups, CLOCK))
                    .isInstanceOf(HostsWriteException.class)
                    .hasMessage(
                            "cannot write " + hosts + ": Read-only file system (the file system holding it is mounted"
                                    + " read-only). " + hosts + " was not changed.");
            NotWritten.assertNotWritten(hosts, BEFORE, backups);
        }
    }

    @Test
    void aReallyFullDiskLeavesTheFileIntact() throws Exception {
        Path etc = Files.createDirectory(dir.resolve("etc"));
        Path backups = dir.resolve("backups");
        try (Mounts mounts = new Mounts()) {
            mounts.tmpfs(etc, "16k");
            Path hosts = Files.writeString(etc.resolve("hosts"), BEFORE + "# padding " + "x".repeat(5000) + "\n");
            String before = Files.readString(hosts);
            Files.write(etc.resolve("filler"), new byte[4096]);
            assertThatThrownBy(() -> new HostsFileEditor().apply(moveApp(hosts), backups, CLOCK))
                    .isInstanceOf(HostsWriteException.class)
                    .hasMessage("cannot write the new version of " + hosts + ": No space left on device. " + hosts
                            + " was not changed.");
            NotWritten.assertNotWritten(hosts, before, backups, etc.resolve("filler"));
        }
    }
}

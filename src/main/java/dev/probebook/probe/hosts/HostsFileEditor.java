package dev.probebook.probe.hosts;

import dev.probebook.files.FileErrors;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The guarded write of the hosts file: {@link #preview} shows exactly what would change, {@link #apply}
 * writes that preview and nothing else.
 *
 * <p>Safety contract of {@link #apply}: the file is replaced as a whole or not at all. The new version is
 * written to a temporary file in the same folder, forced to disk, given the original's owner and
 * permissions, and renamed over the file (atomic on POSIX); a backup of the previous version is kept. On
 * any failure the temporary file is removed and the original is untouched: never partly written, never
 * lost. The file is a symbolic link? The file it points to is replaced and the link stays.
 *
 * <p>Threading: {@link #preview} is pure apart from reading the file. {@link #apply} is serialised for the
 * whole JVM, so of two edits previewed on the same content only the first is written and the second finds
 * the file changed. Programs outside the JVM do not lock the hosts file; the content is checked once more
 * right before the rename, which narrows that window to the rename itself.
 */
public final class HostsFileEditor {

    /** How the mapping goes in: like editing the line in an editor, or like {@code echo "..." >> /etc/hosts}. */
    public enum Mode {
        /** The names move to the address: other lines of the same family lose them. */
        ADD_OR_MOVE,
        /** A line is added at the end; names that already resolve elsewhere keep doing so (see the notes). */
        APPEND
    }

    /** Writes the new content into the (empty) temporary file and forces it to disk. Injectable for tests. */
    @FunctionalInterface
    interface TempWriter {
        void write(Path temp, byte[] bytes) throws IOException;
    }

    /** Puts the temporary file in place of the target in one step. Injectable for tests. */
    @FunctionalInterface
    interface Replacer {
        void replace(Path temp, Path target) throws IOException;
    }

    private static final ReentrantLock WRITES = new ReentrantLock(); // not synchronized: it is held across I/O
    private static final DateTimeFormatter BACKUP_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final int MAX_BACKUPS_PER_SECOND = 1000;

    private final TempWriter writer;
    private final Replacer replacer;

    public HostsFileEditor() {
        this(HostsFileEditor::writeDurably,
                (temp, target) -> Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING));
    }

    HostsFileEditor(TempWriter writer, Replacer replacer) {
        this.writer = writer;
        this.replacer = replacer;
    }

    /**
     * What writing {@code ADDRESS NAME...} into the file would change. An edit with no changes means the
     * mapping is already there.
     *
     * @throws IllegalArgumentException the address or a name is not valid (the message says which and why)
     * @throws IOException              the file cannot be read (a missing file included)
     */
    public static HostsEdit preview(Path hostsFile, String address, List<String> names, Mode mode) throws IOException {
        HostsMapping mapping = HostsMapping.of(address, names);
        return HostsEditPlan.of(hostsFile, Files.readAllBytes(hostsFile), mapping, mode);
    }

    /**
     * Writes a preview, keeping a backup of the previous version in {@code backupDir} (created if needed)
     * as {@code NAME.YYYYMMDD-HHMMSS.bak}, {@code NAME.YYYYMMDD-HHMMSS.1.bak}, ... in the clock's time zone.
     * An edit with nothing to change writes nothing and makes no backup.
     *
     * @throws HostsWriteException nothing was written: the file changed since the preview, or it, its
     *                             folder or the backup folder cannot be written
     */
    public HostsWriteResult apply(HostsEdit edit, Path backupDir, Clock clock) throws HostsWriteException {
        Path path = edit.path();
        if (edit.nothingToChange()) {
            return new HostsWriteResult(path, null, 0, 0);
        }
        WRITES.lock();
        try {
            Path target;
            byte[] current;
            PosixFileAttributes attributes;
            try {
                target = path.toRealPath();
                current = Files.readAllBytes(target);
                attributes = Files.readAttributes(target, PosixFileAttributes.class);
            } catch (IOException e) {
                throw new HostsWriteException("cannot read " + path + ": " + FileErrors.reason(e) + ". Nothing was written.", e);
            }
            if (!HostsText.hash(current).equals(edit.hash())) {
                throw changedSincePreview(path);
            }
            byte[] bytes = edit.newText().getBytes(HostsText.decode(current).charset());
            Path backup = backup(path, current, attributes, backupDir, clock);
            Path temp = null;
            String step = "write the new version of";
            try {
                temp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".probebook");
                writer.write(temp, bytes);
                step = "give the new version the owner and permissions of";
                copyOwnerAndPermissions(attributes, temp);
                if (!Arrays.equals(Files.readAllBytes(target), current)) {
                    deleteQuietly(temp, backup);
                    throw changedSincePreview(path);
                }
                step = "replace";
                replacer.replace(temp, target);
            } catch (IOException e) {
                deleteQuietly(temp, backup);
                throw failure(path, step, e);
            }
            syncDirectory(target.getParent());
            return new HostsWriteResult(path, backup, edit.added(), edit.removed());
        } finally {
            WRITES.unlock();
        }
    }

    private static HostsWriteException changedSincePreview(Path path) {
        return new HostsWriteException(path + " changed since the preview. Nothing was written: preview the change again.", null);
    }

    private static HostsWriteException failure(Path path, String step, IOException e) {
        String reason = FileErrors.reason(e);
        String notChanged = " " + path + " was not changed.";
        if (step.equals("replace") && (reason.equals("Device or resource busy") || e instanceof AtomicMoveNotSupportedException)) {
            return new HostsWriteException("cannot replace " + path + " atomically (" + reason + "): it is a mount point, such as"
                    + " the bind mount a container gets for /etc/hosts, and a mount point cannot be renamed over."
                    + notChanged + " Edit the file where it is mounted from (on the container's host).", e);
        }
        if (reason.equals("Read-only file system")) {
            return new HostsWriteException("cannot write " + path + ": Read-only file system (the file system holding it is"
                    + " mounted read-only)." + notChanged, e);
        }
        if (FileErrors.isNotWritable(e)) {
            return new HostsWriteException("cannot write " + path + ": " + reason + ". Probebook must run as root or be given"
                    + " write access to the file and its folder " + path.toAbsolutePath().getParent() + " (it writes the new"
                    + " version next to the file and renames it over)." + notChanged, e);
        }
        return new HostsWriteException("cannot " + step + " " + path + ": " + reason + "." + notChanged, e);
    }

    // --- steps -----------------------------------------------------------------------------------

    /** A new backup file holding {@code bytes}, never one that exists already; forced to disk. */
    private static Path backup(Path path, byte[] bytes, PosixFileAttributes attributes, Path backupDir, Clock clock)
            throws HostsWriteException {
        String stem = path.getFileName() + "." + BACKUP_TIME.format(LocalDateTime.now(clock));
        try {
            Files.createDirectories(backupDir);
            for (int n = 0; n < MAX_BACKUPS_PER_SECOND; n++) {
                Path backup = backupDir.resolve(stem + (n == 0 ? "" : "." + n) + ".bak");
                try {
                    write(backup, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                    Files.setPosixFilePermissions(backup, attributes.permissions()); // no wider than the file itself
                } catch (FileAlreadyExistsException e) {
                    continue; // an older backup: never overwritten
                } catch (IOException e) {
                    deleteQuietly(backup);
                    throw e;
                }
                syncDirectory(backupDir);
                return backup;
            }
            throw new IOException(MAX_BACKUPS_PER_SECOND + " backups already exist for " + stem);
        } catch (IOException e) {
            String reason = e instanceof FileAlreadyExistsException f ? f.getFile() + " is not a directory" : FileErrors.reason(e);
            throw new HostsWriteException("cannot back up " + path + " to " + backupDir + ": " + reason
                    + ". Nothing was written: " + path + " was not changed.", e);
        }
    }

    static void writeDurably(Path temp, byte[] bytes) throws IOException {
        write(temp, bytes, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
    }

    private static void write(Path file, byte[] bytes, OpenOption... options) throws IOException {
        try (FileChannel ch = FileChannel.open(file, options)) {
            ByteBuffer b = ByteBuffer.wrap(bytes);
            while (b.hasRemaining()) {
                ch.write(b);
            }
            ch.force(true);
        }
    }

    private static void copyOwnerAndPermissions(PosixFileAttributes original, Path temp) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(temp, PosixFileAttributeView.class);
        PosixFileAttributes now = view.readAttributes();
        if (!now.owner().equals(original.owner())) {
            view.setOwner(original.owner());
        }
        if (!now.group().equals(original.group())) {
            view.setGroup(original.group());
        }
        view.setPermissions(original.permissions()); // after chown, which may clear bits
    }

    /** Makes a rename or a new file in the folder durable. Best effort: the change itself has been made. */
    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // not every file system lets a folder be opened or synced
        }
    }

    private static void deleteQuietly(Path... files) {
        for (Path f : files) {
            try {
                if (f != null) {
                    Files.deleteIfExists(f);
                }
            } catch (IOException e) {
                // the original is intact; a stray temporary file is the lesser harm
            }
        }
    }
}

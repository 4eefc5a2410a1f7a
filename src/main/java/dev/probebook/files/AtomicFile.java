package dev.probebook.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Writes a file as a whole or not at all: {@link #replace} (with a backup of the previous version) and
 * {@link #create}. The files the web app changes (the hosts file, runbooks) go through here.
 *
 * <p>Safety contract: the new version is written to a temporary file in the same folder, forced to disk,
 * and then put in place in one step (a rename over the file, or a hard link for a new one; atomic on
 * POSIX). On any failure the temporary file and the backup of this attempt are removed and the file is
 * untouched: never partly written, never lost. {@link FileWriteException}'s message says why in plain
 * words (a full disk, a read-only file system, no permission, a bind-mounted file).
 *
 * <ul>
 *   <li>A replaced file keeps its owner, group and permissions; its backup gets the same permissions
 *       (no wider than the file itself).</li>
 *   <li>The file is a symbolic link? The file it points to is replaced and the link stays.</li>
 *   <li>The new content is made from the current one under the lock ({@link Update}), and the file is
 *       compared once more right before the rename: a file changed meanwhile is not overwritten
 *       ({@link FileChangedException}).</li>
 * </ul>
 *
 * <p>Threading: writes are serialised for the whole JVM (one lock for every file), so of two edits based
 * on the same content only the first is written. Programs outside the JVM take no lock; the re-check right
 * before the rename narrows that window to the rename itself.
 */
public final class AtomicFile {

    /** Writes the new content into the (empty) temporary file and forces it to disk. Injectable for tests. */
    @FunctionalInterface
    public interface TempWriter {
        void write(Path temp, byte[] bytes) throws IOException;
    }

    /** Puts the temporary file in place of the target in one step. Injectable for tests. */
    @FunctionalInterface
    public interface Replacer {
        void replace(Path temp, Path target) throws IOException;
    }

    /**
     * Makes the new content from the file's current bytes, or refuses with {@link FileChangedException}
     * when they are not what the caller based its edit on. Called once, under the lock, before anything is
     * written.
     */
    @FunctionalInterface
    public interface Update {
        byte[] apply(byte[] current) throws FileChangedException;
    }

    private static final ReentrantLock WRITES = new ReentrantLock(); // not synchronized: it is held across I/O
    private static final DateTimeFormatter BACKUP_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final int MAX_BACKUPS_PER_SECOND = 1000;
    private static final String REPLACED = " (it writes the new version next to the file and renames it over)";
    private static final String CREATED = " (it writes the new file there under a temporary name first)";

    private final TempWriter writer;
    private final Replacer replacer;

    public AtomicFile() {
        this(
                AtomicFile::writeDurably,
                (temp, target) ->
                        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING));
    }

    /** With other steps, for fault tests: a writer that fills the disk half way, a rename that fails. */
    public AtomicFile(TempWriter writer, Replacer replacer) {
        this.writer = writer;
        this.replacer = replacer;
    }

    /** Replaces the file with {@code content} whatever it holds now; see {@link #replace(Path, Update, Path, Clock)}. */
    public Path replace(Path target, byte[] content, Path backupDir, Clock clock) throws FileWriteException {
        return replace(target, current -> content, backupDir, clock);
    }

    /**
     * Replaces an existing file (never creates one), keeping a backup of the previous version in
     * {@code backupDir} (created if needed) as {@code NAME.YYYYMMDD-HHMMSS.bak}, {@code NAME.YYYYMMDD-HHMMSS.1.bak},
     * ... in the clock's time zone, {@code NAME} being the file name as given (the link's, for a link); no backup
     * when {@code backupDir} is null (the caller keeps versions elsewhere, such as git).
     *
     * @return the backup, or null
     * @throws FileChangedException the update refused the current content, or the file changed while the
     *                              new version was being written; nothing was written
     * @throws FileWriteException   nothing was written: the file, its folder or the backup folder cannot be
     *                              read or written
     */
    public Path replace(Path path, Update update, Path backupDir, Clock clock) throws FileWriteException {
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
                throw new FileWriteException(
                        "cannot read " + path + ": " + FileErrors.reason(e) + ". Nothing was written.", e);
            }
            byte[] bytes = update.apply(current);
            Path backup = backupDir == null ? null : backup(path, current, attributes, backupDir, clock);
            Path temp = null;
            String step = "write the new version of";
            try {
                temp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".probebook");
                writer.write(temp, bytes);
                step = "give the new version the owner and permissions of";
                copyOwnerAndPermissions(attributes, temp);
                if (!Arrays.equals(Files.readAllBytes(target), current)) {
                    deleteQuietly(temp, backup);
                    throw new FileChangedException(
                            path, path + " changed while the new version was being written. Nothing was written.");
                }
                step = "replace";
                replacer.replace(temp, target);
            } catch (IOException e) {
                deleteQuietly(temp, backup);
                throw failure(path, step, e, " " + path + " was not changed.", REPLACED);
            }
            syncDirectory(target.getParent());
            return backup;
        } finally {
            WRITES.unlock();
        }
    }

    /**
     * Creates a file that does not exist yet, whole or not at all. It gets the permissions a new file gets
     * in its folder (the process umask). Needs a file system with hard links (every Linux one does): the
     * new file is linked in place, which, unlike a rename, never replaces a file of that name.
     *
     * @throws FileChangedException a file (or link) of that name exists; nothing was written
     * @throws FileWriteException   nothing was written (the message says why)
     */
    public void create(Path path, byte[] content) throws FileWriteException {
        Path dir = path.toAbsolutePath().getParent();
        WRITES.lock();
        try {
            if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
                throw exists(path);
            }
            Path temp = null;
            String step = "write";
            try {
                temp = dir.resolve("." + path.getFileName() + "."
                        + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()) + ".probebook");
                Files.createFile(temp); // not createTempFile: that one is private to the owner (0600)
                writer.write(temp, content);
                step = "create";
                Files.createLink(path, temp);
            } catch (FileAlreadyExistsException e) {
                if (step.equals("create")) {
                    throw exists(path);
                }
                throw failure(path, step, e, " " + path + " was not created.", CREATED);
            } catch (IOException e) {
                throw failure(path, step, e, " " + path + " was not created.", CREATED);
            } finally {
                deleteQuietly(temp); // after the link the new file has its own name; this one goes either way
            }
            syncDirectory(dir);
        } finally {
            WRITES.unlock();
        }
    }

    private static FileChangedException exists(Path path) {
        return new FileChangedException(path, path + " already exists. Nothing was written.");
    }

    private static FileWriteException failure(Path path, String step, IOException e, String notDone, String how) {
        String reason = FileErrors.reason(e);
        if (step.equals("replace")
                && (reason.equals("Device or resource busy") || e instanceof AtomicMoveNotSupportedException)) {
            return new FileWriteException(
                    "cannot replace " + path + " atomically (" + reason + "): it is a mount point, such as"
                            + " the bind mount a container gets for /etc/hosts, and a mount point cannot be renamed over."
                            + notDone + " Edit the file where it is mounted from (on the container's host).",
                    e);
        }
        if (reason.equals("Read-only file system")) {
            return new FileWriteException(
                    "cannot write " + path + ": Read-only file system (the file system holding it is"
                            + " mounted read-only)." + notDone,
                    e);
        }
        if (FileErrors.isNotWritable(e)) {
            return new FileWriteException(
                    "cannot write " + path + ": " + reason + ". Probebook must run as root or be given"
                            + " write access to the file and its folder "
                            + path.toAbsolutePath().getParent() + how + "." + notDone,
                    e);
        }
        return new FileWriteException("cannot " + step + " " + path + ": " + reason + "." + notDone, e);
    }

    // --- steps -----------------------------------------------------------------------------------

    /** A new backup file holding {@code bytes}, never one that exists already; forced to disk. */
    private static Path backup(Path path, byte[] bytes, PosixFileAttributes attributes, Path backupDir, Clock clock)
            throws FileWriteException {
        String stem = path.getFileName() + "." + BACKUP_TIME.format(LocalDateTime.now(clock));
        try {
            PrivateFiles.directory(backupDir);
            for (int n = 0; n < MAX_BACKUPS_PER_SECOND; n++) {
                Path backup = backupDir.resolve(stem + (n == 0 ? "" : "." + n) + ".bak");
                try {
                    write(backup, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                    // no wider than the file itself, and only for its owner: backups sit in the private data folder
                    Set<PosixFilePermission> perms = EnumSet.noneOf(PosixFilePermission.class);
                    perms.addAll(attributes.permissions());
                    perms.retainAll(PrivateFiles.FILE);
                    Files.setPosixFilePermissions(backup, perms);
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
            String reason = e instanceof FileAlreadyExistsException f
                    ? f.getFile() + " is not a directory"
                    : FileErrors.reason(e);
            throw new FileWriteException(
                    "cannot back up " + path + " to " + backupDir + ": " + reason + ". Nothing was written: " + path
                            + " was not changed.",
                    e);
        }
    }

    /** The default {@link TempWriter}: writes all bytes into the existing, empty file and forces them to disk. */
    public static void writeDurably(Path temp, byte[] bytes) throws IOException {
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

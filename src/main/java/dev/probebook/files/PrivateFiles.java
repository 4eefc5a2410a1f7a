package dev.probebook.files;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The data directory is private to the user the app runs as: the audit log, raw packet captures (written as root)
 * and copies of the hosts file and of runbooks are nobody else's business. Directories are made {@code 0700} and
 * files {@code 0600} whatever the umask, and an existing directory or file with wider rights is narrowed. On a file
 * system without POSIX permissions this does nothing.
 */
public final class PrivateFiles {

    public static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private static final boolean POSIX =
            FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private PrivateFiles() {}

    /** Creates {@code dir} (and missing parents) and makes it private; returns it. */
    public static Path directory(Path dir) throws IOException {
        Files.createDirectories(dir);
        if (POSIX) {
            Files.setPosixFilePermissions(dir, DIRECTORY);
        }
        return dir;
    }

    /** Narrows an existing file to its owner. */
    public static void file(Path file) throws IOException {
        if (POSIX && Files.exists(file)) {
            Files.setPosixFilePermissions(file, FILE);
        }
    }

    /** The attributes to create a private file with (none where POSIX permissions do not exist). */
    public static FileAttribute<?>[] onCreate() {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)} : new FileAttribute<?>[0];
    }

    /** Creates an empty private file (it must not exist yet). */
    public static Path createFile(Path file) throws IOException {
        Files.createFile(file, onCreate());
        if (POSIX) {
            Files.setPosixFilePermissions(file, FILE); // whatever the umask did
        }
        return file;
    }
}

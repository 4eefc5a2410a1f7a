package dev.probebook.files;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * The reason of a file error in the words of the C library ({@code strerror}), for messages that already
 * name the file. Java keeps the reason of most errors but drops it for the ones it maps to their own
 * exception class (EACCES, ENOENT, EEXIST, ENOTDIR), so those get it back here.
 */
public final class FileErrors {

    private FileErrors() {}

    public static String reason(IOException e) {
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return switch (e) {
            case AccessDeniedException x -> "Permission denied";
            case NoSuchFileException x -> "No such file or directory";
            case FileAlreadyExistsException x -> "File exists";
            case NotDirectoryException x -> "Not a directory";
            default -> e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        };
    }

    /** True for the errors that mean "this process may not write here" rather than a fault of the disk. */
    public static boolean isNotWritable(IOException e) {
        String reason = reason(e);
        return reason.equals("Permission denied")
                || reason.equals("Operation not permitted")
                || reason.equals("Read-only file system");
    }
}

package dev.probebook.files;

import java.nio.file.Path;

/**
 * The file is not what the writer based its new content on (someone else changed it, or a file to be
 * created exists already), so nothing was written. Callers usually replace the message with one in their
 * own terms ("changed since the preview", "changed by someone else since you opened it").
 */
public class FileChangedException extends FileWriteException {

    private final Path file;

    public FileChangedException(Path file, String message) {
        super(message, null);
        this.file = file;
    }

    /** The file as the caller named it. */
    public Path file() {
        return file;
    }
}

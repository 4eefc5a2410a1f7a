package dev.probebook.net;

import dev.probebook.files.AtomicFile;
import dev.probebook.files.ContentHash;
import dev.probebook.files.FileChangedException;
import dev.probebook.files.FileWriteException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * The guarded write of the hosts file: {@link #preview} shows exactly what would change, {@link #apply}
 * writes that preview and nothing else.
 *
 * <p>Safety contract of {@link #apply}: that of {@link AtomicFile#replace}. The file is replaced as a whole
 * or not at all, with a backup of the previous version, keeping its owner and permissions; on any failure
 * it is untouched. A symbolic link stays and the file it points to is replaced.
 *
 * <p>Threading: {@link #preview} is pure apart from reading the file. {@link #apply} is serialised for the
 * whole JVM ({@link AtomicFile}'s lock), so of two edits previewed on the same content only the first is
 * written and the second finds the file changed. Programs outside the JVM do not lock the hosts file; the
 * content is checked once more right before the rename, which narrows that window to the rename itself.
 */
public final class HostsFileEditor {

    /** How the mapping goes in: like editing the line in an editor, or like {@code echo "..." >> /etc/hosts}. */
    public enum Mode {
        /** The names move to the address: other lines of the same family lose them. */
        ADD_OR_MOVE,
        /** A line is added at the end; names that already resolve elsewhere keep doing so (see the notes). */
        APPEND
    }

    private final AtomicFile files;

    public HostsFileEditor() {
        this(new AtomicFile());
    }

    /** With other write steps, for fault tests (see {@link AtomicFile#AtomicFile(AtomicFile.TempWriter, AtomicFile.Replacer)}). */
    HostsFileEditor(AtomicFile.TempWriter writer, AtomicFile.Replacer replacer) {
        this(new AtomicFile(writer, replacer));
    }

    private HostsFileEditor(AtomicFile files) {
        this.files = files;
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
        try {
            Path backup = files.replace(
                    path,
                    current -> {
                        if (!ContentHash.sha256(current).equals(edit.hash())) {
                            throw new FileChangedException(path, "changed since the preview");
                        }
                        // the file's own encoding: a Latin-1 file stays Latin-1
                        return edit.newText().getBytes(HostsText.decode(current).charset());
                    },
                    backupDir,
                    clock);
            return new HostsWriteResult(path, backup, edit.added(), edit.removed());
        } catch (FileChangedException e) {
            throw new HostsWriteException(
                    path + " changed since the preview. Nothing was written: preview the change again.", e);
        } catch (FileWriteException e) {
            throw new HostsWriteException(e.getMessage(), e);
        }
    }
}

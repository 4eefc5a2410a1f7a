package dev.probebook.files;

import java.io.IOException;
import java.lang.ref.Cleaner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Objects;

/**
 * Whether anything in one folder changed since the last time it was asked: a file in it created, written, touched,
 * moved or deleted, or the folder itself deleted, moved or replaced. It lets a reader keep what it made from the
 * folder (a listing) and do the work again only after a change, without a thread or a delay: {@link #changed} answers
 * from the kernel's queue of inotify events, which already holds the event of every write that has returned.
 *
 * <p>When it cannot tell, it says changed: where there is no inotify, when the folder cannot be watched (missing, or
 * the user's watches used up), after the kernel's queue overflowed, and while the folder is gone. A folder replaced
 * at its path (moved away and another moved in, a link to it pointed elsewhere) is found by its file key, checked at
 * each call, and watched again. Not seen at all: writes through a memory mapping, and changes a network file system's
 * server makes for another machine; a reader that must see those also looks again within {@link #UNREPORTED}.
 *
 * <p>Thread-safe. The watch ends when this object is {@link #close}d or unreachable; once closed it always says
 * changed.
 */
public final class FolderChanges implements AutoCloseable {

    /** How soon a reader that must see the changes the kernel does not report looks at the folder itself again. */
    public static final Duration UNREPORTED = Duration.ofMinutes(1);

    private static final Cleaner CLEANER = Cleaner.create();

    private final Path folder;
    private Inotify.Flag flag;
    /** The watched folder's file key (device and inode): another folder at the path has another. */
    private Object key;

    private Cleaner.Cleanable cleanable;
    private boolean closed;

    private FolderChanges(Path folder) {
        this.folder = folder;
    }

    /** Starts watching {@code folder}; the first {@link #changed} says changed. */
    public static FolderChanges watch(Path folder) {
        FolderChanges changes = new FolderChanges(folder.toAbsolutePath().normalize());
        synchronized (changes) {
            changes.rewatch();
        }
        return changes;
    }

    /** Whether the folder changed, or may have, since the last call (or since the watch began). */
    public synchronized boolean changed() {
        Inotify inotify = Inotify.shared();
        if (inotify == null || closed) {
            return true;
        }
        if (flag != null && !flag.lost()) {
            inotify.drain();
            if (!flag.lost() && Objects.equals(key, keyOf(folder))) {
                return flag.take();
            }
        }
        // gone, replaced or never placed: watch again; what happened meanwhile is unknown
        rewatch();
        if (flag != null) {
            flag.take();
        }
        return true;
    }

    /** Whether changes are seen by the kernel's events (false: every {@link #changed} says changed). */
    public synchronized boolean watching() {
        return flag != null && !flag.lost() && !closed;
    }

    private void rewatch() {
        Inotify inotify = Inotify.shared();
        if (inotify == null) {
            return;
        }
        unwatch();
        // the key first: a folder replaced between the two is then found at the next call
        key = keyOf(folder);
        flag = key == MISSING ? null : inotify.watch(folder);
        if (flag != null) {
            Inotify.Flag f = flag;
            cleanable = CLEANER.register(this, () -> inotify.unwatch(f));
        }
    }

    /** The file key of a folder that cannot be read (a real key may be {@code null}: the file system has none). */
    private static final Object MISSING = new Object();

    private static Object keyOf(Path folder) {
        try {
            return Files.readAttributes(folder, BasicFileAttributes.class).fileKey();
        } catch (IOException e) {
            return MISSING;
        }
    }

    private void unwatch() {
        if (cleanable != null) {
            cleanable.clean();
            cleanable = null;
        }
        flag = null;
    }

    @Override
    public synchronized void close() {
        closed = true;
        unwatch();
    }
}

package dev.probebook.files;

import java.lang.ref.Cleaner;
import java.nio.file.Path;

/**
 * Whether anything in one folder changed since the last time it was asked: a file in it created, written, touched,
 * moved or deleted, or the folder itself replaced. It lets a reader keep what it made from the folder (a listing)
 * and do the work again only after a change, without a thread or a delay: {@link #changed} answers from the
 * kernel's queue of inotify events, which already holds the event of every write that has returned.
 *
 * <p>When it cannot tell, it says changed: where there is no inotify, when the folder cannot be watched (missing,
 * or the user's watches used up), after the kernel's queue overflowed, and while the folder is gone (it tries to
 * watch again at each call). Not seen at all: writes through a memory mapping, and changes a network file system's
 * server makes for another machine; a reader that must see those also looks again now and then.
 *
 * <p>Thread-safe. The watch ends when this object is unreachable (or {@link #close}d).
 */
public final class FolderChanges implements AutoCloseable {

    private static final Cleaner CLEANER = Cleaner.create();

    private final Path folder;
    private Inotify.Flag flag;
    private Cleaner.Cleanable cleanable;

    private FolderChanges(Path folder) {
        this.folder = folder;
    }

    /** Starts watching {@code folder}; the first {@link #changed} says changed. */
    public static FolderChanges watch(Path folder) {
        FolderChanges changes = new FolderChanges(folder.toAbsolutePath().normalize());
        changes.rewatch();
        return changes;
    }

    /** Whether the folder changed, or may have, since the last call (or since the watch began). */
    public synchronized boolean changed() {
        Inotify inotify = Inotify.shared();
        if (inotify == null) {
            return true;
        }
        if (flag != null && !flag.lost()) {
            inotify.drain();
            if (!flag.lost()) {
                return flag.take();
            }
        }
        // gone with its folder (or never placed): watch again; what happened meanwhile is unknown
        rewatch();
        if (flag != null) {
            flag.take();
        }
        return true;
    }

    /** Whether changes are seen by the kernel's events (false: every {@link #changed} says changed). */
    public synchronized boolean watching() {
        return flag != null && !flag.lost();
    }

    private void rewatch() {
        Inotify inotify = Inotify.shared();
        if (inotify == null) {
            return;
        }
        close();
        flag = inotify.watch(folder);
        if (flag != null) {
            Inotify.Flag f = flag;
            cleanable = CLEANER.register(this, () -> inotify.unwatch(f));
        }
    }

    @Override
    public synchronized void close() {
        if (cleanable != null) {
            cleanable.clean();
            cleanable = null;
        }
        flag = null;
    }
}

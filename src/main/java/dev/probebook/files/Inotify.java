package dev.probebook.files;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Platform;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One Linux inotify instance for the whole JVM, and the watches on it: a user has only 128 instances by default
 * ({@code fs.inotify.max_user_instances}) but tens of thousands of watches, and a test run makes hundreds of
 * folders. Events are read without waiting, only when someone asks ({@link #drain}), so there is no thread.
 *
 * <p>The kernel queues an event inside the system call that changes the file, before that call returns: a
 * {@link #drain} after a write has returned always sees it.
 *
 * <p>Thread-safe: every method holds the instance's lock. Mapped with JNA direct mapping; where the C library has no
 * inotify (not Linux), {@link #shared} is {@code null}.
 */
final class Inotify {

    private static final int IN_MODIFY = 0x2;
    private static final int IN_ATTRIB = 0x4;
    private static final int IN_MOVED_FROM = 0x40;
    private static final int IN_MOVED_TO = 0x80;
    private static final int IN_CREATE = 0x100;
    private static final int IN_DELETE = 0x200;
    private static final int IN_DELETE_SELF = 0x400;
    private static final int IN_MOVE_SELF = 0x800;
    /** The file system holding the folder was unmounted. */
    private static final int IN_UNMOUNT = 0x2000;
    /** The kernel's queue was full and events were lost: anything may have changed. */
    private static final int IN_Q_OVERFLOW = 0x4000;
    /** The watch is gone (its folder deleted, or removed): no event for it will come again. */
    private static final int IN_IGNORED = 0x8000;

    private static final int IN_ONLYDIR = 0x01000000;
    private static final int IN_NONBLOCK = 0x800;
    private static final int IN_CLOEXEC = 0x80000;
    // x86 and ARM values (as in net.Libc); where they differ, the ioctl fails and every drain says everything changed
    private static final int FIONREAD = 0x541B;
    private static final int EAGAIN = 11;
    private static final int EVENT_HEADER = 16; // int wd; uint32 mask, cookie, len; then len bytes of name
    /** Read at most this much at a time: many whole events (one is at most 16 + 256 bytes). */
    private static final int READ_SIZE = 64 * 1024;
    /**
     * The watch no longer follows the folder at its path: it was deleted, moved away (another may be in its place) or
     * unmounted, or the watch was removed.
     */
    private static final int WATCH_ENDS = IN_DELETE_SELF | IN_MOVE_SELF | IN_UNMOUNT | IN_IGNORED;

    /**
     * A file in the folder created, written, truncated, touched, moved in or out, or deleted; the folder itself
     * deleted or moved.
     */
    static final int FOLDER_CHANGES = IN_MODIFY
            | IN_ATTRIB
            | IN_MOVED_FROM
            | IN_MOVED_TO
            | IN_CREATE
            | IN_DELETE
            | IN_DELETE_SELF
            | IN_MOVE_SELF
            | IN_ONLYDIR;

    private static final Inotify SHARED = open();

    /** The JVM's instance, or {@code null} where there is none (no inotify, or no instance left for the user). */
    static Inotify shared() {
        return SHARED;
    }

    private final int fd;
    /** The flags of the watches on each watch descriptor (watching one folder twice gives the same descriptor). */
    private final Map<Integer, Set<Flag>> watchers = new HashMap<>();

    private final byte[] buffer = new byte[READ_SIZE];

    /**
     * What a watcher learns: set by {@link #drain} when something changed, cleared by the watcher when it has looked.
     * Atomic, since the watcher takes it without the instance's lock.
     */
    static final class Flag {
        private final AtomicBoolean changed = new AtomicBoolean(true);
        private volatile boolean lost;

        /** Whether anything changed (or the watch was lost) since the last call; clears the change. */
        boolean take() {
            return changed.getAndSet(false) || lost;
        }

        boolean lost() {
            return lost;
        }
    }

    private Inotify(int fd) {
        this.fd = fd;
    }

    private static Inotify open() {
        try {
            return new Inotify(LibC.inotify_init1(IN_NONBLOCK | IN_CLOEXEC));
        } catch (LinkageError | LastErrorException e) {
            return null;
        }
    }

    /**
     * Watches {@code folder} for {@link #FOLDER_CHANGES}; the flag starts changed. {@code null} when the folder cannot
     * be watched (gone, not a folder, or the user's watches used up).
     */
    synchronized Flag watch(Path folder) {
        int wd;
        try {
            wd = LibC.inotify_add_watch(fd, cString(folder), FOLDER_CHANGES);
        } catch (LastErrorException e) {
            return null;
        }
        Flag flag = new Flag();
        watchers.computeIfAbsent(wd, w -> new HashSet<>()).add(flag);
        return flag;
    }

    /** Stops telling {@code flag}; the watch goes when no one else uses it. */
    synchronized void unwatch(Flag flag) {
        for (var it = watchers.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Integer, Set<Flag>> w = it.next();
            if (w.getValue().remove(flag) && w.getValue().isEmpty()) {
                it.remove();
                try {
                    LibC.inotify_rm_watch(fd, w.getKey());
                } catch (LastErrorException e) {
                    // already gone with its folder
                }
            }
        }
    }

    /**
     * Reads the events queued when called (not those that keep coming meanwhile: the lock is not held for ever) and
     * sets the flags of the watches they are for; does not wait.
     */
    synchronized void drain() {
        int[] waiting = new int[1];
        try {
            LibC.ioctl(fd, new NativeLong(FIONREAD), waiting);
        } catch (LastErrorException e) {
            everythingChanged();
            return;
        }
        for (long left = waiting[0]; left > 0; ) {
            int n;
            try {
                n = LibC.read(fd, buffer, new NativeLong(buffer.length)).intValue();
            } catch (LastErrorException e) {
                if (e.getErrorCode() != EAGAIN) {
                    everythingChanged();
                }
                return;
            }
            if (n <= 0) {
                return;
            }
            left -= n;
            ByteBuffer events = ByteBuffer.wrap(buffer, 0, n).order(ByteOrder.nativeOrder());
            while (events.remaining() >= EVENT_HEADER) {
                int wd = events.getInt();
                int mask = events.getInt();
                events.getInt(); // cookie
                int nameLength = events.getInt();
                events.position(Math.min(events.limit(), events.position() + nameLength));
                if ((mask & IN_Q_OVERFLOW) != 0) {
                    everythingChanged();
                    continue;
                }
                boolean ends = (mask & WATCH_ENDS) != 0;
                for (Flag f : watchers.getOrDefault(wd, Set.of())) {
                    f.lost |= ends;
                    f.changed.set(true);
                }
                // only the kernel's removal ends the entry: after a move the watch follows the folder until unwatched
                if ((mask & IN_IGNORED) != 0) {
                    watchers.remove(wd);
                }
            }
        }
    }

    /**
     * Events were lost (the queue overflowed, or it cannot be read): every watcher is told to look, and to watch again,
     * since the event that ended its watch may be among those lost.
     */
    private void everythingChanged() {
        watchers.values()
                .forEach(flags -> flags.forEach(f -> {
                    f.lost = true;
                    f.changed.set(true);
                }));
    }

    /** The path as the C library takes it: in the JVM's encoding of file names, ended by a NUL. */
    private static byte[] cString(Path folder) {
        byte[] path = folder.toString().getBytes(FILE_NAMES);
        return Arrays.copyOf(path, path.length + 1);
    }

    private static final Charset FILE_NAMES = fileNameCharset();

    private static Charset fileNameCharset() {
        try {
            return Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8"));
        } catch (IllegalArgumentException e) {
            return StandardCharsets.UTF_8;
        }
    }

    /** The C library's inotify calls; binding fails (a {@link LinkageError}) where it has none. */
    private static final class LibC {
        static {
            Native.register(Platform.C_LIBRARY_NAME);
        }

        static native int inotify_init1(int flags) throws LastErrorException;

        static native int inotify_add_watch(int fd, byte[] path, int mask) throws LastErrorException;

        static native int inotify_rm_watch(int fd, int wd) throws LastErrorException;

        static native int ioctl(int fd, NativeLong request, int[] value) throws LastErrorException;

        static native NativeLong read(int fd, byte[] buffer, NativeLong count) throws LastErrorException;
    }
}

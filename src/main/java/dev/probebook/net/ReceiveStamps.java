package dev.probebook.net;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Platform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The kernel's arrival time of the bytes waiting in a connected TCP socket that Java owns: how an HTTP client learns
 * when an answer really came, not when its own code got round to reading it (in a fresh JVM milliseconds later).
 *
 * <p>Java gives no file descriptor, so it is found by the socket's inode ({@link SocketDiagnostics#connection}) among
 * this process's descriptors; the socket then gets {@code SO_TIMESTAMPNS}, and a non-blocking {@code recvmsg} with
 * {@code MSG_PEEK} reads the receive timestamp of the newest segment waiting without taking anything from Java's
 * stream. Java itself reads with plain {@code read}, which the option does not change.
 *
 * <p>Threads: one reader at a time (the thread that reads the socket's stream), since the buffers are reused. The
 * descriptor is Java's: after Java closes the socket its number may name something else, so callers peek only while
 * they read from an open socket, and check that a time is plausible.
 */
public final class ReceiveStamps {

    private static final int P = Native.POINTER_SIZE;

    /** The most a peek looks at: a read's worth for okhttp (8 KB) and TLS records (16 KB). */
    private static final int PEEK_LIMIT = 32 * 1024;

    private final int fd;
    private final Memory message = new Memory(7L * P);
    private final Memory iov = new Memory(2L * P);
    private final Memory control = new Memory(256);
    private final Memory buffer = new Memory(PEEK_LIMIT);
    private final int[] waitingBytes = new int[1];

    private ReceiveStamps(int fd) {
        this.fd = fd;
    }

    /**
     * The socket with this inode among this process's descriptors, with receive timestamps turned on; empty when it is
     * not found or the kernel refuses (then callers fall back to their own clock).
     */
    public static Optional<ReceiveStamps> forSocketInode(long inode) {
        if (inode <= 0 || !Platform.isLinux()) {
            return Optional.empty();
        }
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            Optional<Integer> fd = fds.filter(p -> SocketInodes.of(p).orElse(-1) == inode)
                    .map(p -> Integer.parseInt(p.getFileName().toString()))
                    .findFirst();
            if (fd.isEmpty()) {
                return Optional.empty();
            }
            Libc.setsockopt(fd.get(), Libc.SOL_SOCKET, Libc.SO_TIMESTAMPNS, new int[] {1}, 4);
            return Optional.of(new ReceiveStamps(fd.get()));
        } catch (IOException | LastErrorException | NumberFormatException | UnsatisfiedLinkError e) {
            return Optional.empty();
        }
    }

    /** What a peek found: how many bytes wait (up to the limit asked), and when the newest of them arrived. */
    public record Queued(int bytes, long arrivalNanos) {}

    /**
     * The bytes waiting in the socket, up to {@code limit}, and when the newest of them arrived, on the
     * {@link System#nanoTime()} scale (the kernel stamps each segment; a peek reports the last one it looked at). Null
     * when nothing is waiting (the next read will wait for it: its return is the arrival) or the kernel gave no time.
     */
    public Queued queued(int limit) {
        // asked first, since a receive with nothing waiting would take a pending error (a reset) from Java's next read
        try {
            Libc.ioctl(fd, new NativeLong(Libc.FIONREAD), waitingBytes);
        } catch (LastErrorException e) {
            return null;
        }
        if (waitingBytes[0] <= 0) {
            return null;
        }
        int length = Math.max(1, Math.min(limit, PEEK_LIMIT));
        Libc.messageHeader(message, null, iov, buffer, length, control);
        long n;
        try {
            n = Libc.recvmsg(fd, message, Libc.MSG_PEEK | Libc.MSG_DONTWAIT).longValue();
        } catch (LastErrorException e) {
            return null; // EAGAIN: nothing queued; anything else: no time from the kernel
        }
        if (n <= 0) {
            return null;
        }
        // both clocks read together: the kernel's timestamp is wall-clock time, this caller's clock monotonic
        long nano = System.nanoTime();
        Instant wall = Instant.now();
        for (Libc.ControlMessage m :
                Libc.controlMessages(control, message.getNativeLong(5L * P).longValue())) {
            if (m.level() == Libc.SOL_SOCKET && m.type() == Libc.SO_TIMESTAMPNS) {
                long ago = wall.getEpochSecond() * 1_000_000_000L + wall.getNano() - Libc.timespec(m.data());
                // the kernel's stamp is wall-clock time: a step of the clock back makes it meaningless (dropped); one
                // forward by less than a minute would make it early, which callers bound by their own marks
                return ago >= 0 && ago < 60_000_000_000L ? new Queued((int) n, nano - ago) : null;
            }
        }
        return null;
    }
}

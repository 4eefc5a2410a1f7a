package dev.probebook.probe.sockets;

import dev.probebook.net.SocketInodes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Which processes hold which sockets, found as netstat -p and ss -p find them: every
 * {@code /proc/PID/fd/N} symlink that reads {@code socket:[INODE]}.
 *
 * @param byInode holders of each socket inode, ordered by pid then fd
 * @param someUnreadable a process's fd directory could not be read (not ours and we are not root):
 *                       its sockets show as {@code -}
 * @param anyReadable at least one socket holder was found at all
 */
public record SocketOwners(Map<Long, List<Owner>> byInode, boolean someUnreadable, boolean anyReadable) {

    /**
     * One holder of a socket.
     *
     * @param program the name netstat prints: {@code argv[0]} from {@code /proc/PID/cmdline}, without its
     *                directory when it is an absolute path ({@code /usr/bin/java} gives {@code java})
     * @param comm the kernel's task name from {@code /proc/PID/comm}, which ss prints
     */
    public record Owner(long pid, int fd, String program, String comm) {}

    private record FdSocket(int fd, long inode) {}

    public static SocketOwners none() {
        return new SocketOwners(Map.of(), false, false);
    }

    public List<Owner> of(long inode) {
        return byInode.getOrDefault(inode, List.of());
    }

    /** Scans {@code procRoot} (normally {@code /proc}). Processes that vanish meanwhile are skipped. */
    public static SocketOwners scan(Path procRoot) {
        Map<Long, List<Owner>> found = new HashMap<>();
        boolean unreadable = false;
        List<Long> pids = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(procRoot)) {
            for (Path d : dirs) {
                String name = d.getFileName().toString();
                if (name.matches("\\d+")) {
                    pids.add(Long.parseLong(name));
                }
            }
        } catch (IOException | RuntimeException e) {
            return none();
        }
        pids.sort(Comparator.naturalOrder());
        for (long pid : pids) {
            Path fdDir = procRoot.resolve(Long.toString(pid)).resolve("fd");
            List<FdSocket> sockets = new ArrayList<>();
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(fdDir)) {
                for (Path fd : entries) {
                    String fdName = fd.getFileName().toString();
                    if (!fdName.matches("\\d+")) {
                        continue;
                    }
                    OptionalLong inode = SocketInodes.of(fd);
                    if (inode.isPresent()) {
                        sockets.add(new FdSocket(Integer.parseInt(fdName), inode.getAsLong()));
                    }
                }
            } catch (AccessDeniedException e) {
                unreadable = true;
                continue;
            } catch (IOException | RuntimeException e) {
                continue; // the process exited while we looked
            }
            if (sockets.isEmpty()) {
                continue;
            }
            Path dir = procRoot.resolve(Long.toString(pid));
            String program = programName(dir);
            String comm = comm(dir);
            for (FdSocket s : sockets) {
                found.computeIfAbsent(s.inode(), k -> new ArrayList<>()).add(new Owner(pid, s.fd(), program, comm));
            }
        }
        found.values()
                .forEach(list -> list.sort(Comparator.comparingLong(Owner::pid).thenComparingInt(Owner::fd)));
        return new SocketOwners(found, unreadable, !found.isEmpty());
    }

    /** {@code argv[0]} as netstat shows it: the base name of an absolute path, otherwise as given. */
    static String programName(Path procDir) {
        try {
            byte[] raw = Files.readAllBytes(procDir.resolve("cmdline"));
            int end = 0;
            while (end < raw.length && raw[end] != 0) {
                end++;
            }
            String argv0 = new String(raw, 0, end, StandardCharsets.UTF_8);
            if (argv0.isEmpty()) {
                return comm(procDir);
            }
            return argv0.startsWith("/") ? argv0.substring(argv0.lastIndexOf('/') + 1) : argv0;
        } catch (IOException e) {
            return comm(procDir);
        }
    }

    static String comm(Path procDir) {
        try {
            return Files.readString(procDir.resolve("comm"), StandardCharsets.UTF_8)
                    .strip();
        } catch (IOException e) {
            return "";
        }
    }
}

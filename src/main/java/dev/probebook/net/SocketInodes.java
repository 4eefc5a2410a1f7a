package dev.probebook.net;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Which socket a process's file descriptor is: its {@code /proc/PID/fd/N} link reads {@code socket:[INODE]}. */
public final class SocketInodes {

    private static final Pattern SOCKET_LINK = Pattern.compile("socket:\\[(\\d+)]|\\[0000]:(\\d+)");

    private SocketInodes() {}

    /** The inode of the socket behind this descriptor link; empty when it is no socket or has gone meanwhile. */
    public static OptionalLong of(Path fdLink) {
        try {
            Matcher m = SOCKET_LINK.matcher(Files.readSymbolicLink(fdLink).toString());
            if (!m.matches()) {
                return OptionalLong.empty();
            }
            return OptionalLong.of(Long.parseLong(m.group(1) != null ? m.group(1) : m.group(2)));
        } catch (IOException | UnsupportedOperationException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}

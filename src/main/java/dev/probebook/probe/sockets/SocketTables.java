package dev.probebook.probe.sockets;

import dev.probebook.net.SocketDiagnostics.Diagnosis;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * A snapshot of the host's sockets read from a proc file system: the internet tables in the order
 * netstat prints them (tcp, tcp6, udp, udp6, raw, raw6), the UNIX table, and (when asked for) the
 * processes holding each socket.
 *
 * @param ephemeralLow first port of {@code net.ipv4.ip_local_port_range} (ss does not name ports in it)
 * @param euid our effective uid, which netstat names when it could read no process at all
 * @param diagnosed TCP listeners and IPv6 UDP sockets by inode as the kernel's socket diagnostics describe them
 *     (accept-queue limit, IPv6-only), as ss reads them; empty when they were not or could not be asked
 */
public record SocketTables(
        List<InetSocket> inet,
        List<UnixSocket> unix,
        SocketOwners owners,
        int ephemeralLow,
        int ephemeralHigh,
        int euid,
        Map<Long, Diagnosis> diagnosed) {

    public SocketTables {
        diagnosed = Map.copyOf(diagnosed);
    }

    /** The proc file system has no socket tables (not Linux, or /proc not mounted). */
    public static final class Unavailable extends Exception {
        public Unavailable(String message) {
            super(message);
        }
    }

    /**
     * Reads the tables under {@code procRoot}. A missing IPv6 or raw table is empty (IPv6 disabled); a
     * missing {@code net/tcp} means there is nothing to read at all.
     */
    public static SocketTables read(Path procRoot, boolean withOwners, boolean withUnix) throws Unavailable {
        Path net = procRoot.resolve("net");
        if (!Files.isReadable(net.resolve("tcp"))) {
            throw new Unavailable("cannot read " + net.resolve("tcp") + ": socket tables can only be read on Linux");
        }
        List<InetSocket> inet = new ArrayList<>();
        for (String protocol : List.of("tcp", "udp", "raw")) {
            inet.addAll(ProcNet.parseInet(protocol, false, lines(net.resolve(protocol))));
            inet.addAll(ProcNet.parseInet(protocol, true, lines(net.resolve(protocol + "6"))));
        }
        List<UnixSocket> unix = withUnix ? ProcNet.parseUnix(lines(net.resolve("unix"))) : List.of();
        SocketOwners owners = withOwners ? SocketOwners.scan(procRoot) : SocketOwners.none();
        int low = 32768;
        int high = 60999;
        List<String> range = lines(procRoot.resolve("sys/net/ipv4/ip_local_port_range"));
        if (!range.isEmpty()) {
            String[] f = range.get(0).strip().split("\\s+");
            try {
                low = Integer.parseInt(f[0]);
                high = Integer.parseInt(f[1]);
            } catch (RuntimeException e) {
                // keep the kernel default
            }
        }
        return new SocketTables(List.copyOf(inet), List.copyOf(unix), owners, low, high, euid(procRoot), Map.of());
    }

    /** These tables with what the kernel's socket diagnostics said, by socket inode. */
    public SocketTables withDiagnosis(Map<Long, Diagnosis> diagnosis) {
        return new SocketTables(inet, unix, owners, ephemeralLow, ephemeralHigh, euid, diagnosis);
    }

    /** A TCP listener's accept-queue limit, when the kernel told it. */
    public OptionalLong acceptLimit(InetSocket socket) {
        Diagnosis d = socket.listening() ? diagnosed.get(socket.inode()) : null;
        return d == null || d.acceptLimit() < 0 ? OptionalLong.empty() : OptionalLong.of(d.acceptLimit());
    }

    /** An IPv6 socket the kernel said takes no IPv4; false when it takes both or nobody asked. */
    public boolean v6Only(InetSocket socket) {
        Diagnosis d = socket.v6() ? diagnosed.get(socket.inode()) : null;
        return d != null && d.v6Only();
    }

    private static int euid(Path procRoot) {
        for (String line : lines(procRoot.resolve("self/status"))) {
            if (line.startsWith("Uid:")) {
                String[] f = line.substring(4).strip().split("\\s+");
                try {
                    return Integer.parseInt(f[1]);
                } catch (RuntimeException e) {
                    return -1;
                }
            }
        }
        return -1;
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return List.of(); // missing (IPv6 disabled, no raw table) or unreadable: nothing in it for us
        }
    }

    public boolean ephemeral(int port) {
        return port >= ephemeralLow && port <= ephemeralHigh;
    }
}

package dev.probebook.probe.sockets;

import dev.probebook.net.KernelHex;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses the kernel's socket tables: {@code /proc/net/{tcp,tcp6,udp,udp6,raw,raw6}} and
 * {@code /proc/net/unix}. The first line of each file is a header; lines that do not parse are skipped
 * (netstat only warns about them).
 */
public final class ProcNet {

    private ProcNet() {}

    /**
     * Parses one internet table. Each line reads
     * {@code sl local_address:port rem_address:port st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode ...}.
     *
     * @param protocol {@code tcp}, {@code udp} or {@code raw}
     * @param v6 whether the table is the IPv6 one
     */
    public static List<InetSocket> parseInet(String protocol, boolean v6, List<String> lines) {
        List<InetSocket> sockets = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            InetSocket s = parseInetLine(protocol, v6, lines.get(i));
            if (s != null) {
                sockets.add(s);
            }
        }
        return sockets;
    }

    static InetSocket parseInetLine(String protocol, boolean v6, String line) {
        String[] f = line.strip().split("\\s+");
        if (f.length < 10 || !f[0].endsWith(":")) {
            return null;
        }
        try {
            String[] local = f[1].split(":");
            String[] remote = f[2].split(":");
            String[] queues = f[4].split(":");
            if (local.length != 2 || remote.length != 2 || queues.length != 2) {
                return null;
            }
            return new InetSocket(
                    protocol,
                    v6,
                    KernelHex.address(local[0]),
                    Integer.parseInt(local[1], 16),
                    KernelHex.address(remote[0]),
                    Integer.parseInt(remote[1], 16),
                    Integer.parseInt(f[3], 16),
                    Long.parseLong(queues[0], 16),
                    Long.parseLong(queues[1], 16),
                    Integer.parseInt(f[7]),
                    Long.parseLong(f[9]));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Parses {@code /proc/net/unix}: {@code Num RefCount Protocol Flags Type St Inode [Path]}. */
    public static List<UnixSocket> parseUnix(List<String> lines) {
        List<UnixSocket> sockets = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            String[] f = line.split("\\s+", 8);
            if (f.length < 7 || !f[0].endsWith(":")) {
                continue;
            }
            try {
                sockets.add(new UnixSocket(
                        Long.parseLong(f[1], 16),
                        Integer.parseInt(f[2], 16),
                        (int) Long.parseLong(f[3], 16),
                        Integer.parseInt(f[4], 16),
                        Integer.parseInt(f[5], 16),
                        Long.parseLong(f[6]),
                        f.length > 7 ? f[7].strip() : ""));
            } catch (NumberFormatException e) {
                // a line we cannot read: skip it as netstat does
            }
        }
        return sockets;
    }
}

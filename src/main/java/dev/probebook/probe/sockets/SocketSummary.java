package dev.probebook.probe.sockets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The kernel's socket counters, as {@code ss -s} reads them: {@code net/sockstat} and {@code net/sockstat6} (sockets
 * in use, TIME-WAIT, orphans, fragments) and {@code net/snmp} (connections established now).
 *
 * @param tcpAlloc TCP sockets allocated (sockstat's {@code alloc})
 * @param tcp4 and the other {@code inuse} counts: sockets bound in each table
 */
record SocketSummary(
        int sockets,
        int tcpAlloc,
        int tcp4,
        int tcp6,
        int timeWait,
        int orphans,
        int established,
        int udp4,
        int udp6,
        int raw4,
        int raw6,
        int frag4,
        int frag6) {

    static SocketSummary read(Path procRoot) throws IOException {
        Map<String, Integer> v4 = counters(procRoot.resolve("net/sockstat"));
        Map<String, Integer> v6;
        try {
            v6 = counters(procRoot.resolve("net/sockstat6"));
        } catch (NoSuchFileException e) {
            v6 = Map.of(); // IPv6 disabled
        }
        return new SocketSummary(
                v4.getOrDefault("sockets.used", 0),
                v4.getOrDefault("TCP.alloc", 0),
                v4.getOrDefault("TCP.inuse", 0),
                v6.getOrDefault("TCP6.inuse", 0),
                v4.getOrDefault("TCP.tw", 0),
                v4.getOrDefault("TCP.orphan", 0),
                currentlyEstablished(procRoot.resolve("net/snmp")),
                v4.getOrDefault("UDP.inuse", 0),
                v6.getOrDefault("UDP6.inuse", 0),
                v4.getOrDefault("RAW.inuse", 0),
                v6.getOrDefault("RAW6.inuse", 0),
                v4.getOrDefault("FRAG.inuse", 0),
                v6.getOrDefault("FRAG6.inuse", 0));
    }

    /** {@code TCP: inuse 1 orphan 0 tw 3} as {@code TCP.inuse=1, TCP.orphan=0, TCP.tw=3}. */
    private static Map<String, Integer> counters(Path file) throws IOException {
        Map<String, Integer> out = new HashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
            String[] f = line.strip().split("\\s+");
            if (f.length < 3 || !f[0].endsWith(":")) {
                continue;
            }
            String table = f[0].substring(0, f[0].length() - 1);
            for (int i = 1; i + 1 < f.length; i += 2) {
                try {
                    out.put(table + "." + f[i], Integer.parseInt(f[i + 1]));
                } catch (NumberFormatException e) {
                    // not a counter
                }
            }
        }
        return out;
    }

    /** snmp's {@code Tcp: ... CurrEstab ...} header and value lines. */
    private static int currentlyEstablished(Path snmp) throws IOException {
        List<String[]> tcp = new ArrayList<>();
        for (String line : Files.readAllLines(snmp, StandardCharsets.US_ASCII)) {
            if (line.startsWith("Tcp:")) {
                tcp.add(line.strip().split("\\s+"));
            }
        }
        if (tcp.size() < 2) {
            return 0;
        }
        String[] names = tcp.get(0);
        String[] values = tcp.get(1);
        for (int i = 1; i < names.length && i < values.length; i++) {
            if (names[i].equals("CurrEstab")) {
                return Integer.parseInt(values[i]);
            }
        }
        return 0;
    }

    /** The lines as iproute2's {@code ss -s} prints them (the kernel's SYN slab count is not readable: 0). */
    List<String> lines() {
        List<String> out = new ArrayList<>();
        out.add("Total: " + sockets);
        out.add(String.format(
                Locale.ROOT,
                "TCP:   %d (estab %d, closed %d, orphaned %d, timewait %d)",
                tcpAlloc + timeWait,
                established,
                tcpAlloc - (tcp4 + tcp6 - timeWait),
                orphans,
                timeWait));
        out.add("");
        out.add("Transport Total     IP        IPv6");
        out.add(row("RAW", raw4, raw6));
        out.add(row("UDP", udp4, udp6));
        out.add(row("TCP", tcp4, tcp6));
        out.add(row("INET", raw4 + udp4 + tcp4, raw6 + udp6 + tcp6));
        out.add(row("FRAG", frag4, frag6));
        out.add("");
        return out;
    }

    private static String row(String name, int v4, int v6) {
        return String.format(Locale.ROOT, "%s\t  %-9d %-9d %-9d", name, v4 + v6, v4, v6);
    }
}

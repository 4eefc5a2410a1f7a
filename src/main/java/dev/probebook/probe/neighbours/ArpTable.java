package dev.probebook.probe.neighbours;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The kernel's IPv4 neighbour (ARP) cache from {@code /proc/net/arp}, what {@code arp} reads: no netlink, no
 * privilege. It has no reachability state (REACHABLE, STALE: those need netlink), only resolved or not.
 */
record ArpTable(List<ArpEntry> entries) {

    static final Path PROC = Path.of("/proc/net/arp");

    ArpTable {
        entries = List.copyOf(entries);
    }

    static ArpTable read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.US_ASCII));
    }

    /** Parses the file's text; the header and lines that do not parse are skipped. */
    static ArpTable parse(String text) {
        List<ArpEntry> entries = new ArrayList<>();
        for (String line : text.split("\n")) {
            String[] f = line.strip().split("\\s+");
            if (f.length < 6 || !f[1].startsWith("0x")) {
                continue;
            }
            try {
                entries.add(new ArpEntry(
                        f[0],
                        Integer.parseInt(f[1].substring(2), 16),
                        Integer.parseInt(f[2].substring(2), 16),
                        f[3],
                        f[5]));
            } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
                // not an entry
            }
        }
        return new ArpTable(entries);
    }
}

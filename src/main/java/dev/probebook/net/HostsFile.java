package dev.probebook.net;

import dev.probebook.command.HostSyntax;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A parsed hosts file ({@code /etc/hosts} format): one address per line followed by names, {@code #}
 * comments. Lines that do not parse are kept as {@link #invalid()} with their line numbers.
 */
public record HostsFile(Path path, List<Entry> entries, List<String> invalid, List<String> lines) {

    /** One mapping line: {@code 10.0.0.5 app.example.co.kr app}. */
    public record Entry(int line, String address, List<String> names) {
        public String text() {
            return address + " " + String.join(" ", names);
        }
    }

    /** Reads and parses the file; a missing file is an empty hosts file. */
    public static HostsFile read(Path path) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            lines = List.of();
        } catch (MalformedInputException e) {
            lines = Files.readAllLines(path, StandardCharsets.ISO_8859_1);
        }
        return parse(path, lines);
    }

    public static HostsFile parse(Path path, List<String> lines) {
        List<Entry> entries = new ArrayList<>();
        List<String> invalid = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String body = lines.get(i);
            int hash = body.indexOf('#');
            if (hash >= 0) {
                body = body.substring(0, hash);
            }
            body = body.strip();
            if (body.isEmpty()) {
                continue;
            }
            String[] fields = body.split("\\s+");
            if (fields.length < 2 || !HostSyntax.isIpLiteral(fields[0])) {
                invalid.add((i + 1) + ": " + lines.get(i));
                continue;
            }
            List<String> names = new ArrayList<>();
            for (int k = 1; k < fields.length; k++) {
                names.add(fields[k]);
            }
            entries.add(new Entry(i + 1, fields[0], List.copyOf(names)));
        }
        return new HostsFile(path, List.copyOf(entries), List.copyOf(invalid), List.copyOf(lines));
    }

    /** Entries that name {@code host} (case-insensitive, trailing dot ignored), in file order. */
    public List<Entry> lookup(String host) {
        String wanted = normalise(host);
        List<Entry> found = new ArrayList<>();
        for (Entry e : entries) {
            for (String n : e.names()) {
                if (normalise(n).equals(wanted)) {
                    found.add(e);
                    break;
                }
            }
        }
        return found;
    }

    /** Entries for an address (reverse lookup). */
    public List<Entry> byAddress(String address) {
        List<Entry> found = new ArrayList<>();
        for (Entry e : entries) {
            if (e.address().equalsIgnoreCase(address)) {
                found.add(e);
            }
        }
        return found;
    }

    /** The entries for {@code host} whose address has the same family (IPv4/IPv6) as {@code address}. */
    public List<Entry> lookup(String host, String address) {
        boolean v4 = HostSyntax.isIpv4(address);
        return lookup(host).stream()
                .filter(e -> HostSyntax.isIpv4(e.address()) == v4)
                .toList();
    }

    /**
     * Entries that only serve the machine itself: loopback addresses, the IPv6 special lines
     * ({@code fe00::0 ip6-localnet}, {@code ff02::1 ip6-allnodes}) and localhost names. Every other entry
     * pins a name to an address, overriding DNS on this host.
     */
    public static boolean isLocal(Entry e) {
        String a = e.address().toLowerCase(Locale.ROOT);
        if (a.startsWith("fe00:") || a.startsWith("ff0")) {
            return true;
        }
        InetAddress address = literal(e.address());
        if (address != null && address.isLoopbackAddress()) {
            return true;
        }
        return e.names().stream()
                .map(HostsFile::normalise)
                .allMatch(n -> n.startsWith("localhost") || n.startsWith("ip6-"));
    }

    /**
     * Names listed with more than one address of the same family, in file order: the C library returns
     * all of them (first line first), so clients try the first and fall back to the others.
     */
    public Map<String, List<Entry>> duplicates() {
        Map<String, List<Entry>> byName = new LinkedHashMap<>();
        for (Entry e : entries) {
            for (String n : e.names()) {
                String key = normalise(n) + (HostSyntax.isIpv4(e.address()) ? " v4" : " v6");
                List<Entry> list = byName.computeIfAbsent(key, k -> new ArrayList<>());
                if (list.stream().noneMatch(x -> sameAddress(x.address(), e.address()))) {
                    list.add(e);
                }
            }
        }
        Map<String, List<Entry>> dup = new LinkedHashMap<>();
        byName.forEach((key, list) -> {
            if (list.size() > 1) {
                dup.put(key.substring(0, key.length() - 3), List.copyOf(list));
            }
        });
        return dup;
    }

    /** True when two address literals denote the same address ({@code ::1} and {@code 0:0:0:0:0:0:0:1}). */
    public static boolean sameAddress(String a, String b) {
        if (a.equalsIgnoreCase(b)) {
            return true;
        }
        InetAddress x = literal(a);
        InetAddress y = literal(b);
        return x != null && x.equals(y);
    }

    /** Parses an address literal without any lookup; null when it is not a literal Java can represent. */
    public static InetAddress literal(String address) {
        if (!HostSyntax.isIpLiteral(address)) {
            return null;
        }
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            return null; // e.g. an IPv6 zone naming an interface this machine does not have
        }
    }

    public static String normalise(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
    }
}

package dev.probebook.probe.hosts;

import dev.probebook.command.HostSyntax;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
        } catch (java.nio.charset.MalformedInputException e) {
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

    private static String normalise(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
    }
}

package dev.probebook.probe.dns;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@code /etc/resolv.conf} tells the system's resolver: its name servers, search domains and options, read as
 * glibc reads them (the last {@code search} or {@code domain} line wins; only the first three name servers count).
 */
record ResolvConf(List<String> nameservers, List<String> search, List<String> options) {

    /** glibc's MAXNS: name servers past the third are never asked. */
    static final int MAX_NAMESERVERS = 3;

    ResolvConf {
        nameservers = List.copyOf(nameservers);
        search = List.copyOf(search);
        options = List.copyOf(options);
    }

    static ResolvConf parse(String text) {
        List<String> servers = new ArrayList<>();
        List<String> search = new ArrayList<>();
        List<String> options = new ArrayList<>();
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            String[] f = line.split("\\s+");
            switch (f[0]) {
                case "nameserver" -> {
                    if (f.length > 1) {
                        servers.add(f[1]);
                    }
                }
                case "search", "domain" -> {
                    search.clear();
                    for (int i = 1; i < f.length && !f[i].startsWith("#"); i++) {
                        search.add(f[i]);
                    }
                }
                case "options" -> {
                    for (int i = 1; i < f.length && !f[i].startsWith("#"); i++) {
                        options.add(f[i]);
                    }
                }
                default -> {} // sortlist and unknown keywords: not part of the verdict
            }
        }
        return new ResolvConf(servers, search, options);
    }

    /** Whether the first name server is systemd-resolved's local stub, which forwards to the real ones. */
    boolean resolvedStub() {
        return !nameservers.isEmpty()
                && (nameservers.getFirst().equals("127.0.0.53")
                        || nameservers.getFirst().equals("127.0.0.54"));
    }
}

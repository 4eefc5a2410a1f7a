package dev.probebook.probe.hosts;

import dev.probebook.command.HostSyntax;
import dev.probebook.net.AddressText;
import dev.probebook.net.HostsFile;
import dev.probebook.net.NameResolver;
import dev.probebook.probe.ProbeContext;
import dev.probebook.probe.ProbeResult;
import dev.probebook.probe.Verdict;
import dev.probebook.settings.Settings;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.xbill.DNS.Lookup;
import org.xbill.DNS.Name;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.ReverseMap;
import org.xbill.DNS.Type;

/**
 * {@code getent hosts|ahosts|ahostsv4|ahostsv6 [KEY...]} as glibc prints it, with the lookup order of
 * {@code hosts: files dns}: the configured hosts file first, then DNS through {@link NameResolver}.
 *
 * <p>Formats (glibc getent.c): {@code hosts} prints {@code %-15s %s} — the address, then the canonical
 * name and aliases — per address; {@code ahosts*} print {@code %-15s %-6s %s} three times per address
 * (STREAM, DGRAM, RAW) with the canonical name on the first line only. A key that is not found prints
 * nothing (getent exits 2).
 *
 * <p>Simplification: glibc's {@code getent hosts} asks for IPv6 first through every source, so a name that
 * the hosts file pins to an IPv4 address but that has an AAAA record in DNS prints the DNS address. Here
 * a hosts-file entry of either family answers, which is what a pinned name is meant to do.
 */
final class GetentLookup {

    private static final String[] SOCKET_TYPES = {"STREAM", "DGRAM", "RAW"};

    private GetentLookup() {}

    /** What one key gave: its output lines, answers, summary and verdict. */
    private record KeyResult(Verdict verdict, String summary, List<String> lines, List<HostsDetails.Answer> answers) {}

    static ProbeResult run(HostsCommand.Getent cmd, ProbeContext ctx) throws InterruptedException {
        Path path = ctx.settings().hostsFile();
        HostsFile file;
        try {
            file = HostsFile.read(path);
        } catch (IOException e) {
            file = HostsFile.parse(path, List.of()); // an unreadable hosts file is skipped, as the C library does
        }
        HostsDetails details = HostsDetails.of(file, Files.exists(path));
        if (cmd.keys().isEmpty()) {
            for (HostsFile.Entry e : file.entries()) {
                ctx.out(hostsLine(literalText(e.address()), e.names()));
            }
            return ProbeResult.ok(HostsView.count(file) + " in " + path, details);
        }
        Verdict verdict = Verdict.OK;
        List<String> summaries = new ArrayList<>();
        List<HostsDetails.Answer> answers = new ArrayList<>();
        for (String key : cmd.keys()) {
            if (ctx.cancelled()) {
                throw new InterruptedException();
            }
            KeyResult r = HostSyntax.isIpLiteral(key)
                    ? byAddress(cmd.database(), key, file, ctx.settings())
                    : byName(cmd.database(), key, file, ctx);
            r.lines().forEach(ctx::out);
            answers.addAll(r.answers());
            summaries.add(r.summary());
            verdict = Verdict.worst(verdict, r.verdict());
        }
        return new ProbeResult(verdict, String.join("; ", summaries), details.withAnswers(answers));
    }

    // --- names -----------------------------------------------------------------------------------

    private static KeyResult byName(String database, String key, HostsFile file, ProbeContext ctx) {
        List<HostsFile.Entry> matches = file.lookup(key);
        List<HostsFile.Entry> selected = selectEntries(database, matches);
        if (!selected.isEmpty()) {
            return fromHostsFile(database, key, file.path(), selected);
        }
        NameResolver.Resolution resolution;
        try {
            resolution = NameResolver.of(ctx).resolve(key);
        } catch (UnknownHostException e) {
            return notFound(key);
        }
        List<InetAddress> addresses = selectAddresses(database, resolution.addresses());
        if (addresses.isEmpty()) {
            return notFound(key);
        }
        String source = switch (resolution.source()) {
            case DNS -> "dns";
            case HOSTS_FILE -> "hosts-file";
            default -> "system";
        };
        List<String> texts = addresses.stream().map(a -> mapped(database, a)).toList();
        List<String> lines = new ArrayList<>();
        List<HostsDetails.Answer> answers = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            if (database.equals("hosts")) {
                lines.add(hostsLine(texts.get(i), List.of(key)));
            } else {
                lines.addAll(ahostsLines(texts.get(i), i == 0 ? key : ""));
            }
            answers.add(new HostsDetails.Answer(key, texts.get(i), List.of(key), source));
        }
        String from = source.equals("dns")
                ? "from DNS"
                : source.equals("system") ? "from the system resolver" : "from the hosts file";
        return new KeyResult(
                Verdict.OK,
                key + " -> " + String.join(", ", new LinkedHashSet<>(texts)) + " " + from + " (not in " + file.path()
                        + ")",
                lines,
                answers);
    }

    private static KeyResult fromHostsFile(String database, String key, Path path, List<HostsFile.Entry> selected) {
        Set<String> names = new LinkedHashSet<>();
        for (HostsFile.Entry e : selected) {
            for (String n : e.names()) {
                if (names.stream().noneMatch(x -> x.equalsIgnoreCase(n))) {
                    names.add(n);
                }
            }
        }
        List<String> lines = new ArrayList<>();
        List<HostsDetails.Answer> answers = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (HostsFile.Entry e : selected) {
            String text = mapped(database, e.address());
            if (texts.contains(text)) {
                continue;
            }
            texts.add(text);
            if (database.equals("hosts")) {
                lines.add(hostsLine(text, List.copyOf(names)));
            } else {
                lines.addAll(ahostsLines(
                        text, texts.size() == 1 ? selected.get(0).names().get(0) : ""));
            }
            answers.add(new HostsDetails.Answer(key, text, e.names(), "hosts-file"));
        }
        String where = selected.stream()
                .map(e -> String.valueOf(e.line()))
                .distinct()
                .reduce((a, b) -> a + ", " + b)
                .orElse("");
        return new KeyResult(
                Verdict.OK,
                key + " -> " + String.join(", ", texts) + " from " + path + " (line " + where
                        + "): this host does not ask DNS for this name",
                lines,
                answers);
    }

    /** The hosts-file entries each database returns for a name. */
    private static List<HostsFile.Entry> selectEntries(String database, List<HostsFile.Entry> matches) {
        List<HostsFile.Entry> v4 =
                matches.stream().filter(e -> HostSyntax.isIpv4(e.address())).toList();
        List<HostsFile.Entry> v6 =
                matches.stream().filter(e -> !HostSyntax.isIpv4(e.address())).toList();
        return switch (database) {
            case "hosts", "ahostsv6" -> v6.isEmpty() ? v4 : v6; // ahostsv6 maps IPv4 answers (AI_V4MAPPED)
            case "ahostsv4" -> v4;
            default ->
                matches.stream()
                        // getaddrinfo's RFC 6724 sort puts ::1 before 127.0.0.1 on every machine
                        .sorted(Comparator.comparingInt(e -> isIpv6Loopback(e.address()) ? 0 : 1))
                        .toList();
        };
    }

    private static List<InetAddress> selectAddresses(String database, List<InetAddress> all) {
        List<InetAddress> v4 =
                all.stream().filter(a -> a instanceof Inet4Address).toList();
        List<InetAddress> v6 =
                all.stream().filter(a -> a instanceof Inet6Address).toList();
        return switch (database) {
            case "hosts", "ahostsv6" -> v6.isEmpty() ? v4 : v6;
            case "ahostsv4" -> v4;
            default -> all;
        };
    }

    private static boolean isIpv6Loopback(String address) {
        InetAddress a = HostsFile.literal(address);
        return a instanceof Inet6Address && a.isLoopbackAddress();
    }

    private static String mapped(String database, String address) {
        return database.equals("ahostsv6") && HostSyntax.isIpv4(address) ? "::ffff:" + address : literalText(address);
    }

    private static String mapped(String database, InetAddress address) {
        return database.equals("ahostsv6") ? AddressText.asIpv6(address) : AddressText.of(address);
    }

    /** A hosts-file address as printed by getent: re-formatted when Java can parse it, else as written. */
    private static String literalText(String literal) {
        InetAddress a = HostsFile.literal(literal);
        return a == null ? literal : AddressText.of(a);
    }

    private static KeyResult notFound(String key) {
        return new KeyResult(
                Verdict.FAIL,
                key + " is in neither the hosts file nor DNS: check the spelling," + " ask DNS directly (nslookup "
                        + key + "), or pin it in /etc/hosts",
                List.of(),
                List.of());
    }

    // --- addresses -------------------------------------------------------------------------------

    private static KeyResult byAddress(String database, String key, HostsFile file, Settings settings) {
        if (!database.equals("hosts")) {
            return numericAddrinfo(database, key);
        }
        for (HostsFile.Entry e : file.entries()) {
            if (HostsFile.sameAddress(e.address(), key)) {
                String text = literalText(e.address());
                return new KeyResult(
                        Verdict.OK,
                        key + " is " + e.names().get(0) + " in " + file.path() + " (line " + e.line() + ")",
                        List.of(hostsLine(text, e.names())),
                        List.of(new HostsDetails.Answer(key, text, e.names(), "hosts-file")));
            }
        }
        String name = reverseDns(key, settings);
        if (name == null) {
            return new KeyResult(
                    Verdict.FAIL,
                    key + " has no name in " + file.path()
                            + " and no PTR record in DNS: reverse lookups of this address give nothing",
                    List.of(),
                    List.of());
        }
        String text = literalText(key);
        String source = settings.dns().servers().isEmpty() ? "system" : "dns";
        return new KeyResult(
                Verdict.OK,
                key + " is " + name + " by reverse DNS (PTR)",
                List.of(hostsLine(text, List.of(name))),
                List.of(new HostsDetails.Answer(key, text, List.of(name), source)));
    }

    /** getaddrinfo on a numeric host: no lookup, the address comes back as its own canonical name. */
    private static KeyResult numericAddrinfo(String database, String key) {
        boolean v4 = HostSyntax.isIpv4(key);
        if (database.equals("ahostsv4") && !v4) {
            return new KeyResult(
                    Verdict.FAIL,
                    key + " is an IPv6 address: ahostsv4 returns only IPv4 addresses",
                    List.of(),
                    List.of());
        }
        String text = database.equals("ahostsv6") && v4 ? "::ffff:" + key : literalText(key);
        return new KeyResult(
                Verdict.OK,
                key + " is an address: getent returns it as is, nothing is looked up",
                ahostsLines(text, key),
                List.of(new HostsDetails.Answer(key, text, List.of(key), "literal")));
    }

    /** PTR lookup through the configured DNS servers, or the system resolver when none are configured. */
    private static String reverseDns(String key, Settings settings) {
        try {
            InetAddress address = InetAddress.getByName(key); // a literal: no lookup
            if (settings.dns().servers().isEmpty()) {
                String name = address.getCanonicalHostName();
                return name.equals(address.getHostAddress()) ? null : name;
            }
            Lookup lookup = new Lookup(ReverseMap.fromAddress(address), Type.PTR);
            lookup.setResolver(NameResolver.dnsResolver(settings));
            lookup.setCache(null);
            lookup.setSearchPath((Name[]) null);
            Record[] records = lookup.run();
            if (records != null) {
                for (Record r : records) {
                    if (r instanceof PTRRecord ptr) {
                        return ptr.getTarget().toString(true);
                    }
                }
            }
            return null;
        } catch (UnknownHostException e) {
            return null;
        }
    }

    // --- formats ---------------------------------------------------------------------------------

    static String hostsLine(String address, List<String> names) {
        return String.format(Locale.ROOT, "%-15s %s", address, String.join(" ", names));
    }

    static List<String> ahostsLines(String address, String canonicalName) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < SOCKET_TYPES.length; i++) {
            lines.add(
                    String.format(Locale.ROOT, "%-15s %-6s %s", address, SOCKET_TYPES[i], i == 0 ? canonicalName : ""));
        }
        return lines;
    }
}

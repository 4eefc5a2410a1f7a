package dev.probebook.probe.dns;

import dev.probebook.net.AddressText;
import dev.probebook.net.HostsFile;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.xbill.DNS.Type;

/**
 * Compares a DNS answer with the hosts file. nslookup, dig and host ask DNS only, but programs on this
 * host resolve "files" first: an entry in /etc/hosts silently wins. When it maps the name elsewhere than
 * DNS does, that is the classic "works here, fails there" (or the reverse), so the probe says so.
 */
final class HostsCheck {

    private HostsCheck() {}

    /**
     * The hosts file's entry for a forward address lookup, or null when the file has none (or the lookup
     * asked no address type, or is a reverse lookup).
     */
    static DnsDetails.HostsOverride check(DnsCommand cmd, Path hostsFile, List<String> dnsAddresses) {
        boolean asksAddresses = cmd.types().stream().anyMatch(t -> t == Type.A || t == Type.AAAA || t == Type.ANY);
        if (cmd.reverse() || !asksAddresses) {
            return null;
        }
        HostsFile hosts;
        try {
            hosts = HostsFile.read(hostsFile);
        } catch (IOException e) {
            return null; // unreadable: the C library skips it too
        }
        Set<String> mapped = new LinkedHashSet<>();
        for (HostsFile.Entry e : hosts.lookup(cmd.name())) {
            mapped.add(normalise(e.address()));
        }
        if (mapped.isEmpty()) {
            return null;
        }
        Set<String> fromDns = new LinkedHashSet<>();
        dnsAddresses.forEach(a -> fromDns.add(normalise(a)));
        return new DnsDetails.HostsOverride(
                hostsFile.toString(), new ArrayList<>(mapped), !fromDns.containsAll(mapped));
    }

    /** The line the probe adds after the tool's output. */
    static String note(DnsCommand cmd, DnsDetails.HostsOverride o) {
        return ";; note: " + o.file() + " maps " + cmd.name() + " to " + String.join(", ", o.addresses())
                + ": programs on this host use that, not DNS";
    }

    /** One spelling per address ({@code ::1} and {@code 0:0:0:0:0:0:0:1} compare equal). */
    private static String normalise(String literal) {
        try {
            InetAddress a = InetAddress.getByName(literal); // a literal: no lookup happens
            return AddressText.of(a);
        } catch (UnknownHostException e) {
            return literal;
        }
    }
}

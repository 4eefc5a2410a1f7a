package dev.probebook.net;

import dev.probebook.command.HostPort;
import dev.probebook.command.HostSyntax;
import dev.probebook.probe.ProbeContext;
import dev.probebook.settings.Settings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.Lookup;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Resolves host names the way the system would for the real tools (NSS order "files dns"): the
 * configured hosts file first ({@code probebook.hosts-file}), then DNS through the configured servers
 * ({@code probebook.dns.servers}), or the system resolver when none are configured. Tests point both at
 * temp files and loopback servers, so no lookup leaves the machine.
 */
public final class NameResolver {

    /** Where the addresses came from, so probes can say "from /etc/hosts". */
    public enum Source {
        LITERAL,
        HOSTS_FILE,
        DNS,
        SYSTEM
    }

    public record Resolution(String host, List<InetAddress> addresses, Source source) {}

    private final Settings settings;

    public NameResolver(Settings settings) {
        this.settings = settings;
    }

    public static NameResolver of(ProbeContext ctx) {
        return new NameResolver(ctx.settings());
    }

    /** Resolves {@code host}; throws {@link UnknownHostException} when no address is found. */
    public Resolution resolve(String host) throws UnknownHostException {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (HostSyntax.isIpLiteral(h)) {
            return new Resolution(host, List.of(InetAddress.getByName(h)), Source.LITERAL);
        }
        try {
            HostsFile hosts = HostsFile.read(settings.hostsFile());
            List<InetAddress> fromFile = new ArrayList<>();
            for (HostsFile.Entry e : hosts.lookup(h)) {
                fromFile.add(InetAddress.getByName(e.address()));
            }
            if (!fromFile.isEmpty()) {
                return new Resolution(host, List.copyOf(fromFile), Source.HOSTS_FILE);
            }
        } catch (IOException e) {
            // unreadable hosts file: fall through to DNS, as the C library does
        }
        if (settings.dns().servers().isEmpty()) {
            InetAddress[] all = InetAddress.getAllByName(h);
            return new Resolution(host, List.of(all), Source.SYSTEM);
        }
        List<InetAddress> found = new ArrayList<>();
        try {
            Resolver resolver = dnsResolver(settings);
            for (int type : new int[] {Type.A, Type.AAAA}) {
                Lookup lookup = new Lookup(Name.fromString(h.endsWith(".") ? h : h + "."), type);
                lookup.setResolver(resolver);
                lookup.setCache(null);
                lookup.setSearchPath((Name[]) null);
                Record[] records = lookup.run();
                if (records != null) {
                    for (Record r : records) {
                        if (r instanceof ARecord a) {
                            found.add(a.getAddress());
                        } else if (r instanceof AAAARecord aaaa) {
                            found.add(aaaa.getAddress());
                        }
                    }
                }
            }
        } catch (TextParseException e) {
            throw new UnknownHostException(host);
        }
        if (found.isEmpty()) {
            throw new UnknownHostException(host);
        }
        return new Resolution(host, List.copyOf(found), Source.DNS);
    }

    /** A dnsjava resolver for the configured servers ({@code host[:port]}), with the configured timeout. */
    public static Resolver dnsResolver(Settings settings) throws UnknownHostException {
        List<Resolver> resolvers = new ArrayList<>();
        for (String server : settings.dns().servers()) {
            InetSocketAddress address = serverAddress(server);
            SimpleResolver r = new SimpleResolver(address);
            r.setTimeout(settings.dns().timeout());
            resolvers.add(r);
        }
        if (resolvers.size() == 1) {
            return resolvers.get(0);
        }
        ExtendedResolver ext = new ExtendedResolver(resolvers);
        ext.setTimeout(settings.dns().timeout());
        ext.setRetries(1);
        return ext;
    }

    /** Parses {@code host}, {@code host:port}, {@code [v6]:port} or {@code v6} into a socket address (port 53 default). */
    public static InetSocketAddress serverAddress(String server) throws UnknownHostException {
        HostPort hostPort = HostPort.split(server);
        return new InetSocketAddress(InetAddress.getByName(hostPort.host()), hostPort.portOr(53));
    }
}

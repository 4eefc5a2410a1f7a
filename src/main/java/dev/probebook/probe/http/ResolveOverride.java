package dev.probebook.probe.http;

import dev.probebook.command.Args;
import dev.probebook.command.HostSyntax;
import dev.probebook.command.UsageException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One {@code --resolve HOST:PORT:ADDR[,ADDR...]} entry: connections to HOST on PORT use these addresses
 * instead of a lookup. {@code text} is the entry as written, for curl's "Added ... to DNS cache" line.
 */
public record ResolveOverride(String host, int port, List<InetAddress> addresses, String text) {

    public ResolveOverride {
        addresses = List.copyOf(addresses);
    }

    public boolean matches(String name, int p) {
        return port == p && host.equalsIgnoreCase(name);
    }

    public static ResolveOverride parse(String raw) throws UsageException {
        // curl's HOST:PORT:ADDR grammar, not host[:port] (HostPort): the first two colons separate fields
        // and only the addresses may be bracketed IPv6.
        int first = raw.indexOf(':');
        int second = first < 0 ? -1 : raw.indexOf(':', first + 1);
        if (first <= 0 || second < 0) {
            throw new UsageException("--resolve needs HOST:PORT:ADDRESS, got '" + raw + "'");
        }
        String host = HostSyntax.validate(raw.substring(0, first));
        int port = Args.parsePort(raw.substring(first + 1, second));
        List<InetAddress> addresses = new ArrayList<>();
        for (String part : raw.substring(second + 1).split(",")) {
            String a = part.strip();
            if (a.startsWith("[") && a.endsWith("]")) {
                a = a.substring(1, a.length() - 1);
            }
            if (!HostSyntax.isIpLiteral(a)) {
                throw new UsageException("--resolve " + raw + ": '" + part + "' is not an IP address");
            }
            try {
                addresses.add(InetAddress.getByName(a));
            } catch (UnknownHostException e) {
                throw new UsageException("--resolve " + raw + ": '" + part + "' is not an IP address");
            }
        }
        return new ResolveOverride(host.toLowerCase(Locale.ROOT), port, addresses, raw);
    }
}

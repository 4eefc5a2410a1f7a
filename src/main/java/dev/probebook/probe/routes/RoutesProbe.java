package dev.probebook.probe.routes;

import dev.probebook.command.Args;
import dev.probebook.command.UsageException;
import dev.probebook.probe.Probe;
import dev.probebook.probe.ProbeContext;
import dev.probebook.probe.ProbeResult;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The IPv4 routing table: {@code ip route [show] [default] [dev IFACE]}, {@code ip route get ADDRESS},
 * {@code route [-n]}, {@code netstat -r[n]}, printed as those tools print it, with a verdict on the default route
 * (or on where one address goes). Reads local state only ({@code /proc/net/route}): no traffic, no timeout, no
 * target policy (nothing is sent anywhere).
 */
public final class RoutesProbe implements Probe<RoutesCommand> {

    private final TableSource table;
    private final LocalAddresses local;

    /** Where the table comes from (tests pass fixtures). */
    interface TableSource {
        RouteTable read() throws IOException;
    }

    /** The host's own IPv4 addresses: which interface has which (for {@code src} and local destinations). */
    interface LocalAddresses {
        /** The first IPv4 address of the interface, or null. */
        String of(String iface);

        /** Whether the address is one of this host's own. */
        boolean isLocal(int address);
    }

    public RoutesProbe() {
        this(() -> RouteTable.read(RouteTable.PROC), new JavaLocalAddresses());
    }

    RoutesProbe(TableSource table, LocalAddresses local) {
        this.table = table;
        this.local = local;
    }

    @Override
    public String name() {
        return "routes";
    }

    @Override
    public Set<String> commandWords() {
        return Set.of("ip", "route", "netstat");
    }

    /** {@code ip} only for its route object, {@code netstat} only with {@code -r}: the rest are other probes'. */
    @Override
    public boolean claims(String word, List<String> words) {
        return switch (word) {
            case "route" -> true;
            case "ip" -> RoutesParser.isIpRoute(words);
            case "netstat" -> RoutesParser.isNetstatRoute(words);
            default -> false;
        };
    }

    @Override
    public RoutesCommand parse(String word, Args args) throws UsageException {
        return switch (word) {
            case "ip" -> RoutesParser.ip(args);
            case "netstat" -> RoutesParser.netstat(args);
            default -> RoutesParser.route(args);
        };
    }

    @Override
    public ProbeResult run(RoutesCommand cmd, ProbeContext ctx) {
        RouteTable all;
        try {
            all = table.read();
        } catch (IOException e) {
            return ProbeResult.error("cannot read the routing table (" + RouteTable.PROC + "): " + e.getMessage());
        }
        if (cmd.form() == RoutesCommand.Form.IP_ROUTE_GET) {
            return get(cmd.destination(), all, ctx);
        }
        Predicate<Route> shown = r -> (!cmd.defaultOnly() || r.isDefault())
                && (cmd.iface() == null || r.iface().equals(cmd.iface()));
        List<Route> routes = all.routes().stream().filter(shown).toList();
        RoutesView.lines(cmd, routes, this::kernelSource).forEach(ctx::out);
        return RoutesVerdict.table(all, routes, cmd.iface());
    }

    /** A link route made from an address of its interface: that address (ip shows it as the route's source). */
    private String kernelSource(Route r) {
        if (r.viaGateway() || r.reject()) {
            return null;
        }
        String own = local.of(r.iface());
        Integer address = own == null ? null : RoutesParser.parse(own);
        return address != null && r.matches(address) ? own : null;
    }

    private ProbeResult get(String destination, RouteTable all, ProbeContext ctx) {
        Integer address = RoutesParser.parse(destination);
        if (address == null) {
            ctx.out("Error: any valid prefix is expected rather than \"" + destination + "\".");
            return ProbeResult.error("ip route get takes an IPv4 address, not '" + destination
                    + "' (look a name up first: nslookup NAME)");
        }
        if ((address >>> 24) == 127 || local.isLocal(address)) {
            ctx.out("local " + destination + " dev lo src " + destination + " uid " + Uid.current() + " ");
            ctx.out("    cache <local> ");
            return RoutesVerdict.local(destination, all);
        }
        Optional<Route> route = all.lookup(address).filter(r -> !r.reject());
        if (route.isEmpty()) {
            ctx.out("RTNETLINK answers: Network is unreachable");
            return RoutesVerdict.none(destination, all);
        }
        Route r = route.get();
        String src = local.of(r.iface());
        ctx.out(destination + (r.viaGateway() ? " via " + Route.dotted(r.gateway()) : "") + " dev " + r.iface()
                + (src == null ? "" : " src " + src) + " uid " + Uid.current() + " ");
        ctx.out("    cache ");
        return RoutesVerdict.via(destination, r, src, all);
    }

    /** The host's addresses as Java sees them. */
    static final class JavaLocalAddresses implements LocalAddresses {
        @Override
        public String of(String iface) {
            try {
                NetworkInterface ni = NetworkInterface.getByName(iface);
                if (ni == null) {
                    return null;
                }
                return ni.inetAddresses()
                        .filter(a -> a instanceof Inet4Address)
                        .map(InetAddress::getHostAddress)
                        .findFirst()
                        .orElse(null);
            } catch (SocketException e) {
                return null;
            }
        }

        @Override
        public boolean isLocal(int address) {
            try {
                return NetworkInterface.networkInterfaces()
                        .flatMap(NetworkInterface::inetAddresses)
                        .filter(a -> a instanceof Inet4Address)
                        .anyMatch(a -> RoutesParser.parse(a.getHostAddress()) == address);
            } catch (SocketException e) {
                return false;
            }
        }
    }
}

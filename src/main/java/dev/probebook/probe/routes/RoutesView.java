package dev.probebook.probe.routes;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** The table as iproute2's {@code ip route}, net-tools' {@code route} and {@code netstat -r} print it. */
final class RoutesView {

    private RoutesView() {}

    /**
     * @param kernelSource for a route on the link, the interface's own address in that network (the kernel made the
     *     route from that address: ip prints {@code proto kernel ... src ADDRESS}), or null
     */
    static List<String> lines(RoutesCommand cmd, List<Route> routes, Function<Route, String> kernelSource) {
        List<String> out = new ArrayList<>();
        switch (cmd.form()) {
            case IP_ROUTE -> routes.forEach(r -> out.add(ipLine(r, kernelSource.apply(r)) + " "));
            case ROUTE ->
                table(
                        out,
                        "Destination     Gateway         Genmask         Flags Metric Ref    Use Iface",
                        "%-15s %-15s %-15s %-5s %-6d %-2d %7d %s",
                        cmd,
                        routes,
                        r -> new Object[] {r.metric(), r.refCount(), r.use()});
            case NETSTAT ->
                table(
                        out,
                        "Destination     Gateway         Genmask         Flags   MSS Window  irtt Iface",
                        "%-15s %-15s %-15s %-5s %5d %-5d %6d %s",
                        cmd,
                        routes,
                        r -> new Object[] {r.mtu(), r.window(), r.irtt()});
            case IP_ROUTE_GET -> throw new IllegalArgumentException("ip route get prints its own line");
        }
        return out;
    }

    /** net-tools' table: the same first four columns and the interface, three numbers of the tool's own between. */
    private static void table(
            List<String> out,
            String header,
            String format,
            RoutesCommand cmd,
            List<Route> routes,
            Function<Route, Object[]> numbers) {
        out.add("Kernel IP routing table");
        out.add(header);
        for (Route r : routes) {
            Object[] n = numbers.apply(r);
            out.add(String.format(
                    Locale.ROOT,
                    format,
                    destination(cmd, r),
                    Route.dotted(r.gateway()),
                    Route.dotted(r.mask()),
                    r.flagLetters(),
                    n[0],
                    n[1],
                    n[2],
                    r.iface()));
        }
    }

    /** Without {@code -n} the tools print names; Probebook looks none up, so only the default route is named. */
    private static String destination(RoutesCommand cmd, Route r) {
        return !cmd.numeric() && r.isDefault() ? "default" : Route.dotted(r.destination());
    }

    /** One route as {@code ip route} prints it (the kernel's proc table has no protocol or preferred source). */
    static String ipLine(Route r) {
        return ipLine(r, null);
    }

    static String ipLine(Route r, String kernelSource) {
        StringBuilder line = new StringBuilder();
        if (r.reject()) {
            line.append("unreachable ");
        }
        line.append(r.isDefault() ? "default" : network(r));
        if (r.viaGateway()) {
            line.append(" via ").append(Route.dotted(r.gateway()));
        }
        if (!r.reject()) {
            line.append(" dev ").append(r.iface());
        }
        if (!r.viaGateway() && !r.reject()) {
            line.append(kernelSource == null ? " scope link" : " proto kernel scope link src " + kernelSource);
        }
        if (r.metric() != 0) {
            line.append(" metric ").append(r.metric());
        }
        return line.toString();
    }

    private static String network(Route r) {
        return r.prefix() == 32 ? Route.dotted(r.destination()) : Route.dotted(r.destination()) + "/" + r.prefix();
    }
}

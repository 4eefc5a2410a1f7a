package dev.probebook.probe.routes;

import dev.probebook.probe.ProbeResult;
import java.util.List;
import java.util.Optional;

/** What the table means for reaching other hosts: a default route or not, and where one address goes. */
final class RoutesVerdict {

    private RoutesVerdict() {}

    static ProbeResult table(RouteTable all, List<Route> shown, String iface) {
        Optional<Route> gateway = all.defaultRoute();
        RoutesDetails details = new RoutesDetails(
                shown.stream().map(RoutesView::ipLine).toList(),
                gateway.map(r -> Route.dotted(r.gateway())).orElse(null),
                null,
                null);
        if (all.routes().isEmpty()) {
            return ProbeResult.warn(
                    "the routing table is empty: this host reaches no network but itself (loopback);"
                            + " every other address fails with 'Network is unreachable'",
                    details);
        }
        if (iface != null && shown.isEmpty()) {
            return ProbeResult.warn(
                    "no route uses " + iface + ": nothing is sent through it (is it up, with an address? ip addr show "
                            + iface + ")",
                    details);
        }
        if (gateway.isEmpty()) {
            return ProbeResult.warn(
                    "no default route: only the networks listed are reachable ("
                            + String.join(
                                    ", ",
                                    all.routes().stream()
                                            .map(RoutesVerdict::network)
                                            .toList())
                            + "); any other address fails with 'Network is unreachable' (add a gateway:"
                            + " ip route add default via GATEWAY)",
                    details);
        }
        Route d = gateway.get();
        return ProbeResult.ok(
                "default route via " + Route.dotted(d.gateway()) + " on " + d.iface() + "; "
                        + all.routes().size()
                        + " route(s) in the table"
                        + (shown.size() != all.routes().size() ? ", " + shown.size() + " shown" : ""),
                details);
    }

    static ProbeResult local(String destination, RouteTable all) {
        return ProbeResult.ok(
                destination + " is this host's own address: the traffic stays on the machine (dev lo)",
                details(destination, "local", all));
    }

    static ProbeResult none(String destination, RouteTable all) {
        return ProbeResult.fail(
                "no route to " + destination + ": connecting there fails at once with 'Network is unreachable';"
                        + " the table has no default route and no network holding it (check the address, or add a"
                        + " route: ip route add default via GATEWAY)",
                details(destination, null, all));
    }

    static ProbeResult via(String destination, Route r, String src, RouteTable all) {
        String from = src == null ? "" : " (from " + src + ")";
        if (r.viaGateway()) {
            return ProbeResult.ok(
                    destination + " is reached via gateway " + Route.dotted(r.gateway()) + " on " + r.iface() + from
                            + (r.isDefault() ? ", the default route" : ", route " + network(r))
                            + "; if it does not answer, the path past the gateway or a firewall is next",
                    details(destination, "via " + Route.dotted(r.gateway()) + " dev " + r.iface(), all));
        }
        return ProbeResult.ok(
                destination + " is on " + r.iface() + "'s own network (" + network(r) + "): sent directly, no gateway"
                        + from + "; if it does not answer, check the host itself (ARP: ip neigh)",
                details(destination, "dev " + r.iface(), all));
    }

    private static RoutesDetails details(String destination, String path, RouteTable all) {
        return new RoutesDetails(
                all.routes().stream().map(RoutesView::ipLine).toList(),
                all.defaultRoute().map(r -> Route.dotted(r.gateway())).orElse(null),
                destination,
                path);
    }

    private static String network(Route r) {
        return r.isDefault() ? "default" : Route.dotted(r.destination()) + "/" + r.prefix();
    }
}

package dev.probebook.probe.routes;

import dev.probebook.probe.ProbeDetails;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Structured result of a routing-table command: the routes shown and, for {@code ip route get}, where the address
 * goes.
 *
 * @param routes each route as {@code ip route} writes it
 * @param defaultGateway the default route's next hop, or null when there is none
 * @param destination the address asked about ({@code ip route get}), else null
 * @param path where it goes ({@code via 192.0.2.1 dev eth0}, {@code dev eth0}, {@code local}), null for no route
 */
public record RoutesDetails(List<String> routes, String defaultGateway, String destination, String path)
        implements ProbeDetails {

    public RoutesDetails {
        routes = List.copyOf(routes);
    }

    @Override
    public Map<String, String> facts() {
        Map<String, String> f = new LinkedHashMap<>();
        if (destination != null) {
            f.put("route to " + destination, path == null ? "none" : path);
        } else {
            f.put("default gateway", defaultGateway == null ? "none" : defaultGateway);
            f.put("routes", String.valueOf(routes.size()));
        }
        return f;
    }
}

package dev.probebook.probe.routes;

import dev.probebook.net.KernelHex;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The kernel's IPv4 main routing table, read from {@code /proc/net/route} (what {@code route -n} and
 * {@code netstat -rn} read): no netlink, no privilege. Addresses there are hex in the machine's byte order
 * (little-endian on the machines Probebook runs on).
 */
record RouteTable(List<Route> routes) {

    static final Path PROC = Path.of("/proc/net/route");

    RouteTable {
        routes = List.copyOf(routes);
    }

    static RouteTable read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.US_ASCII));
    }

    /** Parses the file's text; lines that do not parse are skipped (the header among them). */
    static RouteTable parse(String text) {
        List<Route> routes = new ArrayList<>();
        for (String line : text.split("\n")) {
            String[] f = line.strip().split("\\s+");
            if (f.length < 11 || f[0].equals("Iface")) {
                continue;
            }
            try {
                routes.add(new Route(
                        f[0],
                        address(f[1]),
                        address(f[2]),
                        Integer.parseInt(f[3], 16),
                        Integer.parseInt(f[4]),
                        Integer.parseInt(f[5]),
                        Integer.parseInt(f[6]),
                        address(f[7]),
                        Integer.parseInt(f[8]),
                        Integer.parseInt(f[9]),
                        Integer.parseInt(f[10])));
            } catch (IllegalArgumentException e) { // NumberFormatException among them
                // not a route line
            }
        }
        return new RouteTable(routes);
    }

    /** A /proc hex address ({@code 010200C0} is 192.0.2.1, see {@link KernelHex}) as an int, first octet highest. */
    private static int address(String hex) {
        return ByteBuffer.wrap(KernelHex.addressBytes(hex)).getInt();
    }

    Optional<Route> defaultRoute() {
        return routes.stream().filter(r -> r.isDefault() && !r.reject()).min(Comparator.comparingInt(Route::metric));
    }

    /** The route the kernel picks for {@code address}: longest prefix, then lowest metric. */
    Optional<Route> lookup(int address) {
        return routes.stream()
                .filter(r -> r.matches(address))
                .max(Comparator.comparingInt(Route::prefix).thenComparing(Route::metric, Comparator.reverseOrder()));
    }
}

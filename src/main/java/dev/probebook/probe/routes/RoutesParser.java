package dev.probebook.probe.routes;

import dev.probebook.command.Args;
import dev.probebook.command.UsageException;
import java.util.List;

/** Parses the read-only routing-table commands; anything that would change a route is refused with why. */
final class RoutesParser {

    private static final List<String> CHANGES =
            List.of("add", "del", "delete", "change", "replace", "flush", "append", "prepend", "save", "restore");

    private RoutesParser() {}

    /** Whether an {@code ip} line's object (after its options) is {@code route} or an abbreviation ({@code ip r}). */
    static boolean isIpRoute(List<String> words) {
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (w.equals("-f") || w.equals("-family")) {
                i++;
            } else if (!w.startsWith("-")) {
                return "route".startsWith(w);
            }
        }
        return false;
    }

    /** Whether a {@code netstat} line asks for the routing table ({@code -r}, {@code -rn}, {@code --route}). */
    static boolean isNetstatRoute(List<String> words) {
        return words.stream()
                .anyMatch(w -> w.equals("--route") || (w.startsWith("-") && !w.startsWith("--") && w.indexOf('r') > 0));
    }

    static RoutesCommand ip(Args args) throws UsageException {
        while (args.hasNext()) {
            String w = args.next();
            switch (w) {
                case "-4" -> {}
                case "-6" ->
                    throw new UsageException(
                            "ip -6 route: Probebook reads the IPv4 routing table only (ip route, ip route get ADDRESS)");
                case "-c", "-color", "--color", "-color=never", "--color=never", "-color=auto", "--color=auto" -> {}
                case "-f", "-family" -> {
                    String f = args.valueOf(w);
                    if (!f.equals("inet")) {
                        throw new UsageException("ip: family '" + f + "' is not supported here (inet)");
                    }
                }
                default -> {
                    if (w.startsWith("-")) {
                        throw new UsageException("ip: unsupported option " + w + " (supported: -4 -c)");
                    }
                    return ipRoute(args); // the object word, route or an abbreviation of it
                }
            }
        }
        throw new UsageException("ip: missing object (use ip route)");
    }

    private static RoutesCommand ipRoute(Args args) throws UsageException {
        boolean defaultOnly = false;
        String iface = null;
        boolean first = true;
        while (args.hasNext()) {
            String w = args.next();
            if (CHANGES.contains(w)) {
                throw new UsageException("ip route " + w
                        + " changes the routing table; Probebook only reads it (ip route, ip route get ADDRESS)");
            }
            if (first && w.equals("get")) {
                if (!args.hasNext()) {
                    throw new UsageException("ip route get: which address? (ip route get 10.0.0.5)");
                }
                String raw = args.next();
                String destination = args.template() ? raw : address(raw);
                while (args.hasNext()) {
                    String extra = args.next();
                    throw new UsageException(
                            "ip route get: '" + extra + "' is not supported here (ip route get ADDRESS)");
                }
                return new RoutesCommand(RoutesCommand.Form.IP_ROUTE_GET, true, destination, false, null);
            }
            if (first && (w.equals("show") || w.equals("list") || w.equals("ls") || w.equals("lst"))) {
                first = false;
                continue;
            }
            first = false;
            switch (w) {
                case "default" -> defaultOnly = true;
                case "dev" -> {
                    String raw = args.valueOf("dev");
                    String checked = args.iface(raw);
                    iface = args.template() ? raw : checked;
                }
                default ->
                    throw new UsageException("ip route: '" + w
                            + "' is not supported here (ip route [show] [default] [dev IFACE], ip route get ADDRESS)");
            }
        }
        return new RoutesCommand(RoutesCommand.Form.IP_ROUTE, true, null, defaultOnly, iface);
    }

    static RoutesCommand route(Args args) throws UsageException {
        boolean numeric = false;
        while (args.hasNext()) {
            String w = args.next();
            switch (w) {
                case "-n" -> numeric = true;
                case "-e", "-ee", "-v", "-4", "-A", "inet" -> {
                    if (w.equals("-A")) {
                        String family = args.valueOf("-A");
                        if (!family.equals("inet")) {
                            throw new UsageException(
                                    "route -A " + family + ": Probebook reads the IPv4 routing table only (route -n)");
                        }
                    }
                }
                case "-6" ->
                    throw new UsageException("route -6: Probebook reads the IPv4 routing table only (route -n)");
                default -> {
                    if (CHANGES.contains(w)) {
                        throw new UsageException(
                                "route " + w + " changes the routing table; Probebook only reads it (route -n)");
                    }
                    throw new UsageException("route: '" + w + "' is not supported here (route, route -n)");
                }
            }
        }
        return new RoutesCommand(RoutesCommand.Form.ROUTE, numeric, null, false, null);
    }

    static RoutesCommand netstat(Args args) throws UsageException {
        boolean numeric = false;
        while (args.hasNext()) {
            String w = args.next();
            if (w.equals("--route")) {
                continue;
            }
            if (w.equals("--numeric")) {
                numeric = true;
                continue;
            }
            if (!w.startsWith("-") || w.startsWith("--")) {
                throw new UsageException("netstat -r: '" + w + "' is not supported here (netstat -rn)");
            }
            for (char c : w.substring(1).toCharArray()) {
                switch (c) {
                    case 'r', 'e', 'v', '4' -> {}
                    case 'n' -> numeric = true;
                    default ->
                        throw new UsageException(
                                "netstat -r: option -" + c + " does not go with the routing table here (netstat -rn)");
                }
            }
        }
        return new RoutesCommand(RoutesCommand.Form.NETSTAT, numeric, null, false, null);
    }

    /** An IPv4 address literal, as {@code ip route get} wants (it takes no names). */
    static String address(String raw) throws UsageException {
        if (parse(raw) == null) {
            throw new UsageException(
                    "ip route get: Error: any valid prefix is expected rather than \"" + raw + "\" (an IPv4 address)");
        }
        return raw;
    }

    /** The address in host order, or null when {@code raw} is not a dotted IPv4 address. */
    static Integer parse(String raw) {
        String[] parts = raw.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        int value = 0;
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) {
                return null;
            }
            int octet = Integer.parseInt(p);
            if (octet > 255) {
                return null;
            }
            value = (value << 8) | octet;
        }
        return value;
    }
}

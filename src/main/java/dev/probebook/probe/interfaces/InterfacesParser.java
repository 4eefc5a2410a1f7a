package dev.probebook.probe.interfaces;

import dev.probebook.command.Args;
import dev.probebook.command.UsageException;
import java.util.List;

/** Parses {@code ifconfig} and the read-only forms of {@code ip addr} / {@code ip link}. */
final class InterfacesParser {

    private InterfacesParser() {}

    static IfconfigCommand ifconfig(Args args) throws UsageException {
        boolean all = false;
        String iface = null;
        while (args.hasNext()) {
            String w = args.next();
            if (w.equals("-a")) {
                all = true;
            } else if (w.startsWith("-") && w.length() > 1) {
                throw new UsageException(
                        "ifconfig: unsupported option " + w + " (supported: ifconfig, ifconfig -a, ifconfig IFACE)");
            } else if (iface == null) {
                iface = args.iface(w);
                iface = args.template() ? w : iface;
            } else {
                throw new UsageException("ifconfig: '" + w + "': changing interface settings is not supported;"
                        + " Probebook only shows them (ifconfig IFACE)");
            }
        }
        return new IfconfigCommand(all, iface);
    }

    /** The ip object a word names, as ip matches abbreviations ({@code a}, {@code addr}, {@code l}); null for others. */
    static IpCommand.Object object(String word) {
        if (!word.isEmpty() && "address".startsWith(word)) {
            return IpCommand.Object.ADDRESS;
        }
        if (!word.isEmpty() && "link".startsWith(word)) {
            return IpCommand.Object.LINK;
        }
        return null;
    }

    /** The object word of an ip command line (after its options), or null. */
    static IpCommand.Object objectOf(List<String> words) {
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (w.equals("-f") || w.equals("-family")) {
                i++;
            } else if (!w.startsWith("-")) {
                return object(w);
            }
        }
        return null;
    }

    static IpCommand ip(Args args) throws UsageException {
        int family = 0;
        boolean brief = false;
        IpCommand.Object object = null;
        while (args.hasNext() && object == null) {
            String w = args.next();
            switch (w) {
                case "-4" -> family = 4;
                case "-6" -> family = 6;
                case "-br", "-brief", "--brief" -> brief = true;
                case "-c",
                        "-color",
                        "--color",
                        "-color=auto",
                        "--color=auto",
                        "-color=never",
                        "--color=never",
                        "-c=auto",
                        "-c=never" -> {} // no terminal, so no colours either way
                case "-f", "-family" -> {
                    String f = args.valueOf(w);
                    family = switch (f) {
                        case "inet" -> 4;
                        case "inet6" -> 6;
                        default -> throw new UsageException("ip: family '" + f + "' is not supported (inet or inet6)");
                    };
                }
                default -> {
                    if (w.startsWith("-")) {
                        throw new UsageException(
                                "ip: unsupported option " + w + " (supported: -4 -6 -br -c -f inet|inet6)");
                    }
                    object = object(w);
                    if (object == null) {
                        throw new UsageException(
                                "ip: only 'ip addr' and 'ip link' are supported here, not 'ip " + w + "'");
                    }
                }
            }
        }
        if (object == null) {
            throw new UsageException("ip: missing object (use ip addr or ip link)");
        }
        String iface = null;
        boolean up = false;
        boolean first = true;
        while (args.hasNext()) {
            String w = args.next();
            if (first && (isPrefix(w, "show") || isPrefix(w, "list") || w.equals("lst"))) {
                first = false;
                continue;
            }
            first = false;
            if (w.equals("dev")) {
                iface = ifaceOperand(args, args.valueOf("dev"));
            } else if (w.equals("up")) {
                up = true;
            } else if (List.of("add", "del", "delete", "change", "replace", "flush", "set")
                    .contains(w)) {
                throw new UsageException("ip: '" + w
                        + "' changes the system; Probebook only shows interfaces (ip addr show [dev] IFACE)");
            } else if (iface == null && !w.startsWith("-")) {
                iface = ifaceOperand(args, w);
            } else {
                throw new UsageException("ip: unexpected word '" + w + "' (usage: ip addr show [dev] IFACE [up])");
            }
        }
        return new IpCommand(object, family, brief, iface, up);
    }

    private static String ifaceOperand(Args args, String raw) throws UsageException {
        String checked = args.iface(raw);
        return args.template() ? raw : checked;
    }

    private static boolean isPrefix(String word, String full) {
        return !word.isEmpty() && full.startsWith(word);
    }
}

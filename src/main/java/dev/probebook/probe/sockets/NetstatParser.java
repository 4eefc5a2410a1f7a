package dev.probebook.probe.sockets;

import dev.probebook.command.Args;
import dev.probebook.command.UsageException;

/** Parses netstat's socket-listing options ({@code -nap}, {@code -tulpn}, {@code --listening}, ...). */
final class NetstatParser {

    static final String SUPPORTED = "-a -l -n -p -t -u -w -x -e -W -4 -6 -A FAMILY, and their long forms";

    private boolean all;
    private boolean listening;
    private boolean tcp;
    private boolean udp;
    private boolean raw;
    private boolean unix;
    private boolean inet4;
    private boolean inet6;
    private boolean numericHosts;
    private boolean numericPorts;
    private boolean numericUsers;
    private boolean programs;
    private boolean wide;
    private boolean extend;

    private NetstatParser() {}

    static NetstatCommand parse(Args args) throws UsageException {
        NetstatParser p = new NetstatParser();
        while (args.hasNext()) {
            String w = args.next();
            if (w.startsWith("--")) {
                p.longOption(w, args);
            } else if (w.startsWith("-") && w.length() > 1) {
                for (int k = 1; k < w.length(); k++) {
                    char c = w.charAt(k);
                    if (c == 'A') {
                        String rest = w.substring(k + 1);
                        p.family(rest.isEmpty() ? args.valueOf("-A") : rest);
                        break;
                    }
                    p.shortOption(c);
                }
            } else {
                throw new UsageException(
                        "netstat: unexpected operand '" + w
                                + "' (netstat takes only options; to look for one port pipe into grep: netstat -tlnp | grep 8080)");
            }
        }
        return p.build();
    }

    private void shortOption(char c) throws UsageException {
        switch (c) {
            case 'a' -> all = true;
            case 'l' -> listening = true;
            case 'n' -> {
                numericHosts = true;
                numericPorts = true;
                numericUsers = true;
            }
            case 'p' -> programs = true;
            case 't' -> tcp = true;
            case 'u' -> udp = true;
            case 'w' -> raw = true;
            case 'x' -> unix = true;
            case 'e' -> extend = true;
            case 'W' -> wide = true;
            case '4' -> inet4 = true;
            case '6' -> inet6 = true;
            case 'v' -> {} // verbose only adds warnings about unsupported families
            case 'r' ->
                throw new UsageException("netstat -r shows the routing table, not sockets: give it as a command of its"
                        + " own (netstat -rn)");
            case 'i' -> throw unsupported("-i (interface table): use 'ip -s link' or 'ifconfig'");
            case 's' -> throw unsupported("-s (protocol statistics)");
            case 'c' -> throw unsupported("-c (continuous listing): run the step again instead");
            case 'o' -> throw unsupported("-o (timers)");
            default -> throw new UsageException("netstat: unknown option -" + c + " (supported: " + SUPPORTED + ")");
        }
    }

    private void longOption(String w, Args args) throws UsageException {
        String name = w;
        String value = null;
        int eq = w.indexOf('=');
        if (eq > 0) {
            name = w.substring(0, eq);
            value = w.substring(eq + 1);
        }
        switch (name) {
            case "--all" -> all = true;
            case "--listening" -> listening = true;
            case "--numeric" -> shortOption('n');
            case "--numeric-hosts" -> numericHosts = true;
            case "--numeric-ports" -> numericPorts = true;
            case "--numeric-users" -> numericUsers = true;
            case "--programs" -> programs = true;
            case "--tcp" -> tcp = true;
            case "--udp" -> udp = true;
            case "--raw" -> raw = true;
            case "--unix" -> unix = true;
            case "--extend" -> extend = true;
            case "--wide" -> wide = true;
            case "--verbose" -> {}
            case "--inet" -> inet4 = true;
            case "--inet6" -> inet6 = true;
            case "--protocol" -> family(value != null ? value : args.valueOf("--protocol"));
            default -> throw new UsageException("netstat: unknown option " + w + " (supported: " + SUPPORTED + ")");
        }
    }

    /** {@code -A inet,inet6,unix}. */
    private void family(String list) throws UsageException {
        for (String f : list.split(",")) {
            switch (f) {
                case "inet" -> inet4 = true;
                case "inet6" -> inet6 = true;
                case "unix" -> unix = true;
                default ->
                    throw new UsageException(
                            "netstat: address family '" + f + "' is not supported (use inet, inet6 or unix)");
            }
        }
    }

    private static UsageException unsupported(String what) {
        return new UsageException(
                "netstat: " + what + " is not supported here; this step lists sockets (" + SUPPORTED + ")");
    }

    /** The same normalisation net-tools netstat applies after reading its options. */
    private NetstatCommand build() {
        boolean familyGiven = inet4 || inet6;
        if (familyGiven && !(tcp || udp || raw)) {
            tcp = udp = raw = true;
        }
        if ((tcp || udp || raw) && !familyGiven) {
            inet4 = inet6 = true;
        }
        boolean anySelected = tcp || udp || raw || unix;
        if (!anySelected) {
            tcp = udp = raw = unix = true;
            inet4 = inet6 = true;
        }
        NetstatCommand.Scope scope = all
                ? NetstatCommand.Scope.ALL
                : listening ? NetstatCommand.Scope.LISTENING : NetstatCommand.Scope.CONNECTED;
        return new NetstatCommand(
                tcp,
                udp,
                raw,
                unix,
                inet4,
                inet6,
                scope,
                numericHosts,
                numericPorts,
                numericUsers,
                programs,
                wide,
                extend);
    }
}

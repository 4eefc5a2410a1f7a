package dev.probebook.probe.sockets;

import dev.probebook.command.Args;
import dev.probebook.command.UsageException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses lsof's internet form; any other lsof (files, directories) is left to the not-run step. */
final class LsofParser {

    /** {@code [46][protocol][@host][:port]}, each part optional. */
    private static final Pattern SPEC = Pattern.compile(
            "(?<family>[46])?(?<protocol>TCP|UDP|tcp|udp)?(?:@(?<host>\\[[^]]+]|[^:]+))?(?::(?<port>[^:]+))?");

    private LsofParser() {}

    static LsofCommand parse(Args args) throws UsageException {
        int family = 0;
        String protocol = null;
        String host = null;
        int port = 0;
        String state = null;
        boolean terse = false;
        boolean sawI = false;
        while (args.hasNext()) {
            String w = args.next();
            if (w.startsWith("-i")) {
                sawI = true;
                String spec = w.substring(2);
                if (spec.isEmpty() && args.hasNext() && !args.peek().startsWith("-")) {
                    spec = args.next();
                }
                if (!spec.isEmpty()) {
                    Matcher m = SPEC.matcher(spec);
                    if (!m.matches()) {
                        throw new UsageException("lsof: -i '" + spec
                                + "' is not understood here (forms: -i :8080, -i TCP:443, -i @10.0.0.5:22, -i 4)");
                    }
                    if (m.group("family") != null) {
                        family = Integer.parseInt(m.group("family"));
                    }
                    if (m.group("protocol") != null) {
                        protocol = m.group("protocol").toLowerCase(Locale.ROOT);
                    }
                    if (m.group("host") != null) {
                        String raw = m.group("host").replaceAll("^\\[|]$", "");
                        String checked = args.host(raw);
                        host = args.template() ? raw : checked;
                    }
                    if (m.group("port") != null) {
                        String raw = m.group("port");
                        if (raw.contains("-") || raw.contains(",")) {
                            throw new UsageException("lsof: port lists and ranges ('" + raw
                                    + "') are not supported here: one port (-i :8080)");
                        }
                        port = args.template() && !raw.matches("\\d+") ? 0 : args.port(raw);
                    }
                }
            } else if (w.startsWith("-s")) {
                String spec = w.length() > 2 ? w.substring(2) : args.valueOf("-s");
                Matcher m = Pattern.compile("(?i)tcp:(\\^?)([A-Z_]+)").matcher(spec);
                if (!m.matches() || !m.group(1).isEmpty()) {
                    throw new UsageException("lsof: -s '" + spec + "' is not supported here (-sTCP:LISTEN)");
                }
                state = m.group(2).toUpperCase(Locale.ROOT);
                if (TcpState.byNetstatName(state) == null) {
                    throw new UsageException("lsof: unknown TCP state '" + state + "' (LISTEN, ESTABLISHED, ...)");
                }
            } else if (w.startsWith("-") && !w.startsWith("--") && w.length() > 1) {
                for (char c : w.substring(1).toCharArray()) {
                    switch (c) {
                        case 'n', 'P', 'l', 'V' -> {} // numbers are all Probebook prints; -V only explains misses
                        case 't' -> terse = true;
                        default ->
                            throw new UsageException("lsof: option -" + c
                                    + " is not supported here (lsof -i [:PORT] [-sTCP:LISTEN] [-n] [-P] [-t])");
                    }
                }
            } else {
                throw new UsageException("lsof: '" + w + "': Probebook lists internet sockets only (lsof -i :PORT);"
                        + " files and directories are not read");
            }
        }
        if (!sawI) {
            throw new UsageException("lsof: Probebook lists internet sockets only (lsof -i :PORT)");
        }
        return new LsofCommand(family, protocol, host, port, state, terse);
    }
}

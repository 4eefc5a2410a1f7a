package dev.probebook.probe.dns;

import dev.probebook.command.Args;
import dev.probebook.command.UsageException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.xbill.DNS.Type;

/**
 * {@code dig [@server] [-p PORT] [-t TYPE] [-x IP] [name] [type] [IN] [+option ...]}. As in dig, a word
 * that names a query type is the type, even before the name ({@code dig MX example.com}), and any other
 * word is the name (a word with a dot is never a type); {@code -x} asks the PTR of an IP.
 * Display options are honoured ({@code +short}, {@code +noall +answer}, ...); {@code +trace} follows the
 * delegation from the root ({@link DigTrace}); options that would change what is asked in ways the probe
 * does not do ({@code +dnssec}, {@code +nsid}, ...) are refused, not ignored.
 */
final class DigParser {

    private static final String TOOL = "dig";
    private static final String USAGE =
            "usage: dig [@SERVER] [-p PORT] [-t TYPE] [-x IP] NAME [TYPE] [+short] [+noall +answer] [+trace]";
    private static final List<String> PARTS =
            List.of("cmd", "comments", "question", "answer", "authority", "additional", "stats");

    private DigParser() {}

    static DnsCommand parse(Args args) throws UsageException {
        Integer type = null;
        Integer port = null;
        Duration timeout = null;
        int tries = 3;
        Boolean tcp = null;
        boolean recurse = true;
        boolean trace = false;
        DigDisplay display = DigDisplay.defaults();
        String name = null;
        boolean reverse = false;
        String server = null;
        while (args.hasNext()) {
            String w = args.next();
            if (w.startsWith("@")) {
                if (server != null) {
                    throw new UsageException(TOOL + ": only one @server is supported");
                }
                server = DnsOperands.server(args, TOOL, w.substring(1));
            } else if (w.startsWith("+")) {
                String opt = w.substring(1).toLowerCase(Locale.ROOT);
                boolean on = !opt.startsWith("no");
                String key = on ? opt : opt.substring(2);
                String value = key.contains("=") ? key.substring(key.indexOf('=') + 1) : null;
                key = key.contains("=") ? key.substring(0, key.indexOf('=')) : key;
                if (key.equals("all")) {
                    display = display.all(on);
                } else if (PARTS.contains(key) || key.equals("short")) {
                    display = display.with(key, on);
                } else {
                    switch (key) {
                        case "tcp", "vc" -> tcp = on;
                        case "recurse", "rec" -> recurse = on;
                        case "time" -> timeout = DnsOperands.seconds(TOOL, "+time", need(w, value));
                        case "tries" -> tries = DnsOperands.count(TOOL, "+tries", need(w, value), 1, 10);
                        case "retry" -> tries = DnsOperands.count(TOOL, "+retry", need(w, value), 0, 9) + 1;
                        case "trace" -> trace = on;
                        default ->
                            throw new UsageException(TOOL + ": unsupported option " + w + " (supported: +short, "
                                    + "+[no]all, +[no]answer, +[no]question, +[no]authority, +[no]additional, +[no]comments, "
                                    + "+[no]stats, +[no]cmd, +tcp, +norecurse, +trace, +time=S, +tries=N)");
                    }
                }
            } else if (w.startsWith("-") && w.length() > 1) {
                char c = w.charAt(1);
                String attached = w.length() > 2 ? w.substring(2) : null;
                switch (c) {
                    case 'p' ->
                        port = DnsOperands.port(args, TOOL, "-p", attached != null ? attached : args.valueOf("-p"));
                    case 't' -> type = DnsOperands.type(TOOL, attached != null ? attached : args.valueOf("-t"));
                    case 'c' -> DnsOperands.classIn(TOOL, attached != null ? attached : args.valueOf("-c"));
                    case 'q' ->
                        name = setName(
                                name,
                                DnsOperands.name(args, TOOL, attached != null ? attached : args.valueOf("-q")),
                                w);
                    case 'x' -> {
                        String ip = attached != null ? attached : args.valueOf("-x");
                        String value = DnsOperands.name(args, TOOL, ip);
                        if (!DnsOperands.isIp(value)) {
                            throw new UsageException(TOOL + ": -x needs an IP address, got '" + ip + "'");
                        }
                        name = setName(name, value, w);
                        reverse = true;
                    }
                    default ->
                        throw new UsageException(TOOL + ": unknown option " + w
                                + " (supported: @SERVER, -p PORT, -t TYPE, -x IP, -q NAME, -c IN, +options)");
                }
            } else if (type == null && DnsOperands.typeOrMinus(w) >= 0) {
                type = DnsOperands.type(TOOL, w);
            } else if (w.equalsIgnoreCase("IN")) {
                DnsOperands.classIn(TOOL, w);
            } else if (name == null) {
                name = DnsOperands.name(args, TOOL, w);
            } else {
                throw new UsageException(TOOL + ": only one name per command is supported, got '" + name + "' and '" + w
                        + "' (" + USAGE + ")");
            }
        }
        if (name == null) {
            throw new UsageException(TOOL + ": missing name (" + USAGE + ")");
        }
        List<Integer> types = List.of(reverse ? Type.PTR : type == null ? Type.A : type);
        // dig 9.18 asks ANY over TCP unless told +notcp (ANY answers are big and an amplification vector).
        boolean overTcp = tcp != null ? tcp : types.get(0) == Type.ANY;
        return new DnsCommand(
                DnsCommand.Tool.DIG,
                name,
                reverse,
                types,
                type == null,
                server,
                port,
                timeout,
                tries,
                overTcp,
                recurse,
                trace,
                display,
                args.all());
    }

    private static String setName(String current, String value, String option) throws UsageException {
        if (current != null) {
            throw new UsageException(
                    TOOL + ": only one name per command is supported (" + option + " gives a second one)");
        }
        return value;
    }

    private static String need(String option, String value) throws UsageException {
        if (value == null || value.isEmpty()) {
            throw new UsageException(TOOL + ": option " + option + " needs a value (e.g. +time=2)");
        }
        return value;
    }
}

package dev.probebook.probe.dns;

import dev.probebook.command.Args;
import dev.probebook.command.UsageException;
import org.xbill.DNS.Type;

import java.time.Duration;
import java.util.List;

/**
 * {@code host [-t TYPE] [-p PORT] [-W SECONDS] [-R N] [-T] [-r] name [server]}. Without {@code -t} host
 * asks A, AAAA and MX; an IP address as the name means a reverse (PTR) lookup.
 */
final class HostParser {

    private static final String TOOL = "host";
    private static final String USAGE = "usage: host [-t TYPE] [-p PORT] [-W SECONDS] NAME [SERVER]";

    private HostParser() {
    }

    static DnsCommand parse(Args args) throws UsageException {
        Integer type = null;
        Integer port = null;
        Duration timeout = null;
        int tries = 2;
        boolean tcp = false;
        boolean recurse = true;
        String name = null;
        String server = null;
        while (args.hasNext()) {
            String w = args.next();
            if (w.startsWith("-") && w.length() > 1) {
                char c = w.charAt(1);
                String attached = w.length() > 2 ? w.substring(2) : null;
                switch (c) {
                    case 't' -> type = DnsOperands.type(TOOL, attached != null ? attached : args.valueOf("-t"));
                    case 'p' -> port = DnsOperands.port(args, TOOL, "-p", attached != null ? attached : args.valueOf("-p"));
                    case 'W' -> timeout = DnsOperands.seconds(TOOL, "-W", attached != null ? attached : args.valueOf("-W"));
                    case 'R' -> tries = DnsOperands.count(TOOL, "-R", attached != null ? attached : args.valueOf("-R"), 0, 10) + 1;
                    case 'c' -> DnsOperands.classIn(TOOL, attached != null ? attached : args.valueOf("-c"));
                    case 'T' -> tcp = flag(w, true);
                    case 'r' -> recurse = flag(w, false);
                    default -> throw new UsageException(TOOL + ": unknown option " + w
                            + " (supported: -t TYPE, -p PORT, -W SECONDS, -R RETRIES, -T, -r)");
                }
            } else if (name == null) {
                name = DnsOperands.name(args, TOOL, w);
            } else if (server == null) {
                server = DnsOperands.server(args, TOOL, w);
            } else {
                throw new UsageException(TOOL + ": too many operands at '" + w + "' (" + USAGE + ")");
            }
        }
        if (name == null) {
            throw new UsageException(TOOL + ": missing name (" + USAGE + ")");
        }
        boolean reverse = DnsOperands.isIp(name);
        List<Integer> types = reverse ? List.of(Type.PTR) : type == null ? List.of(Type.A, Type.AAAA, Type.MX) : List.of(type);
        return new DnsCommand(DnsCommand.Tool.HOST, name, reverse, types, type == null, server, port, timeout,
                tries, tcp, recurse, DigDisplay.defaults(), args.all());
    }

    private static boolean flag(String word, boolean value) throws UsageException {
        if (word.length() != 2) {
            throw new UsageException(TOOL + ": unknown option " + word + " (give flags one by one: -T -r)");
        }
        return value;
    }
}

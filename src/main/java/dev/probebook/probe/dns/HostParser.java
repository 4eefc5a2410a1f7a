package dev.probebook.probe.dns;

import dev.probebook.command.Args;
import dev.probebook.command.UsageException;
import java.util.List;
import org.xbill.DNS.Type;

/**
 * {@code host [-t TYPE] [-p PORT] [-W SECONDS] [-R N] [-T] [-r] name [server]}. Without {@code -t} host
 * asks A, AAAA and MX; an IP address as the name means a reverse (PTR) lookup.
 */
final class HostParser {

    private static final String TOOL = "host";
    private static final String USAGE = "usage: host [-t TYPE] [-p PORT] [-W SECONDS] NAME [SERVER]";

    private HostParser() {}

    static DnsCommand parse(Args args) throws UsageException {
        QueryWords q = new QueryWords(TOOL, USAGE);
        while (args.hasNext()) {
            String w = args.next();
            if (w.startsWith("-") && w.length() > 1) {
                char c = w.charAt(1);
                String attached = w.length() > 2 ? w.substring(2) : null;
                switch (c) {
                    case 't' -> q.type = DnsOperands.type(TOOL, attached != null ? attached : args.valueOf("-t"));
                    case 'p' ->
                        q.port = DnsOperands.port(args, TOOL, "-p", attached != null ? attached : args.valueOf("-p"));
                    case 'W' ->
                        q.timeout = DnsOperands.seconds(TOOL, "-W", attached != null ? attached : args.valueOf("-W"));
                    case 'R' ->
                        q.tries = DnsOperands.count(TOOL, "-R", attached != null ? attached : args.valueOf("-R"), 0, 10)
                                + 1;
                    case 'c' -> DnsOperands.classIn(TOOL, attached != null ? attached : args.valueOf("-c"));
                    case 'T' -> q.tcp = flag(w, true);
                    case 'r' -> q.recurse = flag(w, false);
                    default ->
                        throw new UsageException(TOOL + ": unknown option " + w
                                + " (supported: -t TYPE, -p PORT, -W SECONDS, -R RETRIES, -T, -r)");
                }
            } else {
                q.operand(args, w);
            }
        }
        if (!q.hasName()) {
            throw new UsageException(TOOL + ": missing name (" + USAGE + ")");
        }
        return q.command(DnsCommand.Tool.HOST, List.of(Type.A, Type.AAAA, Type.MX), args);
    }

    private static boolean flag(String word, boolean value) throws UsageException {
        if (word.length() != 2) {
            throw new UsageException(TOOL + ": unknown option " + word + " (give flags one by one: -T -r)");
        }
        return value;
    }
}

package dev.probebook.probe.dns;

import dev.probebook.command.Args;
import dev.probebook.command.UsageException;
import java.util.List;
import java.util.Locale;
import org.xbill.DNS.Type;

/**
 * {@code nslookup [-type=X] [-port=N] [-timeout=S] [-retry=N] [-vc] [-norecurse] name [server]}. Options may
 * stand anywhere, as in nslookup; an IP address as the name means a reverse (PTR) lookup whatever the type.
 */
final class NslookupParser {

    private static final String TOOL = "nslookup";
    private static final String USAGE = "usage: nslookup [-type=TYPE] [-port=PORT] [-timeout=SECONDS] NAME [SERVER]";

    private NslookupParser() {}

    static DnsCommand parse(Args args) throws UsageException {
        QueryWords q = new QueryWords(TOOL, USAGE);
        while (args.hasNext()) {
            String w = args.next();
            if (w.equals("-")) {
                throw new UsageException(
                        TOOL + ": interactive mode is not supported: give the name on the line (" + USAGE + ")");
            }
            if (w.startsWith("-") && w.length() > 1) {
                String opt = w.substring(1);
                String key = opt.contains("=")
                        ? opt.substring(0, opt.indexOf('=')).toLowerCase(Locale.ROOT)
                        : opt.toLowerCase(Locale.ROOT);
                String value = opt.contains("=") ? opt.substring(opt.indexOf('=') + 1) : null;
                switch (key) {
                    case "type", "querytype", "query", "q", "qt" -> q.type = DnsOperands.type(TOOL, need(w, value));
                    case "port" -> q.port = DnsOperands.port(args, TOOL, "-port", need(w, value));
                    case "timeout" -> q.timeout = DnsOperands.seconds(TOOL, "-timeout", need(w, value));
                    case "retry" -> q.tries = DnsOperands.count(TOOL, "-retry", need(w, value), 0, 10) + 1;
                    case "class", "cl" -> DnsOperands.classIn(TOOL, need(w, value));
                    case "vc" -> q.tcp = true;
                    case "novc" -> q.tcp = false;
                    case "recurse", "rec" -> q.recurse = true;
                    case "norecurse", "norec" -> q.recurse = false;
                    case "sil", "silent" -> {}
                    case "debug", "d2", "nodebug", "nod2" ->
                        throw new UsageException(
                                TOOL + ": " + w
                                        + " is not supported: the probe's details hold the full answer (or use dig for every section)");
                    case "domain", "search", "nosearch", "srchlist" ->
                        throw new UsageException(TOOL + ": " + w
                                + " is not supported: give the fully qualified name (no search list is applied)");
                    default ->
                        throw new UsageException(TOOL + ": unknown option " + w
                                + " (supported: -type=TYPE, -port=PORT, -timeout=SECONDS, -retry=N, -vc, -norecurse)");
                }
            } else {
                q.operand(args, w);
            }
        }
        if (!q.hasName()) {
            throw new UsageException(TOOL + ": missing name: interactive mode is not supported (" + USAGE + ")");
        }
        return q.command(DnsCommand.Tool.NSLOOKUP, List.of(Type.A, Type.AAAA), args);
    }

    private static String need(String option, String value) throws UsageException {
        if (value == null || value.isEmpty()) {
            throw new UsageException(TOOL + ": option " + option + " needs a value (e.g. -type=MX, -port=53)");
        }
        return value;
    }
}

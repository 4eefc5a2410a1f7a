package dev.probebook.probe.whois;

import dev.probebook.command.Args;
import dev.probebook.command.UsageException;

/** Parses whois's options as Debian's client takes them; an option it does not take is a usage error. */
final class WhoisParser {

    static final String SUPPORTED = "-h SERVER, -p PORT, --verbose, -H";

    private WhoisParser() {}

    static WhoisCommand parse(Args args) throws UsageException {
        String server = null;
        int port = 0;
        boolean verbose = false;
        String query = null;
        String wire = null;
        while (args.hasNext()) {
            String w = args.next();
            if (w.equals("-h") || w.equals("--host")) {
                server = args.host(args.valueOf(w));
            } else if (w.startsWith("--host=")) {
                server = args.host(w.substring("--host=".length()));
            } else if (w.equals("-p") || w.equals("--port")) {
                port = args.port(args.valueOf(w));
            } else if (w.startsWith("--port=")) {
                port = args.port(w.substring("--port=".length()));
            } else if (w.equals("--verbose")) {
                verbose = true;
            } else if (w.equals("-H")) {
                // hides legal disclaimers: the answers are shown as they come
            } else if (w.startsWith("-") && w.length() > 1) {
                throw new UsageException("whois: unsupported option " + w + " (supported: " + SUPPORTED + ")");
            } else if (query == null) {
                wire = args.host(w);
                query = args.template() ? wire : w;
            } else {
                throw new UsageException("whois: one query at a time (got '" + query + "' and '" + w + "')");
            }
        }
        if (query == null) {
            throw new UsageException("whois: give a domain name or an IP address");
        }
        return new WhoisCommand(query, wire, server, port, verbose);
    }
}

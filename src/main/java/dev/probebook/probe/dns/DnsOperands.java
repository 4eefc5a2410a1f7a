package dev.probebook.probe.dns;

import dev.probebook.command.Args;
import dev.probebook.command.HostSyntax;
import dev.probebook.command.UsageException;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import org.xbill.DNS.Type;

/** Operand checks shared by the nslookup, dig and host parsers. Messages start with the tool's word. */
final class DnsOperands {

    /** Types a plain query cannot ask for: zone transfers, meta and pseudo types. */
    private static final Set<Integer> NOT_QUERYABLE =
            Set.of(Type.AXFR, Type.IXFR, Type.OPT, Type.TSIG, Type.TKEY, Type.MAILA, Type.MAILB);

    private static final String TYPES_HINT = "A, AAAA, CNAME, MX, NS, PTR, SOA, SRV, TXT, CAA or ANY";

    private DnsOperands() {}

    /**
     * Validates the name to look up, read as the last word of {@code args}. A URL, a path or a port is the
     * commonest mistake (the runbook warns: leave out http:// and everything after the domain), so those get
     * a message that says what to drop.
     */
    static String name(Args args, String tool, String raw) throws UsageException {
        int scheme = raw.indexOf("://");
        if (scheme >= 0) {
            String bare = raw.substring(scheme + 3)
                    .replaceFirst("[/?#].*$", "")
                    .replaceFirst("^[^@]*@", "")
                    .replaceFirst(":\\d*$", "");
            throw new UsageException(tool + ": '" + raw + "' is a URL, but " + tool + " looks up a domain name: "
                    + "drop the scheme and path (" + raw.substring(0, scheme + 3)
                    + " and anything after the domain), e.g. "
                    + tool + " " + bare);
        }
        int slash = raw.indexOf('/');
        if (slash > 0 && !raw.startsWith("[")) {
            throw new UsageException(tool + ": '" + raw + "' has a path; " + tool + " looks up a domain name only: "
                    + "drop the path, e.g. " + tool + " " + raw.substring(0, slash));
        }
        // A diagnostic, not a host[:port] parse (HostPort): a DNS name never takes a port, so only the
        // unbracketed "name:digits" mistake is named here; everything else goes to the host validator.
        if (raw.indexOf(':') > 0 && !HostSyntax.isIpv6(raw) && raw.matches("[^:\\[\\]]+:\\d*")) {
            throw new UsageException(tool + ": '" + raw + "' has a port; DNS looks up names, not ports: drop ':"
                    + raw.substring(raw.indexOf(':') + 1) + "', e.g. " + tool + " "
                    + raw.substring(0, raw.indexOf(':')));
        }
        try {
            return args.host(raw);
        } catch (UsageException e) {
            throw new UsageException(tool + ": " + e.getMessage());
        }
    }

    /** Validates a DNS server operand (name or address), read as the last word of {@code args}. */
    static String server(Args args, String tool, String raw) throws UsageException {
        try {
            return args.host(raw);
        } catch (UsageException e) {
            throw new UsageException(tool + ": bad DNS server: " + e.getMessage());
        }
    }

    static int port(Args args, String tool, String option, String raw) throws UsageException {
        try {
            return args.port(raw);
        } catch (UsageException e) {
            throw new UsageException(tool + ": " + option + ": " + e.getMessage());
        }
    }

    /** A query type by mnemonic ({@code mx}, {@code AAAA}) or {@code TYPEnn}; throws for unknown types. */
    static int type(String tool, String raw) throws UsageException {
        int t = typeOrMinus(raw);
        if (t < 0) {
            throw new UsageException(tool + ": unknown query type '" + raw + "' (use " + TYPES_HINT + ")");
        }
        if (NOT_QUERYABLE.contains(t)) {
            throw new UsageException(tool + ": query type " + Type.string(t) + " is not supported: Probebook asks "
                    + "single questions (no zone transfers); use " + TYPES_HINT);
        }
        return t;
    }

    /** The type a word names, or -1 (never a number or a name with dots, so host names are not mistaken). */
    static int typeOrMinus(String raw) {
        if (!raw.matches("[A-Za-z][A-Za-z0-9-]*")) {
            return -1;
        }
        return Type.value(raw.toUpperCase(Locale.ROOT));
    }

    /** Only class IN is supported (CHAOS queries such as version.bind are out of scope). */
    static void classIn(String tool, String raw) throws UsageException {
        if (!raw.equalsIgnoreCase("IN")) {
            throw new UsageException(tool + ": query class '" + raw + "' is not supported (only IN)");
        }
    }

    static Duration seconds(String tool, String option, String raw) throws UsageException {
        try {
            double s = Args.seconds(option, raw, 0.001, 300);
            return Duration.ofNanos((long) (s * 1e9));
        } catch (UsageException e) {
            throw new UsageException(tool + ": " + e.getMessage());
        }
    }

    static int count(String tool, String option, String raw, int min, int max) throws UsageException {
        try {
            return Args.intValue(option, raw, min, max);
        } catch (UsageException e) {
            throw new UsageException(tool + ": " + e.getMessage());
        }
    }

    static boolean isIp(String value) {
        return HostSyntax.isIpLiteral(value);
    }
}

package dev.probebook.probe.dns;

import dev.probebook.probe.ProbeContext;
import java.util.List;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * nslookup's output (BIND 9):
 * <pre>
 * Server:		127.0.0.1
 * Address:	127.0.0.1#53
 *
 * Non-authoritative answer:
 * Name:	example.com
 * Address: 93.184.216.34
 * </pre>
 * Quirks kept: a reverse lookup of an IP prints no Server/Address header; the CNAME line appears once
 * although it comes back for A and AAAA; types other than A/AAAA end with the "Authoritative answers can
 * be found from:" block (the authority and additional sections).
 */
final class NslookupOutput {

    private NslookupOutput() {}

    static void print(LookupReport rep, ProbeContext ctx) {
        DnsCommand cmd = rep.cmd();
        TransportLines transport = new TransportLines(true);
        boolean headers = !(cmd.defaultTypes() && cmd.reverse());
        boolean addressOnly = cmd.types().stream().allMatch(t -> t == Type.A || t == Type.AAAA);
        boolean headerDone = false;
        boolean nonAuthDone = false;
        boolean anyAnswer = false;
        for (QueryOutcome o : rep.outcomes()) {
            transport.before(o).forEach(ctx::out);
            if (o.reply().isEmpty()) {
                ctx.out(TransportLines.noServers(o));
                ctx.out("");
                return;
            }
            Message m = o.message().orElseThrow();
            if (m.getRcode() == Rcode.SERVFAIL) {
                ctx.out(";; Got SERVFAIL reply from " + o.server().ip());
            }
            if (headers && !headerDone) {
                ctx.out("Server:\t\t" + o.server().label());
                ctx.out("Address:\t" + o.server().hashPort());
                ctx.out("");
                headerDone = true;
            }
            if (m.getRcode() != Rcode.NOERROR) {
                ctx.out("** server can't find " + RecordText.bare(o.qname()) + ": " + Rcode.string(m.getRcode()));
                ctx.out("");
                return;
            }
            // once, before the first reply that is not authoritative, and never after an authoritative one (the A
            // reply from the zone's server, then the AAAA reply): the line heads the answers, it is not a divider
            if (m.getHeader().getFlag(Flags.AA)) {
                nonAuthDone = true;
            } else if (headers && !nonAuthDone) {
                ctx.out("Non-authoritative answer:");
                nonAuthDone = true;
            }
            for (Record r : m.getSection(Section.ANSWER)) {
                anyAnswer = true;
                boolean repeatedAlias = r instanceof CNAMERecord && cmd.defaultTypes() && o.type() == Type.AAAA;
                if (!repeatedAlias) {
                    RecordText.nslookup(r).forEach(ctx::out);
                }
            }
        }
        if (!anyAnswer) {
            ctx.out("*** Can't find " + RecordText.bare(rep.qname()) + ": No answer");
        }
        ctx.out("");
        if (!addressOnly) {
            Message m = rep.last().message().orElseThrow();
            ctx.out("Authoritative answers can be found from:");
            for (Record r : m.getSection(Section.AUTHORITY)) {
                RecordText.nslookup(r).forEach(ctx::out);
            }
            for (Record r : m.getSection(Section.ADDITIONAL)) {
                additional(r).forEach(ctx::out);
            }
            ctx.out("");
        }
    }

    /** Glue records are printed differently from answers in that block. */
    private static List<String> additional(Record r) {
        return switch (r) {
            case ARecord a -> List.of(RecordText.bare(a.getName()) + "\tinternet address = " + RecordText.address(a));
            case AAAARecord a -> List.of(RecordText.bare(a.getName()) + "\thas AAAA address " + RecordText.address(a));
            default -> r.getType() == Type.OPT ? List.of() : RecordText.nslookup(r);
        };
    }
}

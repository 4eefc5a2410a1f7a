package dev.probebook.probe.dns;

import dev.probebook.probe.ProbeContext;
import java.util.HashSet;
import java.util.Set;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * host's output (BIND 9): {@code x has address ...}, {@code x is an alias for y.},
 * {@code Host x not found: 3(NXDOMAIN)}, {@code ... domain name pointer ...}; a "Using domain server"
 * header when a server was named.
 */
final class HostOutput {

    private HostOutput() {}

    static void print(LookupReport rep, ProbeContext ctx) {
        DnsCommand cmd = rep.cmd();
        TransportLines transport = new TransportLines(false);
        if (cmd.server() != null && !rep.servers().isEmpty()) {
            DnsServer s = rep.servers().get(0);
            ctx.out("Using domain server:");
            ctx.out("Name: " + s.label());
            ctx.out("Address: " + s.hashPort());
            ctx.out("Aliases: ");
            ctx.out("");
        }
        Set<String> printedAliases = new HashSet<>();
        for (QueryOutcome o : rep.outcomes()) {
            transport.before(o).forEach(ctx::out);
            if (o.reply().isEmpty()) {
                ctx.out(TransportLines.noServers(o));
                return;
            }
            Message m = o.message().orElseThrow();
            if (m.getRcode() != Rcode.NOERROR) {
                String shown = cmd.reverse() ? o.qname().toString() : cmd.name();
                ctx.out("Host " + shown + " not found: " + m.getRcode() + "(" + Rcode.string(m.getRcode()) + ")");
                return;
            }
            boolean any = false;
            for (Record r : m.getSection(Section.ANSWER)) {
                if (r instanceof CNAMERecord && o.type() != Type.CNAME) {
                    String line = RecordText.host(r);
                    if (printedAliases.add(line)) {
                        ctx.out(line);
                    }
                } else {
                    any = true;
                    ctx.out(RecordText.host(r));
                }
            }
            if (!any && !cmd.defaultTypes()) {
                ctx.out(RecordText.bare(o.chain().target(o.qname())) + " has no " + Type.string(o.type()) + " record");
            }
        }
    }
}

package dev.probebook.probe.dns;

import dev.probebook.probe.ProbeContext;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.ReverseMap;
import org.xbill.DNS.Section;
import org.xbill.DNS.TextParseException;

/**
 * Asks the command's questions (one per type, in order) of the selected servers. A server that does not
 * answer is skipped for the next one, as the tools do with the servers of resolv.conf; a server that
 * answers, whatever the rcode, is believed. The lookup stops at the first question no server answered or
 * answered with an error rcode: nslookup and host report that and ask nothing more.
 */
final class DnsLookup {

    /** EDNS UDP payload size dig advertises (the DNS flag day 2020 value). */
    static final int EDNS_PAYLOAD = 1232;

    private DnsLookup() {}

    /** The name a command asks about: the reverse-map name for a PTR lookup of an IP. */
    static Name questionName(DnsCommand cmd) throws TextParseException, UnknownHostException {
        if (cmd.reverse()) {
            return ReverseMap.fromAddress(cmd.name());
        }
        return Name.fromString(cmd.name().endsWith(".") ? cmd.name() : cmd.name() + ".");
    }

    /**
     * The per-try timeout: the user's ({@code +time=}, {@code -timeout=}) or {@code probebook.dns.timeout}
     * shared by the tries, so that a silent server costs the configured timeout in total.
     */
    static Duration perTry(DnsCommand cmd, ProbeContext ctx) {
        if (cmd.tryTimeout() != null) {
            return cmd.tryTimeout();
        }
        Duration each = ctx.settings().dns().timeout().dividedBy(Math.max(1, cmd.tries()));
        return each.isZero() ? Duration.ofMillis(1) : each;
    }

    static List<QueryOutcome> run(DnsCommand cmd, Name qname, List<DnsServer> servers, ProbeContext ctx)
            throws InterruptedException {
        Duration perTry = perTry(cmd, ctx);
        List<QueryOutcome> outcomes = new ArrayList<>();
        for (int type : cmd.types()) {
            if (ctx.cancelled()) {
                throw new InterruptedException("stopped");
            }
            Message query = query(cmd, qname, type);
            List<QueryOutcome.Attempt> attempts = new ArrayList<>();
            for (DnsServer server : servers) {
                Exchange e = DnsTransport.exchange(query, server, cmd.tcp(), perTry, cmd.tries(), ctx);
                attempts.add(new QueryOutcome.Attempt(server, e));
                if (e instanceof Exchange.Reply || ctx.remaining().isZero()) {
                    break;
                }
            }
            QueryOutcome outcome = new QueryOutcome(qname, type, attempts);
            outcomes.add(outcome);
            if (!outcome.noError()) {
                break;
            }
        }
        return List.copyOf(outcomes);
    }

    private static Message query(DnsCommand cmd, Name qname, int type) {
        Message query = Message.newQuery(Record.newRecord(qname, type, DClass.IN));
        if (!cmd.recurse()) {
            query.getHeader().unsetFlag(Flags.RD);
        }
        if (cmd.tool() == DnsCommand.Tool.DIG) {
            query.addRecord(new OPTRecord(EDNS_PAYLOAD, 0, 0), Section.ADDITIONAL);
        }
        return query;
    }
}

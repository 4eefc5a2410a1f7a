package dev.probebook.lab;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.ReverseMap;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * What the lab DNS knows, and the replies it builds from it: an A record 127.0.0.1 for every lab host but
 * {@code gone.lab.test}; no AAAA (an empty NOERROR, so clients fall back to IPv4 at once); the PTR of 127.0.0.1
 * naming {@code app.lab.test}; NXDOMAIN for everything else, {@code gone.lab.test} and every name outside the lab
 * included. It never forwards a query anywhere. Replies look like a recursive resolver's (RA set, AA clear), as
 * operators see them from their own resolver ("Non-authoritative answer"). Immutable, so any thread may use it.
 */
final class LabZone {

    static final String ADDRESS = "127.0.0.1";
    private static final long TTL = 60;
    private static final Name ZONE = name("lab.test.");
    private static final Name REVERSE_ZONE = name("127.in-addr.arpa.");

    private final Set<Name> hosts;
    private final Map<Name, Name> pointers;
    private final InetAddress address;

    LabZone() {
        hosts = Stream.of(Scenario.values())
                .filter(s -> s != Scenario.NXDOMAIN)
                .map(s -> name(s.host() + "."))
                .collect(Collectors.toUnmodifiableSet());
        try {
            address = InetAddress.getByName(ADDRESS); // a literal: no lookup
            pointers = Map.of(ReverseMap.fromAddress(ADDRESS), name(Scenario.OPEN.host() + "."));
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The reply to {@code query}. */
    Message answer(Message query) {
        Message reply = new Message(query.getHeader().getID());
        reply.getHeader().setFlag(Flags.QR);
        reply.getHeader().setFlag(Flags.RA);
        if (query.getHeader().getFlag(Flags.RD)) {
            reply.getHeader().setFlag(Flags.RD);
        }
        var question = query.getQuestion();
        if (question == null || query.getHeader().getOpcode() != 0) {
            reply.getHeader().setRcode(question == null ? Rcode.FORMERR : Rcode.NOTIMP);
            return reply;
        }
        reply.addRecord(question, Section.QUESTION);
        if (query.getOPT() != null) {
            reply.addRecord(new OPTRecord(1232, 0, 0), Section.ADDITIONAL);
        }
        Name qname = question.getName();
        int type = question.getType();
        if (hosts.contains(qname)) {
            if (type == Type.A || type == Type.ANY) {
                reply.addRecord(new ARecord(qname, DClass.IN, TTL, address), Section.ANSWER);
            } else {
                reply.addRecord(soa(ZONE), Section.AUTHORITY); // the name exists, with no data of this type
            }
        } else if (pointers.containsKey(qname)) {
            if (type == Type.PTR || type == Type.ANY) {
                reply.addRecord(new PTRRecord(qname, DClass.IN, TTL, pointers.get(qname)), Section.ANSWER);
            } else {
                reply.addRecord(soa(REVERSE_ZONE), Section.AUTHORITY);
            }
        } else if (qname.equals(ZONE) || qname.equals(REVERSE_ZONE)) {
            if (type == Type.SOA || type == Type.ANY) {
                reply.addRecord(soa(qname), Section.ANSWER);
            } else {
                reply.addRecord(soa(qname), Section.AUTHORITY);
            }
        } else {
            reply.getHeader().setRcode(Rcode.NXDOMAIN);
            if (qname.subdomain(ZONE)) {
                reply.addRecord(soa(ZONE), Section.AUTHORITY);
            } else if (qname.subdomain(REVERSE_ZONE)) {
                reply.addRecord(soa(REVERSE_ZONE), Section.AUTHORITY);
            }
        }
        return reply;
    }

    private static SOARecord soa(Name zone) {
        return new SOARecord(
                zone, DClass.IN, TTL, name("ns.lab.test."), name("hostmaster.lab.test."), 1, 3600, 600, 86400, TTL);
    }

    private static Name name(String text) {
        try {
            return Name.fromString(text);
        } catch (TextParseException e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}

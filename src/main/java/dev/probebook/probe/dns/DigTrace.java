package dev.probebook.probe.dns;

import dev.probebook.policy.PolicyDeniedException;
import dev.probebook.probe.ProbeContext;
import dev.probebook.probe.ProbeResult;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * {@code dig +trace}: the resolver is asked for the root's name servers, then each zone's servers are asked the
 * question without recursion, following each referral down to the servers that answer for the name, as dig does.
 * Prints each step as dig prints it (the answer and authority records, {@code ;; Received N bytes from
 * ADDR#PORT(NAME) in T ms}); the verdict says where the delegation ends and, when it breaks, at which zone.
 *
 * <p>Every server asked is checked against the target policy before the query goes out (a trace reaches servers the
 * runbook never named). Servers without glue are looked up through the resolver. Queries go to port 53, or to
 * {@code -p PORT} for every server as in dig. Each exchange waits the per-try timeout ({@code +time}, or
 * {@code probebook.dns.timeout} shared by the tries), within the run's deadline.
 */
final class DigTrace {

    /** More referrals than any real delegation has: a loop of referrals ends here. */
    private static final int MAX_STEPS = 16;

    private final DnsCommand cmd;
    private final Name qname;
    private final int type;
    private final List<DnsServer> resolvers;
    private final ProbeContext ctx;
    private final Duration perTry;
    private final int port;
    private final List<TraceDetails.Step> steps = new ArrayList<>();

    private DigTrace(DnsCommand cmd, Name qname, List<DnsServer> resolvers, ProbeContext ctx) {
        this.cmd = cmd;
        this.qname = qname;
        this.type = cmd.types().get(0);
        this.resolvers = resolvers;
        this.ctx = ctx;
        this.perTry = DnsLookup.perTry(cmd, ctx);
        this.port = cmd.port() != null ? cmd.port() : 53;
    }

    static ProbeResult run(DnsCommand cmd, Name qname, List<DnsServer> resolvers, ProbeContext ctx)
            throws InterruptedException {
        return new DigTrace(cmd, qname, resolvers, ctx).trace();
    }

    private ProbeResult trace() throws InterruptedException {
        String question = RecordText.bare(qname) + " " + Type.string(type);
        if (!cmd.display().shortForm()) {
            ctx.out("");
            ctx.out("; <<>> DiG " + DigOutput.VERSION + " <<>> " + String.join(" ", cmd.words()));
            if (cmd.server() != null) {
                ctx.out("; (" + resolvers.size() + " server" + (resolvers.size() == 1 ? "" : "s") + " found)");
            }
            ctx.out(";; global options: +cmd");
        }
        Answered roots = null;
        for (DnsServer resolver : resolvers) {
            roots = ask(query(Name.root, Type.NS, true), resolver, resolver.label(), ".");
            if (roots != null) {
                break;
            }
        }
        if (roots == null
                || roots.message().getRcode() != Rcode.NOERROR
                || nameServers(roots.message(), Section.ANSWER).isEmpty()) {
            if (roots == null) {
                ctx.out(";; no servers could be reached");
            }
            String why = roots == null
                    ? "no resolver answered"
                    : "the resolver gave no root servers ("
                            + Rcode.string(roots.message().getRcode()) + ")";
            return ProbeResult.fail(
                    "the trace could not start: " + why + " for the root's name servers (. NS), which dig +trace"
                            + " asks the resolver first. Check the resolver with dig . NS",
                    details(null, List.of(), why));
        }
        Name zone = Name.root;
        Map<Name, List<InetAddress>> servers = delegation(roots.message(), Section.ANSWER);
        for (int step = 0; step < MAX_STEPS; step++) {
            ZoneAnswer asked = askZone(zone, servers);
            Answered a = asked.answer();
            if (a == null && asked.queries() == 0 && asked.denied() != null) {
                return ProbeResult.error("the trace stops at " + zone
                        + ": the target policy does not let Probebook ask its name"
                        + " servers (" + asked.denied().getMessage() + "). dig +trace asks every server on the way;"
                        + " ask an admin to allow them, or ask the resolver for the name instead (dig "
                        + RecordText.bare(qname) + ")");
            }
            if (a == null) {
                ctx.out(";; no servers could be reached");
                String names = String.join(
                        ", ", servers.keySet().stream().map(RecordText::bare).toList());
                return ProbeResult.fail(
                        "the delegation breaks at " + zone + ": none of its name servers answered (" + names
                                + "). A lame delegation (the servers do not serve the zone), servers that are down, or a"
                                + " firewall dropping DNS to them: ask whoever runs " + zone,
                        details(null, List.of(), "no server of " + zone + " answered"));
            }
            Message m = a.message();
            int rcode = m.getRcode();
            List<Record> answers = m.getSection(Section.ANSWER);
            if (rcode == Rcode.NXDOMAIN) {
                return ProbeResult.fail(
                        RecordText.bare(qname) + " does not exist: " + a.name() + ", a server of " + zone
                                + ", answers NXDOMAIN. Check the name's spelling, or add the record in " + zone,
                        details(m, List.of(), null));
            }
            if (!answers.isEmpty()) {
                return ProbeResult.ok(
                        question + " answered by " + a.name() + " (" + a.address() + "), a server of " + zone
                                + ", after the delegation " + path() + ": " + answerText(answers),
                        details(m, answers, null));
            }
            Map<Name, List<InetAddress>> next = delegation(m, Section.AUTHORITY);
            List<NSRecord> referral = nameServers(m, Section.AUTHORITY);
            Name below = referral.isEmpty() ? null : referral.get(0).getName();
            if (below == null) {
                return ProbeResult.warn(
                        RecordText.bare(qname) + " exists but has no " + Type.string(type) + " record: " + a.name()
                                + ", a server of " + zone + ", answers NOERROR with no answer. Ask for another type"
                                + " (dig " + RecordText.bare(qname) + " ANY), or add the record in " + zone,
                        details(m, List.of(), null));
            }
            if (!below.subdomain(zone) || below.equals(zone) || !qname.subdomain(below)) {
                ctx.out(below.equals(zone) ? ";; BAD (HORIZONTAL) REFERRAL" : ";; BAD REFERRAL");
                return ProbeResult.fail(
                        "the delegation breaks at " + zone + ": " + a.name() + " refers the question to " + below
                                + ", which is not below " + zone + " on the way to " + RecordText.bare(qname)
                                + ". A lame delegation or a misconfigured server: ask whoever runs " + zone,
                        details(m, List.of(), "bad referral from " + zone + " to " + below));
            }
            zone = below;
            servers = next;
        }
        return ProbeResult.fail(
                "more than " + MAX_STEPS + " referrals for " + RecordText.bare(qname) + ": the servers refer in a loop",
                details(null, List.of(), "too many referrals"));
    }

    /**
     * What asking one zone's servers gave: the first usable reply (null: none), how many queries went out, and the
     * policy's last refusal of one of them (null: none refused).
     */
    private record ZoneAnswer(Answered answer, int queries, PolicyDeniedException denied) {}

    /** Asks a zone's servers in order until one gives a usable reply. */
    private ZoneAnswer askZone(Name zone, Map<Name, List<InetAddress>> servers) throws InterruptedException {
        int queries = 0;
        PolicyDeniedException denied = null;
        for (Map.Entry<Name, List<InetAddress>> ns : servers.entrySet()) {
            String name = RecordText.bare(ns.getKey());
            List<InetAddress> addresses = ns.getValue().isEmpty() ? lookUp(ns.getKey()) : ns.getValue();
            for (InetAddress address : addresses) {
                try {
                    ctx.checkTarget(name, address, port);
                } catch (PolicyDeniedException e) {
                    ctx.out(";; " + name + " (" + address.getHostAddress() + "): " + e.getMessage());
                    denied = e;
                    continue;
                }
                queries++;
                DnsServer server = new DnsServer(name, new InetSocketAddress(address, port));
                Answered a = ask(query(qname, type, false), server, name, zone.toString());
                if (a == null) {
                    continue;
                }
                int rcode = a.message().getRcode();
                if (rcode != Rcode.NOERROR && rcode != Rcode.NXDOMAIN) {
                    ctx.out(";; Got " + Rcode.string(rcode) + " from " + server.hashPort() + "(" + name
                            + "), trying next server");
                    continue;
                }
                return new ZoneAnswer(a, queries, denied);
            }
        }
        return new ZoneAnswer(null, queries, denied);
    }

    /** One exchange, printed as dig prints a trace step; null (with dig's error lines) when no reply came. */
    private Answered ask(Message query, DnsServer server, String name, String zone) throws InterruptedException {
        Exchange e = DnsTransport.exchange(query, server, cmd.tcp(), perTry, cmd.tries(), ctx);
        if (e instanceof Exchange.NoReply n) {
            int times = n.failure() == Exchange.Failure.TIMEOUT ? n.sends() : 1;
            for (int i = 0; i < times; i++) {
                ctx.out(";; communications error to " + server.hashPort() + ": " + n.message());
            }
            return null;
        }
        Exchange.Reply r = (Exchange.Reply) e;
        Message m = r.message();
        if (m.getRcode() == Rcode.NOERROR || m.getRcode() == Rcode.NXDOMAIN) {
            List<Record> shown = new ArrayList<>(m.getSection(Section.ANSWER));
            shown.addAll(m.getSection(Section.AUTHORITY));
            for (Record rec : shown) {
                ctx.out(
                        cmd.display().shortForm()
                                ? Type.string(rec.getType()) + " " + RecordText.rdata(rec) + " from server "
                                        + server.ip() + " in " + r.millis() + " ms."
                                : DigColumns.record(rec));
            }
            if (!cmd.display().shortForm()) {
                ctx.out(";; Received " + r.bytes() + " bytes from " + server.hashPort() + "(" + name + ") in "
                        + r.millis() + " ms");
                ctx.out("");
            }
            steps.add(new TraceDetails.Step(zone, name, server.hashPort(), r.millis(), r.bytes()));
        }
        return new Answered(m, name, server.hashPort());
    }

    private record Answered(Message message, String name, String address) {}

    /** The servers an NS set names, with the glue addresses the reply carried (none: look them up). */
    private static Map<Name, List<InetAddress>> delegation(Message m, int section) {
        Map<Name, List<InetAddress>> servers = new LinkedHashMap<>();
        for (Record r : m.getSection(section)) {
            if (r instanceof NSRecord ns) {
                servers.putIfAbsent(ns.getTarget(), new ArrayList<>());
            }
        }
        for (Record r : m.getSection(Section.ADDITIONAL)) {
            List<InetAddress> glue = servers.get(r.getName());
            InetAddress address = address(r);
            if (glue != null && address != null) {
                glue.add(address);
            }
        }
        return servers;
    }

    /** The address an A or AAAA record holds; null for other records. */
    private static InetAddress address(Record r) {
        return switch (r) {
            case ARecord a -> a.getAddress();
            case AAAARecord aaaa -> aaaa.getAddress();
            default -> null;
        };
    }

    private static List<NSRecord> nameServers(Message m, int section) {
        return m.getSection(section).stream()
                .filter(NSRecord.class::isInstance)
                .map(NSRecord.class::cast)
                .toList();
    }

    /** A name server without glue: its IPv4 addresses, then IPv6, as the resolver gives them. */
    private List<InetAddress> lookUp(Name server) throws InterruptedException {
        List<InetAddress> found = new ArrayList<>();
        for (int t : new int[] {Type.A, Type.AAAA}) {
            for (DnsServer resolver : resolvers) {
                Exchange e = DnsTransport.exchange(query(server, t, true), resolver, false, perTry, cmd.tries(), ctx);
                if (e instanceof Exchange.Reply r) {
                    for (Record rec : r.message().getSection(Section.ANSWER)) {
                        InetAddress address = address(rec);
                        if (address != null) {
                            found.add(address);
                        }
                    }
                    break;
                }
            }
        }
        return found;
    }

    /** dig +trace asks with EDNS and the DO bit set, as a name server does; the hops without recursion. */
    private static Message query(Name name, int type, boolean recurse) {
        Message q = Message.newQuery(Record.newRecord(name, type, DClass.IN));
        if (!recurse) {
            q.getHeader().unsetFlag(Flags.RD);
        }
        q.addRecord(new OPTRecord(DnsLookup.EDNS_PAYLOAD, 0, 0, Flags.DO), Section.ADDITIONAL);
        return q;
    }

    private String path() {
        return String.join(
                " -> ", steps.stream().skip(1).map(TraceDetails.Step::zone).toList());
    }

    private static String answerText(List<Record> answers) {
        return String.join(
                ", ",
                answers.stream()
                        .map(r -> Type.string(r.getType()) + " " + RecordText.rdata(r))
                        .toList());
    }

    private TraceDetails details(Message last, List<Record> answers, String error) {
        return new TraceDetails(
                RecordText.bare(qname),
                Type.string(type),
                last == null ? null : Rcode.string(last.getRcode()),
                answers.stream().map(DnsDetails.Answer::of).toList(),
                steps,
                error);
    }
}

package dev.probebook.probe.dns;

import dev.probebook.command.HostSyntax;
import dev.probebook.net.AddressClass;
import dev.probebook.net.HostsFile;
import dev.probebook.probe.ProbeResult;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * The runbook's knowledge of what a DNS result means and what to do next.
 *
 * <ul>
 *   <li>answer found: ok, naming the addresses (the last Address nslookup prints is the domain's front
 *       public IP: behind a WAF or load balancer, the IP partners must allow);</li>
 *   <li>NXDOMAIN: the name does not exist (fail); for a reverse lookup only a warning, since many IPs
 *       serve a domain without a PTR record ("ip에 연결된 도메인이 있는데 찾을 수 없는 경우도 있습니다");</li>
 *   <li>no record of that type: warn; SERVFAIL, REFUSED: fail, the resolver's problem;</li>
 *   <li>no reply: fail, the server or the path to it (UDP 53);</li>
 *   <li>a hosts-file entry that disagrees with DNS: warn, it explains "works here, fails there".</li>
 * </ul>
 */
final class DnsVerdict {

    private DnsVerdict() {}

    static ProbeResult judge(LookupReport rep, DnsDetails details) {
        DnsCommand cmd = rep.cmd();
        QueryOutcome last = rep.last();
        String name = cmd.name();
        if (last.reply().isEmpty()) {
            String meanwhile = rep.hosts() == null
                    ? ""
                    : " (meanwhile " + rep.hosts().file() + " maps " + name + " to "
                            + String.join(", ", rep.hosts().addresses())
                            + ", so programs on this host still resolve it)";
            // An earlier question (A) was answered and a later one (AAAA) was not: the server died mid-lookup or
            // something drops that type. "Did not answer" alone contradicted the addresses printed above.
            List<String> earlier = LookupReport.addresses(rep.decisive());
            if (!earlier.isEmpty()) {
                return ProbeResult.warn(
                        name + " resolves to " + String.join(", ", earlier) + ", but the "
                                + Type.string(last.type()) + " query then got no reply. " + noReply(rep)
                                + ". Programs that ask "
                                + "for both wait for this timeout before they connect",
                        details);
            }
            return ProbeResult.fail(noReply(rep) + meanwhile, details);
        }
        String server = last.server().hashPort();
        DnsDetails.HostsOverride hosts = rep.hosts();
        int rcode = last.rcode();
        if (rcode == Rcode.NXDOMAIN) {
            if (hosts != null) {
                return ProbeResult.warn(
                        name + " does not exist in DNS, but " + hosts.file() + " maps it to "
                                + String.join(", ", hosts.addresses())
                                + ": it works on this host only; other hosts cannot "
                                + "resolve it. Create the DNS record if others need it",
                        details);
            }
            if (cmd.reverse()) {
                return ProbeResult.warn(
                        name + " has no PTR record (no reverse DNS): common, and it does not mean the IP "
                                + "serves no domain. Look the domain up forward instead (nslookup DOMAIN)",
                        details);
            }
            AnswerChain chain = rep.chain();
            if (!chain.aliases().isEmpty()) {
                String target = RecordText.bare(chain.target(rep.qname()));
                return ProbeResult.fail(
                        name + " is an alias (CNAME) for " + target + ", which does not exist in DNS "
                                + "(NXDOMAIN from " + server + "): fix the CNAME or create the record for " + target,
                        details);
            }
            String ipHint = HostSyntax.isIpLiteral(name)
                    ? ". " + name + " is an IP address: to find its name use dig -x " + name
                    : "";
            return ProbeResult.fail(
                    "the name does not exist in DNS: check the spelling, or the record was never " + "created (" + name
                            + ": NXDOMAIN from " + server + ")" + ipHint,
                    details);
        }
        if (rcode == Rcode.SERVFAIL) {
            return ProbeResult.fail(
                    "DNS server " + server + " could not resolve " + name + " (SERVFAIL): its upstream "
                            + "or the domain's own name servers failed (down, unreachable, broken DNSSEC). Retry, then ask "
                            + "another resolver (dig @OTHER_SERVER " + name
                            + ") to tell a resolver problem from a domain problem",
                    details);
        }
        if (rcode == Rcode.REFUSED) {
            return ProbeResult.fail(
                    "DNS server " + server + " refused the query (REFUSED): it does not resolve for "
                            + "this client or this domain. Use the resolver in /etc/resolv.conf, or ask its admin to allow this host",
                    details);
        }
        if (rcode != Rcode.NOERROR) {
            return ProbeResult.fail(
                    "DNS server " + server + " answered " + Rcode.string(rcode) + " for " + name
                            + ": the question could not be answered",
                    details);
        }
        List<Record> found = rep.found();
        String types = rep.typeLabel();
        if (found.isEmpty()) {
            if (hosts != null) {
                return ProbeResult.warn(
                        name + " has no " + types + " record in DNS, but " + hosts.file() + " maps it to "
                                + String.join(", ", hosts.addresses())
                                + ": it works on this host only; other hosts cannot "
                                + "resolve it",
                        details);
            }
            AnswerChain chain = rep.chain();
            if (!chain.aliases().isEmpty()) {
                return ProbeResult.warn(
                        name + " is an alias (CNAME) for " + RecordText.bare(chain.target(rep.qname()))
                                + ", which has no " + types + " record: fix the alias target or create the record",
                        details);
            }
            return ProbeResult.warn(
                    name + " exists in DNS but has no " + types + " record (NOERROR, empty answer from " + server
                            + "): check the record type asked for, or create the record",
                    details);
        }
        if (cmd.reverse()) {
            return ProbeResult.ok(
                    name + " points back to " + data(found) + " (PTR record from " + server + ")", details);
        }
        List<String> addresses = LookupReport.addresses(rep.decisive());
        if (addresses.isEmpty()) {
            return ProbeResult.ok(
                    name + " has " + found.size() + " " + types + " record" + (found.size() == 1 ? "" : "s") + ": "
                            + data(found),
                    details);
        }
        String via = rep.chain().aliases().isEmpty()
                ? ""
                : " (alias for " + RecordText.bare(rep.chain().target(rep.qname())) + ")";
        String resolved = name + via + " resolves to " + String.join(", ", addresses);
        if (hosts != null && hosts.differs()) {
            return ProbeResult.warn(
                    "DNS says " + resolved + ", but " + hosts.file() + " maps it to "
                            + String.join(", ", hosts.addresses())
                            + ": programs on this host use the hosts file, others use "
                            + "DNS. That explains \"works here, fails there\": fix or remove the stale hosts entry",
                    details);
        }
        return ProbeResult.ok(resolved + " (answer from " + server + ")" + meaning(addresses), details);
    }

    /**
     * What the addresses mean to an operator: loopback is this machine; a private address is reached from inside
     * only; only public addresses carry the WAF / load balancer advice (partners must allow the front IP).
     */
    private static String meaning(List<String> addresses) {
        List<AddressClass> classes = new ArrayList<>();
        for (String a : addresses) {
            InetAddress literal = HostsFile.literal(a); // a literal: never a lookup
            if (literal == null) {
                return ": the address clients connect to";
            }
            classes.add(AddressClass.of(literal.getAddress()));
        }
        if (classes.stream().allMatch(c -> c == AddressClass.LOOPBACK)) {
            return ": a loopback address, this machine itself";
        }
        if (classes.stream().allMatch(INTERNAL::contains)) {
            return ": a private address, reachable from inside the network only";
        }
        return ": the address clients connect to; behind a WAF or load balancer it is the front public IP that"
                + " partners must allow";
    }

    /** Address classes only the inside of a network reaches (RFC 1918, CGNAT, link-local, ULA, loopback). */
    private static final Set<AddressClass> INTERNAL = EnumSet.of(
            AddressClass.LOOPBACK, AddressClass.PRIVATE, AddressClass.CGNAT, AddressClass.LINK_LOCAL, AddressClass.ULA);

    private static String noReply(LookupReport rep) {
        QueryOutcome last = rep.last();
        List<DnsServer> tried =
                last.attempts().stream().map(QueryOutcome.Attempt::server).toList();
        String servers = tried.stream().map(DnsServer::hashPort).collect(Collectors.joining(", "));
        boolean refused = last.attempts().stream()
                .allMatch(a -> a.exchange() instanceof Exchange.NoReply n && n.failure() == Exchange.Failure.REFUSED);
        boolean timeouts = last.attempts().stream()
                .allMatch(a -> a.exchange() instanceof Exchange.NoReply n && n.failure() == Exchange.Failure.TIMEOUT);
        String who = tried.size() == 1 ? "DNS server " + servers : "none of the DNS servers (" + servers + ")";
        // A server the user named is checked as given; otherwise the configuration is the suspect.
        String config = rep.serversFrom();
        int port = tried.get(0).address().getPort();
        if (refused) {
            return "nothing answers DNS at " + servers + " (port unreachable): the server address or port is wrong, "
                    + "or its DNS service is down. Check " + config + " and the server";
        }
        if (timeouts) {
            return who + " did not answer: check " + config + ", the network path to it (UDP " + port
                    + " through firewalls and security groups) and that the server is up";
        }
        String why = last.last().exchange() instanceof Exchange.NoReply n ? n.message() : "no reply";
        return who + " gave no usable reply (" + why + "): check " + config + " and the network path to it (UDP " + port
                + ")";
    }

    private static String data(List<Record> records) {
        return records.stream().map(RecordText::rdata).distinct().collect(Collectors.joining(", "));
    }
}

package dev.probebook.probe.dns;

import dev.probebook.command.Args;
import dev.probebook.command.UsageException;
import dev.probebook.policy.PolicyDeniedException;
import dev.probebook.probe.Probe;
import dev.probebook.probe.ProbeContext;
import dev.probebook.probe.ProbeResult;
import dev.probebook.probe.Verdict;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/**
 * DNS lookups: {@code nslookup}, {@code dig} and {@code host}, asked with dnsjava messages over our own
 * UDP/TCP sockets (so a stop closes them and dig's query time and message size are the real ones). Prints
 * what each tool prints, then judges the answer with the runbook's knowledge, including what the hosts
 * file says about the name: the tools ask DNS only, programs on this host ask the hosts file first.
 */
public final class DnsProbe implements Probe<DnsCommand> {

    @Override
    public String name() {
        return "dns";
    }

    @Override
    public Set<String> commandWords() {
        return Set.of("nslookup", "dig", "host");
    }

    @Override
    public DnsCommand parse(String word, Args args) throws UsageException {
        return switch (word) {
            case "nslookup" -> NslookupParser.parse(args);
            case "dig" -> DigParser.parse(args);
            case "host" -> HostParser.parse(args);
            default -> throw new UsageException("dns: unknown command " + word);
        };
    }

    @Override
    public ProbeResult run(DnsCommand cmd, ProbeContext ctx) throws InterruptedException {
        String tool = cmd.tool().word();
        Name qname;
        try {
            qname = DnsLookup.questionName(cmd);
        } catch (IOException e) {
            return ProbeResult.error(tool + ": '" + cmd.name() + "' is not a name DNS can ask: " + e.getMessage());
        }
        String question = RecordText.bare(qname);
        String type = cmd.types().stream().map(Type::string).collect(Collectors.joining("+"));
        List<DnsServer> servers;
        try {
            servers = ServerSelection.select(cmd, ctx);
        } catch (PolicyDeniedException e) {
            ctx.out(tool + ": " + e.getMessage());
            return ProbeResult.error(e.getMessage());
        } catch (ServerSelection.UnknownServerException e) {
            ctx.out(tool + ": couldn't get address for '" + e.getMessage() + "': not found");
            return ProbeResult.fail(
                    "cannot resolve the DNS server name " + e.getMessage()
                            + ": give the server as an IP address, or check its name",
                    noAnswer(null, question, type, "server not found"));
        }
        if (servers.isEmpty()) {
            ctx.out(";; no servers could be reached");
            return ProbeResult.fail(
                    "no DNS server configured: /etc/resolv.conf has no nameserver line and "
                            + "probebook.dns.servers is empty. Add a nameserver, or name one (nslookup NAME SERVER)",
                    noAnswer(null, question, type, "no servers"));
        }
        if (cmd.trace()) {
            return DigTrace.run(cmd, qname, servers, ctx);
        }
        List<QueryOutcome> outcomes = DnsLookup.run(cmd, qname, servers, ctx);
        DnsDetails.HostsOverride hosts =
                HostsCheck.check(cmd, ctx.settings().hostsFile(), LookupReport.addresses(outcomes));
        // where the servers came from, for the advice when none answers
        String serversFrom = cmd.server() != null
                ? "the server address you gave"
                : !ctx.settings().dns().servers().isEmpty() ? "probebook.dns.servers" : "/etc/resolv.conf";
        LookupReport report = new LookupReport(cmd, qname, servers, outcomes, hosts, serversFrom);
        switch (cmd.tool()) {
            case NSLOOKUP -> NslookupOutput.print(report, ctx);
            case DIG -> DigOutput.print(report, ctx);
            case HOST -> HostOutput.print(report, ctx);
        }
        // dig +short output is data for scripts: the note would break it, the summary still carries it.
        if (hosts != null
                && !(cmd.tool() == DnsCommand.Tool.DIG && cmd.display().shortForm())) {
            ctx.out(HostsCheck.note(cmd, hosts));
        }
        DnsDetails details = details(report, question, type);
        ProbeResult result = DnsVerdict.judge(report, details);
        if (ctx.cancelled()
                && result.verdict() == Verdict.FAIL
                && report.last().reply().isEmpty()) {
            throw new InterruptedException("stopped");
        }
        return result;
    }

    private static DnsDetails details(LookupReport rep, String question, String type) {
        QueryOutcome last = rep.last();
        List<DnsDetails.Answer> answers =
                rep.answerRecords().stream().map(DnsDetails.Answer::of).toList();
        long millis = rep.outcomes().stream()
                .flatMap(o -> o.attempts().stream())
                .mapToLong(a -> switch (a.exchange()) {
                    case Exchange.Reply r -> r.millis();
                    case Exchange.NoReply n -> n.millis();
                })
                .sum();
        String rcode = last.reply().isPresent() ? Rcode.string(last.rcode()) : null;
        String error = last.last().exchange() instanceof Exchange.NoReply n ? n.message() : null;
        return new DnsDetails(last.server().hashPort(), question, type, rcode, answers, rep.hosts(), millis, error);
    }

    private static DnsDetails noAnswer(String server, String question, String type, String error) {
        return new DnsDetails(server, question, type, null, List.<DnsDetails.Answer>of(), null, 0, error);
    }
}

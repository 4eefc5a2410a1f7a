package dev.probebook.probe.ping;

import dev.probebook.net.AddressText;
import dev.probebook.net.IcmpMessage;
import dev.probebook.probe.ProbeResult;
import dev.probebook.probe.Verdict;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The runbook's knowledge about ping results ("the receiving side may block ping"): every reply is
 * fine; some loss is congestion or ICMP rate limiting; an ICMP error names where and why the path
 * ends; 100% loss is told apart into "ICMP blocked, host up" and "no reply at all" by the
 * {@link NoReplyDiagnosis}. Pure: decides from the counts, so it is tested without packets.
 */
final class PingConclusion {

    private PingConclusion() {}

    /**
     * @param target    the host as given; {@code address} the address pinged
     * @param diagnosis for 100% loss without ICMP errors; {@link NoReplyDiagnosis.NotChecked} otherwise
     */
    static ProbeResult conclude(
            String target, String address, EchoRun run, NoReplyDiagnosis diagnosis, PingDetails details) {
        PingStatistics s = run.stats();
        String who = target.equals(address) ? address : target + " (" + address + ")";
        if (s.transmitted() == 0) {
            return new ProbeResult(Verdict.SKIPPED, "stopped before the first echo request was sent", details);
        }
        if (s.received() > 0) {
            String avg = String.format(Locale.ROOT, "%.3f", s.avgMillis());
            if (run.lost() == 0) {
                return ProbeResult.ok(
                        s.received() + "/" + s.transmitted() + " echo replies from " + who
                                + ", 0% packet loss, avg rtt " + avg + " ms: the host is up and the path passes ICMP. "
                                + "Next, test the service port (tcping/telnet/curl)",
                        details);
            }
            String loss = PingStatistics.percent((float) (run.lost() * 100.0 / s.transmitted()));
            return ProbeResult.warn(
                    loss + "% packet loss (" + s.received() + "/" + s.transmitted() + " replies from " + who
                            + ", avg rtt " + avg
                            + " ms): congestion or rate-limited ICMP. Repeat with more packets (ping -c 20 "
                            + target
                            + "); if the service port answers steadily (tcping), ICMP rate limiting is the likely cause",
                    details);
        }
        if (!run.errors().isEmpty()) {
            return ProbeResult.fail(errorSummary(run.errors().get(0), who, address), details);
        }
        if (run.stopped() && run.lost() == 0) {
            return new ProbeResult(Verdict.SKIPPED, "stopped before any reply was due from " + who, details);
        }
        String none = "no echo replies from " + who + " (" + s.transmitted() + " sent)";
        return switch (diagnosis) {
            case NoReplyDiagnosis.TcpAnswered t ->
                ProbeResult.fail(
                        none + ", but the host answers on TCP " + t.port()
                                + (t.open() ? " (open)" : " (connection refused)")
                                + ": ICMP is blocked by a firewall; use tcping/telnet/curl to test the service port",
                        details);
            case NoReplyDiagnosis.Silent q ->
                ProbeResult.fail(
                        "no reply at all from " + who
                                + ": host down, or everything is filtered on the way (no echo replies, and TCP "
                                + q.portsTried().stream().map(String::valueOf).collect(Collectors.joining("/"))
                                + " did not answer within " + NoReplyDiagnosis.TIMEOUT.toMillis()
                                + " ms). The receiving side may block ping:"
                                + " test the service port with tcping/telnet/curl, and check that the host is up",
                        details);
            case NoReplyDiagnosis.NotChecked n ->
                ProbeResult.fail(
                        none + ": ICMP blocked by a firewall, or the host is down."
                                + " The receiving side often blocks ping: test the service port with tcping/telnet/curl",
                        details);
        };
    }

    private static String errorSummary(IcmpMessage.ErrorReport e, String who, String address) {
        String text = e.text();
        if (e.from() == null) {
            return switch (e.description().cause()) {
                case UNREACHABLE ->
                    "cannot send to " + who + ": " + text + ": this machine has no route there. "
                            + "Check the IP and the routing table (ip route get " + address + ")";
                case PROHIBITED ->
                    "cannot send to " + who + ": " + text + ": a local firewall (iptables/nftables OUTPUT) "
                            + "blocks ICMP from this machine";
                default -> "cannot send to " + who + ": " + text;
            };
        }
        String from = "From " + AddressText.withScope(e.from()) + " icmp_seq=" + e.seq() + " " + text;
        return from
                + switch (e.description().cause()) {
                    case UNREACHABLE ->
                        ": nothing answers at " + who + " (host down, wrong IP, or no route beyond "
                                + AddressText.withScope(e.from())
                                + "). Check the IP and that the host is up, then the routing";
                    case PROHIBITED ->
                        ": a router or firewall at " + AddressText.withScope(e.from()) + " rejects traffic to " + who
                                + ". Ask for an allow rule; test the service port with tcping/telnet/curl";
                    case TIME_EXCEEDED ->
                        ": the packets loop or the path is longer than the TTL; trace the path (traceroute " + address
                                + ")";
                    case TOO_BIG ->
                        ": the packet is larger than the path MTU; use a smaller -s, or fix the MTU and allow ICMP"
                                + " 'fragmentation needed' on the path";
                    case OTHER -> ": the path to " + who + " reports a problem";
                };
    }
}

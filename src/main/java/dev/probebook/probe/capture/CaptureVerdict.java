package dev.probebook.probe.capture;

import dev.probebook.probe.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The verdict of a capture, from the runbook's packet pictures: completed handshakes are fine, SYNs
 * without reply mean a firewall drops them, RST means refused, a mix means an intermittent path (typical
 * of a load balancer whose members differ), no packets means nothing was sent (or the filter/interface is
 * wrong). The summary names the connections it is about and says what to do next.
 */
record CaptureVerdict(Verdict verdict, String summary) {

    static CaptureVerdict judge(
            int packets,
            List<CaptureDetails.Connection> connections,
            List<ConnectionTracker.Pair> pairs,
            String iface,
            String filter) {
        if (packets == 0) {
            return new CaptureVerdict(
                    Verdict.WARN,
                    "no packets matched: nothing was sent to that host during the capture, "
                            + "or the filter or interface is wrong (interface " + iface
                            + (filter.isEmpty() ? "" : ", filter '" + filter + "'")
                            + "). Make the request while tcpdump is listening; check the interface with tcpdump -D");
        }
        List<CaptureDetails.Connection> ok = having(connections, "ok");
        List<CaptureDetails.Connection> failed = having(connections, "fail");
        List<CaptureDetails.Connection> waiting = having(connections, "warn");
        if (!failed.isEmpty() && !ok.isEmpty()) {
            return new CaptureVerdict(
                    Verdict.WARN,
                    "intermittent: " + ok.size() + " of " + (ok.size() + failed.size())
                            + " connections to " + servers(ok, failed) + " completed, " + failed.size() + " failed ("
                            + failed.get(0).server() + ": " + failed.get(0).explanation()
                            + "). Typical of a load balancer (VIP) whose "
                            + "members differ: test each member (real server) directly");
        }
        if (!failed.isEmpty()) {
            return new CaptureVerdict(Verdict.FAIL, failure(failed));
        }
        if (!ok.isEmpty()) {
            return new CaptureVerdict(Verdict.OK, success(ok));
        }
        if (!waiting.isEmpty()) {
            CaptureDetails.Connection w = waiting.get(0);
            return new CaptureVerdict(
                    Verdict.WARN,
                    "SYN " + w.client() + " > " + w.server()
                            + " was sent just before the capture ended and has no reply yet: capture longer (raise -c or "
                            + "probebook.capture.max-duration) to see whether it is answered or dropped");
        }
        return withoutHandshake(packets, pairs);
    }

    private static List<CaptureDetails.Connection> having(List<CaptureDetails.Connection> all, String verdict) {
        return all.stream().filter(c -> c.verdict().equals(verdict)).toList();
    }

    private static String servers(List<CaptureDetails.Connection> a, List<CaptureDetails.Connection> b) {
        List<CaptureDetails.Connection> all = new ArrayList<>(a);
        all.addAll(b);
        return all.stream()
                .map(CaptureDetails.Connection::server)
                .distinct()
                .limit(3)
                .collect(Collectors.joining(", "));
    }

    /** Groups failures per server and outcome, worst story first. */
    private static String failure(List<CaptureDetails.Connection> failed) {
        Map<String, List<CaptureDetails.Connection>> byServerAndOutcome = new LinkedHashMap<>();
        for (CaptureDetails.Connection c : failed) {
            byServerAndOutcome
                    .computeIfAbsent(c.server() + "|" + c.outcome(), k -> new ArrayList<>())
                    .add(c);
        }
        List<String> parts = new ArrayList<>();
        for (List<CaptureDetails.Connection> group : byServerAndOutcome.values()) {
            parts.add(describe(group));
            if (parts.size() == 2) {
                break;
            }
        }
        String more = byServerAndOutcome.size() > 2 ? " (and " + (byServerAndOutcome.size() - 2) + " more)" : "";
        return String.join("; ", parts) + more;
    }

    private static String describe(List<CaptureDetails.Connection> group) {
        CaptureDetails.Connection c = group.get(0);
        String port = c.server().substring(c.server().lastIndexOf(':') + 1);
        String from = group.size() == 1 ? " from " + c.client() : "";
        String attempts = group.size() == 1 ? "" : " (" + group.size() + " connection attempts)";
        return switch (c.outcome()) {
            case "dropped" -> {
                int syns = group.stream()
                        .mapToInt(CaptureDetails.Connection::synCount)
                        .sum();
                int retransmitted = syns - group.size();
                yield "SYN" + from + " to " + c.server()
                        + (retransmitted > 0
                                ? " retransmitted " + retransmitted + " time" + (retransmitted == 1 ? "" : "s")
                                : " sent " + syns + " time" + (syns == 1 ? "" : "s"))
                        + " with no reply" + attempts + ": a firewall drops it on the way (or the host is down). "
                        + "Open TCP port " + port
                        + " from the client to the server in the firewalls / security groups on the path";
            }
            case "refused" ->
                c.server() + " answered the SYN" + from + " with RST" + attempts + ": connection refused. "
                        + "The host is reachable but nothing listens on port " + port
                        + " (check the service: ss -lnt on the server), "
                        + "or a firewall REJECTs it";
            case "rejected" ->
                "SYN" + from + " to " + c.server() + attempts + " was "
                        + c.explanation().replaceFirst("^the SYN was ", "") + ": check the firewall rules on the path";
            case "handshake-incomplete" ->
                c.server() + " " + c.explanation().replaceFirst("^the server ", "") + attempts;
            default -> c.server() + ": " + c.explanation();
        };
    }

    private static String success(List<CaptureDetails.Connection> ok) {
        CaptureDetails.Connection c = ok.get(0);
        String port = c.server().substring(c.server().lastIndexOf(':') + 1);
        long servers =
                ok.stream().map(CaptureDetails.Connection::server).distinct().count();
        String which = ok.size() == 1
                ? c.client() + " > " + c.server()
                : ok.size() + " connections to " + servers(ok, List.of()) + (servers > 3 ? " ..." : "");
        boolean allEstablished = ok.stream().allMatch(CaptureDetails.Connection::established);
        return (allEstablished
                        ? "handshake completed (SYN, SYN-ACK, ACK): "
                        : "the server answered the SYN (SYN-ACK): ")
                + which + ". The path is open and something listens on port " + port
                + "; if the application still fails, look above TCP (TLS, HTTP status, application logs)";
    }

    private static CaptureVerdict withoutHandshake(int packets, List<ConnectionTracker.Pair> pairs) {
        String what = packets + " packet" + (packets == 1 ? "" : "s");
        for (ConnectionTracker.Pair p : pairs) {
            if (p.twoWay()) {
                return new CaptureVerdict(
                        Verdict.OK,
                        "captured " + what + "; traffic flows both ways between " + p.first() + " and " + p.second()
                                + " (no new TCP connection was opened during the capture)");
            }
        }
        if (pairs.isEmpty()) {
            return new CaptureVerdict(Verdict.OK, "captured " + what + " (no IP traffic among them to judge)");
        }
        ConnectionTracker.Pair p = pairs.get(0);
        String from = p.forward() > 0 ? p.first() : p.second();
        String to = p.forward() > 0 ? p.second() : p.first();
        return new CaptureVerdict(
                Verdict.WARN,
                "captured " + what + ", all one way (" + from + " > " + to
                        + ") with no reply: the replies are dropped or come back another way (another interface or route)");
    }
}

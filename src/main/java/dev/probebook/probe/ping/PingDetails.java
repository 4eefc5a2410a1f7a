package dev.probebook.probe.ping;

import dev.probebook.net.ConnectAttempt;
import dev.probebook.probe.ProbeDetails;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Structured result of a ping: counters, round-trip statistics (null when no reply came), each reply
 * and each ICMP error, the socket kind used ({@code dgram}/{@code raw}, null if none was opened), the
 * TCP checks made after 100% loss to tell "ICMP blocked" from "host down", and the TCP port check that
 * replaced the ping when {@code -p} was given a port.
 */
public record PingDetails(
        String target,
        String address,
        String socket,
        int transmitted,
        int received,
        int duplicates,
        int errors,
        double lossPercent,
        Double rttMinMs,
        Double rttAvgMs,
        Double rttMaxMs,
        Double rttMdevMs,
        List<Reply> replies,
        List<ErrorReply> errorReplies,
        boolean icmpBlockedButTcpAnswered,
        List<ConnectAttempt> tcpChecks,
        ProbeDetails tcpFallback)
        implements ProbeDetails {

    /** One echo reply; {@code ttl} null when the socket could not tell it. */
    public record Reply(int seq, Integer ttl, double timeMs, boolean duplicate) {}

    /** An ICMP error about one of our requests ({@code from} null for a local send error). */
    public record ErrorReply(int seq, String from, String message) {}

    public PingDetails {
        replies = List.copyOf(replies);
        errorReplies = List.copyOf(errorReplies);
        tcpChecks = List.copyOf(tcpChecks);
    }

    /** Details for a run that stopped before any echo was sent (unknown host, no permission, -p PORT). */
    static PingDetails empty(String target, String address, ProbeDetails tcpFallback) {
        return new PingDetails(
                target,
                address,
                null,
                0,
                0,
                0,
                0,
                0,
                null,
                null,
                null,
                null,
                List.of(),
                List.of(),
                false,
                List.of(),
                tcpFallback);
    }

    /** Loss and round trips, what the TCP checks after total loss found, or the port check that replaced ping. */
    @Override
    public Map<String, String> facts() {
        if (tcpFallback != null) {
            return tcpFallback.facts();
        }
        Map<String, String> f = new LinkedHashMap<>();
        f.put("address", address == null ? "not resolved" : address);
        f.put("loss %", ProbeDetails.number(lossPercent));
        if (rttAvgMs != null) {
            f.put("average round trip ms", ProbeDetails.number(rttAvgMs));
        }
        for (ConnectAttempt a : tcpChecks) {
            f.put("TCP port " + a.port(), a.outcome());
        }
        return f;
    }
}

package dev.probebook.probe.tcp;

import dev.probebook.net.ConnectOutcome;
import dev.probebook.probe.ProbeResult;
import java.util.List;
import java.util.Map;

/**
 * What a scan of several ports means, port state by port state, in the runbook's words: closed is a RST (nothing
 * listens there, or a firewall rejects), filtered is silence (the SYN is dropped on the way, or the host is down).
 * All open is ok, some open a warning, none a failure.
 */
final class NmapVerdict {

    private NmapVerdict() {}

    static ProbeResult of(NmapCommand cmd, Map<Integer, ConnectOutcome> outcomes, TcpDetails details) {
        List<Integer> open = ports(outcomes, NmapProbe.State.OPEN);
        List<Integer> closed = ports(outcomes, NmapProbe.State.CLOSED);
        List<Integer> filtered = ports(outcomes, NmapProbe.State.FILTERED);
        StringBuilder s = new StringBuilder(
                open.size() + " of " + outcomes.size() + " ports open on " + cmd.host() + ": " + open);
        if (!closed.isEmpty()) {
            s.append(". Closed (nothing listens, or a firewall rejects): ").append(closed);
        }
        if (!filtered.isEmpty()) {
            s.append(". Filtered (the SYN is dropped on the way, or the host is down): ")
                    .append(filtered);
        }
        if (open.size() == outcomes.size()) {
            return ProbeResult.ok(s.toString(), details);
        }
        return open.isEmpty() ? ProbeResult.fail(s.toString(), details) : ProbeResult.warn(s.toString(), details);
    }

    private static List<Integer> ports(Map<Integer, ConnectOutcome> outcomes, NmapProbe.State state) {
        return outcomes.entrySet().stream()
                .filter(e -> NmapProbe.State.of(e.getValue()) == state)
                .map(Map.Entry::getKey)
                .toList();
    }
}

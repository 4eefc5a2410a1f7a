package dev.probebook.probe.traceroute;

import dev.probebook.probe.ProbeDetails;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The hops of a trace, in order: each TTL with the address that answered (null when none did), the round trips of
 * its probes (null for a probe nobody answered) and the unreachable mark, if any; and whether the host answered.
 */
public record TracerouteDetails(String host, String address, boolean reached, List<HopRecord> hops)
        implements ProbeDetails {

    public TracerouteDetails {
        hops = List.copyOf(hops);
    }

    public record HopRecord(int ttl, String address, List<Double> millis, String annotation) {
        public HopRecord {
            millis = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(millis));
        }
    }

    @Override
    public Map<String, String> facts() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("reached", reached ? "yes" : "no");
        f.put("hops", String.valueOf(hops.size()));
        for (HopRecord h : hops) {
            f.put("hop " + h.ttl(), h.address() == null ? "*" : h.address());
        }
        return f;
    }
}

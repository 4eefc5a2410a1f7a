package dev.probebook.probe.neighbours;

import dev.probebook.probe.ProbeDetails;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Structured result of an ARP listing: each neighbour shown, resolved or not.
 *
 * @param asked the address asked about, else null
 */
public record NeighboursDetails(List<Neighbour> neighbours, String asked) implements ProbeDetails {

    /** One neighbour; {@code mac} is null while unresolved. */
    public record Neighbour(String address, String mac, String device, boolean permanent) {}

    public NeighboursDetails {
        neighbours = List.copyOf(neighbours);
    }

    @Override
    public Map<String, String> facts() {
        Map<String, String> f = new LinkedHashMap<>();
        for (Neighbour n : neighbours) {
            f.put("neighbour " + n.address(), (n.mac() == null ? "incomplete" : n.mac()) + " on " + n.device());
        }
        if (asked != null && neighbours.isEmpty()) {
            f.put("neighbour " + asked, "no entry");
        }
        return f;
    }
}

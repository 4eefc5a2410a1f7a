package dev.probebook.probe.neighbours;

import dev.probebook.probe.ProbeResult;
import java.util.List;

/** Whether the neighbours answered ARP: without it nothing above layer 2 (ping, TCP) reaches them. */
final class NeighboursVerdict {

    private static final int NAMED = 5;

    private NeighboursVerdict() {}

    static ProbeResult judge(List<ArpEntry> shown, String asked) {
        NeighboursDetails details = new NeighboursDetails(
                shown.stream()
                        .map(e -> new NeighboursDetails.Neighbour(
                                e.address(), e.complete() ? e.mac() : null, e.device(), e.permanent()))
                        .toList(),
                asked);
        if (asked != null && shown.isEmpty()) {
            return ProbeResult.warn(
                    "no ARP entry for " + asked + ": this host has not talked to it lately, or it is not on a local"
                            + " network (a host elsewhere is reached through the gateway: look for the gateway's"
                            + " entry). Ping it, then look again",
                    details);
        }
        List<String> unanswered = shown.stream()
                .filter(e -> !e.complete())
                .map(e -> e.address() + " (" + e.device() + ")")
                .toList();
        if (!unanswered.isEmpty()) {
            return ProbeResult.fail(
                    "no ARP answer from " + names(unanswered) + ": the host is down, unplugged, on another VLAN, or"
                            + " the address is wrong; nothing above the link layer (ping, TCP) can reach it",
                    details);
        }
        if (shown.isEmpty()) {
            return ProbeResult.ok(
                    "the ARP cache is empty: nothing on the local network was talked to lately (ping the gateway,"
                            + " then look again)",
                    details);
        }
        if (asked != null) {
            ArpEntry e = shown.getFirst();
            return ProbeResult.ok(
                    asked + " is at " + e.mac() + " on " + e.device() + ": the link layer works, so look higher (ping,"
                            + " tcping)",
                    details);
        }
        return ProbeResult.ok(
                shown.size() + " neighbour(s) resolved: "
                        + names(shown.stream()
                                .map(e -> e.address() + " (" + e.device() + ")")
                                .toList()),
                details);
    }

    private static String names(List<String> all) {
        return String.join(", ", all.subList(0, Math.min(NAMED, all.size())))
                + (all.size() > NAMED ? " and " + (all.size() - NAMED) + " more" : "");
    }
}

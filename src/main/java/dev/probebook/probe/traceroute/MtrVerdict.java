package dev.probebook.probe.traceroute;

import dev.probebook.net.AddressText;
import dev.probebook.probe.ProbeDetails;
import dev.probebook.probe.ProbeResult;
import dev.probebook.probe.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What an mtr report means, read as an operator reads one: loss only counts where it carries on to the host (a router
 * that answers few of its own probes rate-limits ICMP, which is not packet loss); loss at the host, from the first hop
 * where it starts and carries on, is packets dropped on the way; a path that ends or goes silent is read as
 * traceroute's.
 */
final class MtrVerdict {

    private MtrVerdict() {}

    static ProbeResult of(MtrCommand cmd, String address, List<MtrHop> hops) {
        TracerouteDetails details = details(cmd, address, hops);
        String target = cmd.host().equals(address) ? address : cmd.host() + " (" + address + ")";
        if (hops.isEmpty() || hops.getFirst().sentCount() == 0) {
            return new ProbeResult(Verdict.SKIPPED, "stopped before the first round", details);
        }
        MtrHop last = hops.getLast();
        int rounds = hops.getFirst().sentCount();
        if (last.reached()) {
            String timing = String.format(Locale.ROOT, "average %.1f ms, worst %.1f ms", last.average(), last.worst());
            if (last.lossPercent() == 0) {
                List<Integer> lossy = hops.stream()
                        .filter(h -> h != last && h.lossPercent() > 0)
                        .map(h -> h.ttl)
                        .toList();
                return ProbeResult.ok(
                        target + " reached in " + last.ttl + " hop(s) with no loss over " + rounds + " round(s), "
                                + timing
                                + (lossy.isEmpty()
                                        ? ""
                                        : "; the loss at hop(s) " + lossy + " does not carry on to the host: those"
                                                + " routers answer few probes themselves (ICMP rate limits), which is"
                                                + " not packet loss"),
                        details);
            }
            MtrHop start = last;
            for (int i = hops.size() - 1; i >= 0 && hops.get(i).lossPercent() > 0; i--) {
                start = hops.get(i);
            }
            return ProbeResult.warn(
                    String.format(
                                    Locale.ROOT,
                                    "%s reached in %d hop(s), but %.1f%% of the probes to it were lost",
                                    target,
                                    last.ttl,
                                    last.lossPercent())
                            + " (" + timing + "): packets are dropped on the way, starting at hop " + start.ttl + " ("
                            + name(start) + "), where the loss begins and carries on to the host. Look at that link"
                            + " or device, or run mtr again to see whether it lasts",
                    details);
        }
        if (last.annotation() != null) {
            return ProbeResult.fail(
                    "hop " + last.ttl + " (" + name(last) + ") answered " + last.annotation() + " ("
                            + TracerouteVerdict.meaning(last.annotation()) + "): the path to " + target
                            + " ends there. " + TracerouteVerdict.advice(last.annotation()),
                    details);
        }
        MtrHop answered = null;
        for (MtrHop h : hops) {
            if (h.address() != null) {
                answered = h;
            }
        }
        if (answered == null) {
            return ProbeResult.fail(
                    target + " not reached and no hop answered over " + rounds + " round(s): ICMP is dropped right"
                            + " after this host (a firewall, or no route out). Check the default route (ip route) and"
                            + " test the service port with tcping " + cmd.host() + " PORT",
                    details);
        }
        return ProbeResult.fail(
                target + " not reached over " + rounds + " round(s): the path goes silent after hop " + answered.ttl
                        + " (" + name(answered) + "). Packets are dropped beyond it (a firewall, a missing route, or a"
                        + " host that drops ICMP): test the service port with tcping " + cmd.host() + " PORT",
                details);
    }

    private static String name(MtrHop h) {
        return h.address() == null ? "???" : AddressText.withScope(h.address());
    }

    private static TracerouteDetails details(MtrCommand cmd, String address, List<MtrHop> hops) {
        List<TracerouteDetails.HopRecord> records = new ArrayList<>();
        for (MtrHop h : hops) {
            List<Double> millis = new ArrayList<>();
            for (Double m : h.millis()) {
                millis.add(m == null ? null : Double.parseDouble(ProbeDetails.number(m)));
            }
            records.add(new TracerouteDetails.HopRecord(
                    h.ttl, h.address() == null ? null : AddressText.withScope(h.address()), millis, h.annotation()));
        }
        return new TracerouteDetails(
                cmd.host(), address, !hops.isEmpty() && hops.getLast().reached(), records);
    }
}

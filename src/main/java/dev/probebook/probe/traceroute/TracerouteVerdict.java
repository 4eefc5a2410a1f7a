package dev.probebook.probe.traceroute;

import dev.probebook.net.AddressText;
import dev.probebook.net.IcmpPermission;
import dev.probebook.probe.ProbeDetails;
import dev.probebook.probe.ProbeResult;
import dev.probebook.probe.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a trace means: the host reached (silent routers on the way are normal: many do not send time-exceeded
 * errors), the path ending at a router that says unreachable or prohibited, or the path going silent after the last
 * hop that answered, which is where to look (a firewall, a missing route back, a host that drops ICMP).
 */
final class TracerouteVerdict {

    private TracerouteVerdict() {}

    static ProbeResult unresolved(PathCommand cmd) {
        return ProbeResult.fail(
                "cannot resolve " + cmd.host() + ": check the name (nslookup " + cmd.host()
                        + ") or add it to /etc/hosts",
                new TracerouteDetails(cmd.host(), null, false, List.of()));
    }

    static ProbeResult notPermitted(PathCommand cmd) {
        return new ProbeResult(
                Verdict.ERROR, IcmpPermission.advice(), new TracerouteDetails(cmd.host(), null, false, List.of()));
    }

    static ProbeResult sendFailed(TracerouteCommand cmd, List<Hop> hops, String message) {
        return ProbeResult.fail(
                "cannot send to " + cmd.host() + ": " + message + " (routing or network problem on this side)",
                details(cmd, null, hops));
    }

    static ProbeResult of(TracerouteCommand cmd, String address, List<Hop> hops, boolean stopped) {
        TracerouteDetails details = details(cmd, address, hops);
        String target = cmd.host().equals(address) ? address : cmd.host() + " (" + address + ")";
        if (hops.isEmpty()) {
            return new ProbeResult(Verdict.SKIPPED, "stopped before the first hop", details);
        }
        Hop last = hops.getLast();
        String icmpNote = cmd.icmpAsked() ? "" : ". Probes were ICMP echo, as traceroute -I sends";
        if (last.reached()) {
            List<Integer> silent =
                    hops.stream().filter(Hop::silent).map(Hop::ttl).toList();
            String s = target + " reached in " + last.ttl() + " hop(s), " + millis(last) + " ms at the last hop"
                    + (silent.isEmpty()
                            ? ""
                            : "; hop(s) " + silent + " did not answer: routers that send no time-exceeded errors,"
                                    + " which is normal");
            return ProbeResult.ok(s + icmpNote, details);
        }
        if (last.unreachable()) {
            return ProbeResult.fail(
                    "hop " + last.ttl() + " (" + AddressText.withScope(last.address()) + ") answered "
                            + last.annotation()
                            + " (" + meaning(last.annotation()) + "): the path to " + target + " ends there. "
                            + advice(last.annotation()) + icmpNote,
                    details);
        }
        Hop answered = null;
        for (Hop h : hops) {
            if (!h.silent()) {
                answered = h;
            }
        }
        String lastWords = stopped ? "the trace was stopped" : "no answer up to hop " + last.ttl();
        if (answered == null) {
            return ProbeResult.fail(
                    target + " not reached and no hop answered (" + lastWords + "): ICMP is dropped right after this"
                            + " host (a firewall, or no route out). Check the default route (ip route) and test the"
                            + " service port with tcping " + cmd.host() + " PORT" + icmpNote,
                    details);
        }
        return ProbeResult.fail(
                target + " not reached: the path goes silent after hop " + answered.ttl() + " ("
                        + AddressText.withScope(answered.address()) + "; " + lastWords + "). Packets are dropped"
                        + " beyond it (a firewall, a missing route, or a host that drops ICMP): test the service"
                        + " port with tcping " + cmd.host() + " PORT" + icmpNote,
                details);
    }

    private static String millis(Hop hop) {
        return hop.answers().stream()
                .filter(a -> a.from() != null)
                .findFirst()
                .map(a -> String.format(Locale.ROOT, "%.3f", a.millis()))
                .orElse("?");
    }

    static String meaning(String annotation) {
        return switch (annotation) {
            case "!N" -> "network unreachable";
            case "!X" -> "administratively prohibited";
            case "!P" -> "protocol unreachable";
            case "!F" -> "fragmentation needed";
            case "!S" -> "source route failed";
            default -> "host unreachable";
        };
    }

    static String advice(String annotation) {
        return switch (annotation) {
            case "!X" -> "A firewall there rejects the traffic: ask for a rule that allows it";
            case "!N" -> "That router has no route to the network: check the routing there";
            case "!F" -> "A link on the way has a smaller MTU: check the MTU settings";
            default -> "The last router cannot deliver to the host (down, or wrong address)";
        };
    }

    private static TracerouteDetails details(TracerouteCommand cmd, String address, List<Hop> hops) {
        List<TracerouteDetails.HopRecord> records = new ArrayList<>();
        for (Hop h : hops) {
            List<Double> millis = new ArrayList<>();
            for (Hop.Answer a : h.answers()) {
                millis.add(a.from() == null ? null : Double.parseDouble(ProbeDetails.number(a.millis())));
            }
            records.add(new TracerouteDetails.HopRecord(
                    h.ttl(), h.address() == null ? null : AddressText.withScope(h.address()), millis, h.annotation()));
        }
        boolean reached = !hops.isEmpty() && hops.getLast().reached();
        return new TracerouteDetails(cmd.host(), address, reached, records);
    }
}

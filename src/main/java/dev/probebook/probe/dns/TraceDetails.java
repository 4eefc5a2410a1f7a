package dev.probebook.probe.dns;

import dev.probebook.probe.ProbeDetails;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Structured result of {@code dig +trace}: each delegation step from the root down, and the final answer.
 *
 * @param question the name asked, without the final dot
 * @param type the query type asked
 * @param rcode the last reply's code ({@code NOERROR}, {@code NXDOMAIN}), null when the trace ended without one
 * @param answers the final answer's records
 * @param steps every server that answered, in order: the resolver's list of root servers first
 * @param error why the trace stopped early (no server of a zone answered, a referral that goes no deeper), or null
 */
public record TraceDetails(
        String question, String type, String rcode, List<DnsDetails.Answer> answers, List<Step> steps, String error)
        implements ProbeDetails {

    /**
     * One answer on the way down.
     *
     * @param zone the zone whose servers were asked ({@code .}, {@code com.}); for the first step the root, asked of
     *     the resolver
     * @param server the server's name ({@code a.root-servers.net}) or, for the resolver, its address
     * @param address {@code 198.41.0.4#53}
     * @param millis the time from the query to the reply
     * @param bytes the reply's size
     */
    public record Step(String zone, String server, String address, long millis, int bytes) {}

    public TraceDetails {
        answers = List.copyOf(answers);
        steps = List.copyOf(steps);
    }

    /** The delegation path, the server that gave the last answer, and the answer by type. */
    @Override
    public Map<String, String> facts() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("DNS status", rcode == null ? (error == null ? "no answer" : error) : rcode);
        f.put("delegation", steps.stream().skip(1).map(Step::zone).collect(Collectors.joining(" -> ")));
        if (!steps.isEmpty()) {
            f.put("answered by", steps.get(steps.size() - 1).server());
        }
        Map<String, String> byType = new LinkedHashMap<>();
        for (DnsDetails.Answer a : answers) {
            byType.merge("answer " + a.type(), a.data(), (x, y) -> x + ", " + y);
        }
        f.putAll(byType);
        return f;
    }
}

package dev.probebook.probe.dns;

import dev.probebook.probe.ProbeDetails;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * Structured result of a DNS lookup.
 *
 * @param server        the server that answered, or the last one tried ({@code 127.0.0.1#53}); null when
 *                      none could be chosen
 * @param question      the name asked (the reverse-map name for a PTR lookup), without the final dot
 * @param type          the query types asked, joined with {@code +} ({@code A+AAAA})
 * @param rcode         the decisive reply code ({@code NOERROR}, {@code NXDOMAIN}, ...), null without a reply
 * @param answers       every answer record received, aliases included
 * @param hostsOverride what the hosts file says about the name, null when it has no entry
 * @param queryMillis   time spent waiting for replies, all questions together
 * @param error         why no reply came ({@code timed out}, {@code connection refused}), null otherwise
 */
public record DnsDetails(
        String server,
        String question,
        String type,
        String rcode,
        List<Answer> answers,
        HostsOverride hostsOverride,
        long queryMillis,
        String error)
        implements ProbeDetails {

    /** One answer record in presentation form. */
    public record Answer(String name, String type, long ttl, String data) {

        static Answer of(Record r) {
            return new Answer(RecordText.bare(r.getName()), Type.string(r.getType()), r.getTTL(), RecordText.rdata(r));
        }
    }

    /**
     * A hosts-file entry for the looked-up name: programs on this host use it instead of DNS.
     *
     * @param differs true when the file maps the name to an address DNS did not give
     */
    public record HostsOverride(String file, List<String> addresses, boolean differs) {
        public HostsOverride {
            addresses = List.copyOf(addresses);
        }
    }

    public DnsDetails {
        answers = List.copyOf(answers);
    }

    /** The answer's status and records (by type, in order), and a hosts-file override. */
    @Override
    public Map<String, String> facts() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("DNS status", rcode == null ? (error == null ? "no answer" : error) : rcode);
        Map<String, List<String>> byType = new LinkedHashMap<>();
        for (Answer a : answers) {
            byType.computeIfAbsent(a.type(), k -> new ArrayList<>()).add(a.data());
        }
        byType.forEach((type, data) -> f.put("answer " + type, String.join(", ", data)));
        if (hostsOverride != null) {
            f.put("hosts file", String.join(", ", hostsOverride.addresses()));
        }
        f.put("query ms", ProbeDetails.number(queryMillis));
        return f;
    }
}

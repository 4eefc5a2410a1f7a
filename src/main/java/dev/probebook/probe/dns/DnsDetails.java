package dev.probebook.probe.dns;

import dev.probebook.probe.ProbeDetails;
import java.util.List;

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
    public record Answer(String name, String type, long ttl, String data) {}

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
}

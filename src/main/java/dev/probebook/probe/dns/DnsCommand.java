package dev.probebook.probe.dns;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * A parsed {@code nslookup}, {@code dig} or {@code host} command.
 *
 * @param tool         whose output to imitate
 * @param name         the name to look up as the user gave it (ASCII, validated), or the IP literal of a
 *                     reverse lookup
 * @param reverse      true when {@code name} is an IP whose PTR record is asked for
 * @param types        the query types, asked in this order ({@code nslookup}: A then AAAA by default)
 * @param defaultTypes true when the user named no type (changes what nslookup and host print)
 * @param server       the server operand ({@code @server}, nslookup/host's second operand), null for the
 *                     configured or system servers
 * @param port         the DNS port ({@code -port=}, {@code -p}), null for the server's own (53)
 * @param tryTimeout   the user's per-try timeout ({@code -timeout=}, {@code +time=}, {@code -W}), null for
 *                     the configured {@code probebook.dns.timeout} spread over the tries
 * @param tries        how many times a UDP query is sent to one server before giving up on it
 * @param tcp          query over TCP from the start ({@code +tcp}, {@code -vc}, {@code -T})
 * @param recurse      set the RD flag (off with {@code +norecurse}, {@code -norecurse}, {@code -r})
 * @param trace        dig +trace: follow the delegation from the root down, asking each zone's servers
 * @param display      dig's display options (ignored by the other tools)
 * @param words        the words after the command word, for dig's banner line
 */
public record DnsCommand(
        Tool tool,
        String name,
        boolean reverse,
        List<Integer> types,
        boolean defaultTypes,
        String server,
        Integer port,
        Duration tryTimeout,
        int tries,
        boolean tcp,
        boolean recurse,
        boolean trace,
        DigDisplay display,
        List<String> words) {

    /** Which tool's output to imitate. */
    public enum Tool {
        NSLOOKUP,
        DIG,
        HOST;

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public DnsCommand {
        types = List.copyOf(types);
        words = List.copyOf(words);
    }
}

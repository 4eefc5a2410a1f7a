package dev.probebook.net;

import dev.probebook.command.Args;
import dev.probebook.command.HostSyntax;
import dev.probebook.command.Placeholder;
import dev.probebook.command.Placeholders;
import dev.probebook.command.UsageException;
import java.util.List;

/**
 * The syntax of one hosts-file line ({@code ADDRESS NAME [ALIAS...]}) when it is written as a step or
 * echoed into the file: recognising it among arbitrary first words, and validating its parts.
 */
public final class HostsLine {

    public static final String EXAMPLE = "10.10.100.5 app.example.co.kr";

    private HostsLine() {}

    /**
     * True when the words are unmistakably a hosts line: an address literal, or a word that is
     * entirely one address placeholder ({@code 10.10.100.IP}, {@code {{ip}}}, {@code $IP}), followed
     * only by host names or whole placeholders. Informal words ({@code ip}) are not enough to claim a
     * line, and example output such as {@code 211.188.35.IP[root@host ~]#} or {@code Server: ...} is not
     * a hosts line.
     */
    public static boolean looksLikeHostsLine(List<String> words) {
        if (words.size() < 2 || !isAddressWord(words.get(0))) {
            return false;
        }
        for (String w : words.subList(1, words.size())) {
            if (!isNameWord(w)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAddressWord(String w) {
        if (HostSyntax.isIpLiteral(w)) {
            return true;
        }
        String variable = wholePlaceholder(w);
        return variable != null && (variable.equals("host") || variable.contains("ip") || variable.contains("addr"));
    }

    private static boolean isNameWord(String w) {
        if (HostSyntax.isIpLiteral(w)) {
            return false;
        }
        String variable = wholePlaceholder(w);
        if (variable != null) {
            return !variable.contains("port") && !variable.equals("iface");
        }
        try {
            HostSyntax.validate(w);
            return true;
        } catch (UsageException e) {
            return false;
        }
    }

    /** The variable of a word that is exactly one placeholder, or null. */
    private static String wholePlaceholder(String w) {
        List<Placeholder> found = Placeholders.scan(0, w);
        if (found.size() != 1) {
            return null;
        }
        Placeholder p = found.get(0);
        return p.start() == 0 && p.end() == w.length() ? p.variable() : null;
    }

    /**
     * Validates the address of a hosts line. In template mode a placeholder (or, where {@code args} can
     * record it, an informal word such as {@code ip}) is accepted; {@code args} is null for the first
     * word of a bare line, which {@link Args} does not cover (its placeholders are unambiguous ones,
     * found by the runbook's own scan).
     */
    public static String address(String raw, Args args, boolean template) throws UsageException {
        if (raw.contains("%") && HostSyntax.isIpLiteral(raw.substring(0, raw.indexOf('%')))) {
            // the same refusal as the write (HostsMapping): a dry run must never show a change Apply refuses
            throw new UsageException("'" + raw + "' has a zone (" + raw.substring(raw.indexOf('%'))
                    + "): the hosts file takes a plain IPv4 or IPv6 address");
        }
        if (HostSyntax.isIpLiteral(raw)) {
            return raw;
        }
        if (template && Placeholders.containsAny(raw)) {
            return raw;
        }
        if (template && args != null && Placeholders.informalHost(raw) != null) {
            args.host(raw); // records the informal placeholder
            return raw;
        }
        throw new UsageException("'" + raw
                + "' is not an IP address: a hosts line starts with an IPv4 or IPv6 address, e.g. " + EXAMPLE);
    }

    /** Validates one host name of a hosts line (placeholders accepted in template mode through {@code args}). */
    public static String name(String raw, Args args) throws UsageException {
        if (HostSyntax.isIpLiteral(raw)) {
            throw new UsageException("'" + raw
                    + "' is an address, not a host name: a hosts line is ADDRESS NAME [ALIAS...], e.g. " + EXAMPLE);
        }
        args.host(raw);
        return raw;
    }
}

package dev.probebook.command;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The words after a command word, read by a probe's parser. Besides a cursor it validates hosts, ports,
 * URLs and interfaces, and it is where placeholders meet a tool's grammar.
 *
 * <p>In {@link Mode#TEMPLATE} (classifying a runbook line before its variables are bound) a value that
 * holds a placeholder is accepted without validation, and an informal word such as {@code ip} or
 * {@code port} standing where a host or port must stand is recorded as a placeholder. In
 * {@link Mode#RUN} every value is validated strictly.
 */
public final class Args {

    public enum Mode {
        TEMPLATE,
        RUN
    }

    private final List<String> words;
    private final Mode mode;
    private final List<Placeholder> informal = new ArrayList<>();
    private int pos;

    /** @param words the words after the command word */
    public Args(List<String> words, Mode mode) {
        this.words = List.copyOf(words);
        this.mode = mode;
    }

    public static Args run(List<String> words) {
        return new Args(words, Mode.RUN);
    }

    public Mode mode() {
        return mode;
    }

    public boolean template() {
        return mode == Mode.TEMPLATE;
    }

    public boolean hasNext() {
        return pos < words.size();
    }

    public String peek() {
        return hasNext() ? words.get(pos) : null;
    }

    public String next() throws UsageException {
        if (!hasNext()) {
            throw new UsageException("missing operand");
        }
        return words.get(pos++);
    }

    /** The value of an option given as a separate word: {@code -c 4}. */
    public String valueOf(String option) throws UsageException {
        if (!hasNext()) {
            throw new UsageException("option " + option + " needs a value");
        }
        return words.get(pos++);
    }

    /** All words not consumed yet; consumes them. */
    public List<String> rest() {
        List<String> rest = words.subList(pos, words.size());
        pos = words.size();
        return rest;
    }

    public List<String> all() {
        return words;
    }

    /** Informal placeholders recorded while parsing in template mode. Word indexes count the command word as 0. */
    public List<Placeholder> informalPlaceholders() {
        return List.copyOf(informal);
    }

    /** Index (1-based, command word = 0) of the word last returned by {@link #next()} or {@link #valueOf}. */
    private int lastWord() {
        return pos;
    }

    private boolean placeholderIn(String raw) {
        return template() && Placeholders.containsAny(raw);
    }

    private void record(String raw, String variable) {
        String word = words.get(pos - 1);
        int at = word.lastIndexOf(raw);
        if (at < 0) {
            return;
        }
        informal.add(new Placeholder(lastWord(), at, at + raw.length(), raw, variable));
    }

    /** Validates a host value taken from the last word read. */
    public String host(String raw) throws UsageException {
        if (template()) {
            if (placeholderIn(raw)) {
                return Placeholders.sample("host");
            }
            String informalVar = Placeholders.informalHost(raw);
            if (informalVar != null) {
                record(raw, informalVar);
                return Placeholders.sample(informalVar);
            }
        }
        return HostSyntax.validate(raw);
    }

    public String nextHost() throws UsageException {
        if (!hasNext()) {
            throw new UsageException("missing host");
        }
        return host(next());
    }

    /** Validates a TCP/UDP port (number or service name) taken from the last word read. */
    public int port(String raw) throws UsageException {
        if (template()) {
            if (placeholderIn(raw)) {
                return 80;
            }
            if (Placeholders.informalPort(raw)) {
                record(raw, "port");
                return 80;
            }
        }
        return parsePort(raw);
    }

    public int nextPort() throws UsageException {
        if (!hasNext()) {
            throw new UsageException("missing port");
        }
        return port(next());
    }

    public static int parsePort(String raw) throws UsageException {
        if (raw.matches("\\d{1,9}")) {
            int p = Integer.parseInt(raw);
            if (p >= 1 && p <= 65535) {
                return p;
            }
            throw new UsageException("port " + raw + " is out of range (1-65535)");
        }
        int byName = Services.port(raw);
        if (byName > 0) {
            return byName;
        }
        throw new UsageException("'" + raw + "' is not a port (a number 1-65535 or a service name such as https)");
    }

    /** Validates a network interface name taken from the last word read. */
    public String iface(String raw) throws UsageException {
        if (template()) {
            if (placeholderIn(raw)) {
                return "lo";
            }
            if (Placeholders.informalIface(raw)) {
                record(raw, "iface");
                return "lo";
            }
        }
        if (!raw.matches("[A-Za-z0-9_.:@-]{1,32}")) {
            throw new UsageException("'" + raw + "' is not an interface name");
        }
        return raw;
    }

    /**
     * A URL or {@code host[:port][/path]} as curl takes it. In template mode placeholders are replaced by
     * samples for validation, and informal {@code ip}/{@code port} in the authority are recorded.
     */
    public String url(String raw) throws UsageException {
        String value = raw;
        if (template()) {
            value = Placeholders.fillSamples(raw);
            value = recordInformalAuthority(raw, value);
        }
        UrlSyntax.parse(value);
        return value;
    }

    private String recordInformalAuthority(String raw, String filled) {
        int schemeEnd = raw.indexOf("://");
        int start = schemeEnd >= 0 ? schemeEnd + 3 : 0;
        int end = start;
        while (end < raw.length() && "/?#".indexOf(raw.charAt(end)) < 0) {
            end++;
        }
        String authority = raw.substring(start, end);
        // Not HostPort.split: this reads a raw template word whose placeholders may hold colons of their own,
        // splits at the last colon, and never splits a bracketed authority (it only records informal names).
        String hostPart = authority;
        String portPart = null;
        int colon = authority.lastIndexOf(':');
        if (colon >= 0 && !authority.startsWith("[")) {
            hostPart = authority.substring(0, colon);
            portPart = authority.substring(colon + 1);
        }
        String result = filled;
        String hostVar = Placeholders.informalHost(hostPart);
        if (hostVar != null) {
            informal.add(new Placeholder(lastWord(), start, start + hostPart.length(), hostPart, hostVar));
            result = result.replaceFirst(Pattern.quote(hostPart), Placeholders.sample(hostVar));
        }
        if (portPart != null && Placeholders.informalPort(portPart)) {
            int at = start + colon + 1;
            informal.add(new Placeholder(lastWord(), at, at + portPart.length(), portPart, "port"));
            result = result.replaceFirst(":" + Pattern.quote(portPart) + "(?=[/?#]|$)", ":80");
        }
        return result;
    }

    /** Parses an integer option value within bounds, naming the option in the error. */
    public static int intValue(String option, String raw, int min, int max) throws UsageException {
        try {
            long v = Long.parseLong(raw.trim());
            if (v < min || v > max) {
                throw new UsageException(
                        "option " + option + ": " + raw + " is out of range (" + min + "-" + max + ")");
            }
            return (int) v;
        } catch (NumberFormatException e) {
            throw new UsageException("option " + option + " needs a whole number, got '" + raw + "'");
        }
    }

    /** Parses a seconds value (may be fractional) within bounds. */
    public static double seconds(String option, String raw, double min, double max) throws UsageException {
        try {
            double v = Double.parseDouble(raw.trim());
            if (Double.isNaN(v) || v < min || v > max) {
                throw new UsageException(
                        "option " + option + ": " + raw + " is out of range (" + min + "-" + max + " s)");
            }
            return v;
        } catch (NumberFormatException e) {
            throw new UsageException("option " + option + " needs a number of seconds, got '" + raw + "'");
        }
    }
}

package dev.probebook.probe.ping;

import dev.probebook.command.Args;
import dev.probebook.command.Placeholders;
import dev.probebook.command.Services;
import dev.probebook.command.UsageException;
import dev.probebook.net.IpFamily;
import java.time.Duration;
import java.util.Locale;

/**
 * Parses ping's options getopt-style ({@code -c 3}, {@code -c3}, {@code -qc 3}, options after the host as
 * in {@code ping HOST -p PORT}). In template mode, values holding placeholders are accepted unchecked.
 */
final class PingCommandParser {

    static final String SUPPORTED =
            "-c COUNT, -i SECONDS, -W SECONDS, -w DEADLINE, -s SIZE, -p PATTERN, -q, -n, -4, -6";

    private final String word;
    private final Args args;
    private int count = PingCommand.DEFAULT_COUNT;
    private boolean countGiven;
    private Duration interval = Duration.ofSeconds(1);
    private Duration replyTimeout;
    private Duration deadline;
    private int size = PingCommand.DEFAULT_SIZE;
    private IpFamily ipVersion;
    private boolean quiet;
    private String pattern = "";
    private Integer tcpPort;
    private String host;

    PingCommandParser(String word, Args args) {
        this.word = word;
        this.args = args;
        this.ipVersion = word.equals("ping6") ? IpFamily.V6 : IpFamily.ANY;
    }

    PingCommand parse() throws UsageException {
        boolean optionsEnded = false;
        while (args.hasNext()) {
            String w = args.next();
            if (!optionsEnded && w.equals("--")) {
                optionsEnded = true;
            } else if (!optionsEnded && w.startsWith("-") && w.length() > 1) {
                options(w);
            } else {
                if (host != null) {
                    throw new UsageException(
                            word + ": too many operands: '" + w + "' (usage: " + word + " [options] HOST)");
                }
                host = args.host(w);
            }
        }
        if (host == null) {
            throw new UsageException(
                    word + ": missing host (usage: " + word + " [-c COUNT] [-i SECONDS] [-W SECONDS] HOST)");
        }
        return new PingCommand(
                word,
                host,
                count,
                countGiven,
                interval,
                replyTimeout,
                deadline,
                size,
                ipVersion,
                quiet,
                pattern,
                tcpPort);
    }

    /** One word of clustered flags; a value-taking flag takes the rest of the word or the next word. */
    private void options(String w) throws UsageException {
        for (int k = 1; k < w.length(); k++) {
            char c = w.charAt(k);
            switch (c) {
                case 'q' -> quiet = true;
                case 'n' -> {} // numeric output: Probebook never looks up reply addresses anyway
                case '4' -> family(IpFamily.V4);
                case '6' -> family(IpFamily.V6);
                case 'c', 'i', 'W', 'w', 's', 'p' -> {
                    String rest = w.substring(k + 1);
                    String option = "-" + c;
                    value(c, rest.isEmpty() ? args.valueOf(option) : rest);
                    return;
                }
                default ->
                    throw new UsageException(word + ": unknown option -" + c + " (supported: " + SUPPORTED + ")");
            }
        }
    }

    private void family(IpFamily v) throws UsageException {
        if (ipVersion != IpFamily.ANY && ipVersion != v) {
            throw new UsageException(
                    word.equals("ping6") && v == IpFamily.V4
                            ? "ping6: -4 contradicts ping6 (use ping -4 for IPv4)"
                            : word + ": only one -4 or -6 option may be specified");
        }
        ipVersion = v;
    }

    private void value(char option, String raw) throws UsageException {
        boolean unbound = args.template() && Placeholders.containsAny(raw);
        switch (option) {
            case 'c' -> {
                count = unbound ? count : Args.intValue("-c", raw, 1, 1000);
                countGiven = true;
            }
            case 'i' -> interval = unbound ? interval : seconds("-i", raw, 0.002, 3600);
            case 'W' -> replyTimeout = unbound ? replyTimeout : seconds("-W", raw, 0.001, 60);
            case 'w' -> deadline = unbound ? deadline : seconds("-w", raw, 0.001, 3600);
            case 's' -> size = unbound ? size : Args.intValue("-s", raw, 0, 65507);
            case 'p' -> patternOrPort(raw);
            default -> throw new IllegalStateException("no value option -" + option);
        }
    }

    /**
     * Linux ping's {@code -p} is a hex fill pattern, but runbooks write {@code ping HOST -p PORT}. A decimal
     * 1-65535, a service name or a port placeholder is taken as that port; hex digits as the pattern.
     */
    private void patternOrPort(String raw) throws UsageException {
        if (args.template() && (Placeholders.containsAny(raw) || Placeholders.informalPort(raw))) {
            tcpPort = args.port(raw);
        } else if (raw.matches("\\d+") && !raw.matches("0+")) {
            tcpPort = Args.parsePort(raw.replaceFirst("^0+", ""));
        } else if (raw.matches("[0-9A-Fa-f]{1,32}")) {
            pattern = raw.toLowerCase(Locale.ROOT);
        } else if (Services.port(raw) > 0) {
            tcpPort = Services.port(raw);
        } else {
            throw new UsageException(word + ": -p takes a hex fill pattern of up to 16 bytes (e.g. -p ff00), not '"
                    + raw + "'; ICMP has no ports: to test a port use tcping HOST PORT");
        }
    }

    private static Duration seconds(String option, String raw, double min, double max) throws UsageException {
        return Duration.ofNanos(Math.round(Args.seconds(option, raw, min, max) * 1e9));
    }
}

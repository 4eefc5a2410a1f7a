package dev.probebook.probe.traceroute;

import dev.probebook.command.Args;
import dev.probebook.command.UsageException;
import dev.probebook.net.IpFamily;
import java.time.Duration;

/**
 * mtr's options (mtr 0.95), short ones groupable as getopt reads them ({@code -rwc 5}, {@code -c10}). Probebook always
 * prints the report: {@code mtr HOST} without {@code -r} (mtr's full-screen view) reports too. Probe kinds and output
 * formats it does not have are usage errors saying why.
 */
final class MtrParser {

    static final String SUPPORTED = "-r, -w, -n, -b, -4, -6, -c COUNT, -i SECONDS, -m MAX_TTL";

    private MtrParser() {}

    static MtrCommand parse(Args args) throws UsageException {
        IpFamily ip = IpFamily.ANY;
        int cycles = 10;
        Duration interval = Duration.ofSeconds(1);
        int maxTtl = 30;
        boolean wide = false;
        String host = null;
        while (args.hasNext()) {
            String w = args.next();
            if (w.startsWith("--")) {
                String name = w.contains("=") ? w.substring(0, w.indexOf('=')) : w;
                String attached = w.contains("=") ? w.substring(w.indexOf('=') + 1) : null;
                switch (name) {
                    case "--report", "--no-dns", "--show-ips" -> {}
                    case "--report-wide" -> wide = true;
                    case "--report-cycles" -> cycles = cycles(attached != null ? attached : args.valueOf(name));
                    case "--interval" -> interval = interval(attached != null ? attached : args.valueOf(name));
                    case "--max-ttl" ->
                        maxTtl = Args.intValue(name, attached != null ? attached : args.valueOf(name), 1, 255);
                    case "--udp", "--tcp", "--port", "--sctp" -> throw probeKind(name);
                    case "--json", "--xml", "--csv", "--raw", "--split", "--curses", "--gtk" -> throw format(name);
                    default ->
                        throw new UsageException("mtr: unsupported option " + w + " (supported: " + SUPPORTED + ")");
                }
                continue;
            }
            if (!w.startsWith("-") || w.length() == 1) {
                if (host != null) {
                    throw new UsageException("mtr: extra operand '" + w + "' (usage: mtr -r HOST)");
                }
                host = args.host(w);
                continue;
            }
            for (int k = 1; k < w.length(); k++) {
                char c = w.charAt(k);
                switch (c) {
                    case 'r', 'n', 'b', 'z' -> {}
                    case 'w' -> wide = true;
                    case '4' -> ip = IpFamily.V4;
                    case '6' -> ip = IpFamily.V6;
                    case 'c', 'i', 'm' -> {
                        String rest = w.substring(k + 1);
                        String value = rest.isEmpty() ? args.valueOf("-" + c) : rest;
                        switch (c) {
                            case 'c' -> cycles = cycles(value);
                            case 'i' -> interval = interval(value);
                            default -> maxTtl = Args.intValue("-m", value, 1, 255);
                        }
                        k = w.length();
                    }
                    case 'u', 'T', 'P', 'S' -> throw probeKind("-" + c);
                    case 'j', 'x', 'C', 'l', 'p', 't', 'g' -> throw format("-" + c);
                    default ->
                        throw new UsageException("mtr: unsupported option -" + c + " (supported: " + SUPPORTED + ")");
                }
            }
        }
        if (host == null) {
            throw new UsageException("mtr: give the host to trace (usage: mtr -r HOST)");
        }
        return new MtrCommand(host, ip, cycles, interval, maxTtl, wide);
    }

    private static int cycles(String value) throws UsageException {
        return Args.intValue("-c", value, 1, 100);
    }

    private static Duration interval(String value) throws UsageException {
        return Duration.ofMillis(Math.round(Args.seconds("-i", value, 0.1, 10) * 1000));
    }

    private static UsageException probeKind(String option) {
        return new UsageException("mtr: " + option + " (UDP, TCP or SCTP probes) is not built in: Probebook probes with"
                + " ICMP echo, as mtr does by default. To test a port through the firewalls on the way, use tcping"
                + " HOST PORT");
    }

    private static UsageException format(String option) {
        return new UsageException("mtr: " + option + " (another output format or the interactive view) is not"
                + " supported: Probebook prints mtr's report (mtr -r HOST)");
    }
}

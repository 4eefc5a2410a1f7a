package dev.probebook.probe.traceroute;

import dev.probebook.command.Args;
import dev.probebook.command.UsageException;
import dev.probebook.net.IpFamily;
import java.time.Duration;

/** traceroute's options (Linux traceroute 2.1); the probe methods it cannot send are usage errors saying why. */
final class TracerouteParser {

    static final String SUPPORTED = "-I, -n, -4, -6, -f FIRST_TTL, -m MAX_TTL, -q NQUERIES, -w SECONDS";

    private TracerouteParser() {}

    static TracerouteCommand parse(Args args) throws UsageException {
        IpFamily ip = IpFamily.ANY;
        int first = 1;
        int max = 30;
        int queries = 3;
        Duration wait = Duration.ofSeconds(5);
        boolean icmp = false;
        String host = null;
        Integer packetLen = null;
        while (args.hasNext()) {
            String w = args.next();
            switch (w) {
                case "-I", "--icmp" -> icmp = true;
                case "-n" -> {}
                case "-4" -> ip = IpFamily.V4;
                case "-6" -> ip = IpFamily.V6;
                case "-f" -> first = Args.intValue(w, args.valueOf(w), 1, 255);
                case "-m" -> max = Args.intValue(w, args.valueOf(w), 1, 255);
                case "-q" -> queries = Args.intValue(w, args.valueOf(w), 1, 10);
                case "-w" -> {
                    String v = args.valueOf(w);
                    double s = Args.seconds(w, v.contains(",") ? v.substring(0, v.indexOf(',')) : v, 0.05, 60);
                    wait = Duration.ofMillis(Math.round(s * 1000));
                }
                case "-T", "--tcp", "-U", "--udp", "-p", "-P", "--port" ->
                    throw new UsageException("traceroute: " + w
                            + " (UDP or TCP probes) is not built in: Probebook traces with ICMP echo, as traceroute -I does."
                            + " To test a port through the firewalls on the way, use tcping HOST PORT");
                default -> {
                    if (w.startsWith("-")) {
                        throw new UsageException(
                                "traceroute: unsupported option " + w + " (supported: " + SUPPORTED + ")");
                    }
                    if (host == null) {
                        host = args.host(w);
                    } else if (packetLen == null && w.matches("\\d+")) {
                        packetLen = Args.intValue("packetlen", w, 28, 65000);
                    } else {
                        throw new UsageException("traceroute: extra operand '" + w + "' (usage: traceroute HOST)");
                    }
                }
            }
        }
        if (host == null) {
            throw new UsageException("traceroute: give the host to trace (usage: traceroute HOST)");
        }
        if (first > max) {
            throw new UsageException("traceroute: first hop " + first + " is beyond the last, " + max);
        }
        return new TracerouteCommand(host, ip, first, max, queries, wait, packetLen == null ? 0 : packetLen, icmp);
    }
}

package dev.probebook.probe.tcp;

import dev.probebook.command.Args;
import dev.probebook.command.HostSyntax;
import dev.probebook.command.Services;
import dev.probebook.command.UsageException;
import dev.probebook.net.AddressText;
import dev.probebook.net.ConnectAttempt;
import dev.probebook.net.ConnectOutcome;
import dev.probebook.net.ConnectSummaries;
import dev.probebook.net.IpFamily;
import dev.probebook.net.NameResolver;
import dev.probebook.net.TcpConnector;
import dev.probebook.policy.PolicyDeniedException;
import dev.probebook.probe.Probe;
import dev.probebook.probe.ProbeContext;
import dev.probebook.probe.ProbeResult;
import dev.probebook.probe.Verdict;
import dev.probebook.settings.SettingsSection;
import java.io.IOException;
import java.io.InputStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * TCP reachability: {@code tcping host [port]}, {@code telnet host [port]}, {@code nc -zv [-w s] host port}.
 * Prints what each tool prints and tells open (something listens), refused (no listener or a REJECT
 * rule) and timed out (the SYN was dropped on the way) apart.
 */
public final class TcpProbe implements Probe<TcpCommand> {

    @Override
    public String name() {
        return "tcp";
    }

    @Override
    public Set<String> commandWords() {
        return Set.of("tcping", "telnet", "nc", "ncat", "netcat");
    }

    @Override
    public List<SettingsSection<?>> settings() {
        return List.of(TcpSettings.SECTION);
    }

    @Override
    public TcpCommand parse(String word, Args args) throws UsageException {
        return switch (word) {
            case "tcping" -> parseTcping(args);
            case "telnet" -> parseTelnet(args);
            default -> parseNc(word, args);
        };
    }

    private static TcpCommand parseTcping(Args args) throws UsageException {
        int count = 4;
        Duration interval = Duration.ofSeconds(1);
        Duration timeout = null;
        IpFamily ip = IpFamily.ANY;
        List<String> operands = new ArrayList<>();
        while (args.hasNext()) {
            String w = args.next();
            switch (w) {
                case "-n" -> count = Args.intValue("-n", args.valueOf("-n"), 1, 1000);
                case "-t" -> count = 1000; // continuous: bounded by the run's time limit
                case "-w" -> timeout = secondsOption("-w", args.valueOf("-w"));
                case "-i" -> interval = secondsOption("-i", args.valueOf("-i"));
                case "-4" -> ip = IpFamily.V4;
                case "-6" -> ip = IpFamily.V6;
                default -> {
                    if (w.startsWith("-") && w.length() > 1) {
                        throw new UsageException("tcping: unknown option " + w
                                + " (supported: -n COUNT, -t, -w SECONDS, -i SECONDS, -4, -6)");
                    }
                    operands.add(w);
                    if (operands.size() == 1) {
                        args.host(w);
                    } else if (operands.size() == 2) {
                        args.port(w);
                    }
                }
            }
        }
        if (operands.isEmpty()) {
            throw new UsageException("tcping: missing host (usage: tcping HOST [PORT])");
        }
        if (operands.size() > 2) {
            throw new UsageException("tcping: too many operands (usage: tcping HOST [PORT])");
        }
        String host = validHost(args, operands.get(0));
        int port = operands.size() == 2 ? validPort(args, operands.get(1)) : 80;
        return new TcpCommand(
                TcpCommand.Tool.TCPING, host, List.of(port), count, interval, timeout, true, true, ip, false);
    }

    private static TcpCommand parseTelnet(Args args) throws UsageException {
        IpFamily ip = IpFamily.ANY;
        List<String> operands = new ArrayList<>();
        while (args.hasNext()) {
            String w = args.next();
            if (w.equals("-4")) {
                ip = IpFamily.V4;
            } else if (w.equals("-6")) {
                ip = IpFamily.V6;
            } else if (w.startsWith("-") && w.length() > 1) {
                throw new UsageException("telnet: unknown option " + w + " (usage: telnet [-4|-6] HOST [PORT])");
            } else {
                operands.add(w);
                if (operands.size() == 1) {
                    args.host(w);
                } else if (operands.size() == 2) {
                    args.port(w);
                }
            }
        }
        if (operands.isEmpty()) {
            throw new UsageException("telnet: missing host (usage: telnet HOST [PORT])");
        }
        if (operands.size() > 2) {
            throw new UsageException("telnet: too many operands (usage: telnet HOST [PORT])");
        }
        String host = validHost(args, operands.get(0));
        int port = operands.size() == 2 ? validPort(args, operands.get(1)) : 23;
        return new TcpCommand(
                TcpCommand.Tool.TELNET, host, List.of(port), 1, Duration.ZERO, null, true, false, ip, false);
    }

    private static TcpCommand parseNc(String word, Args args) throws UsageException {
        boolean zero = false;
        boolean verbose = false;
        boolean udp = false;
        Duration timeout = null;
        IpFamily ip = IpFamily.ANY;
        List<String> operands = new ArrayList<>();
        while (args.hasNext()) {
            String w = args.next();
            if (w.startsWith("-") && w.length() > 1 && operands.isEmpty()) {
                for (int k = 1; k < w.length(); k++) {
                    char c = w.charAt(k);
                    switch (c) {
                        case 'z' -> zero = true;
                        case 'v' -> verbose = true;
                        case 'n' -> {}
                        case '4' -> ip = IpFamily.V4;
                        case '6' -> ip = IpFamily.V6;
                        case 'w' -> {
                            String rest = w.substring(k + 1);
                            timeout = secondsOption("-w", rest.isEmpty() ? args.valueOf("-w") : rest);
                            k = w.length();
                        }
                        case 'u' -> udp = true;
                        case 'l' ->
                            throw new UsageException(word
                                    + ": listening (-l) is not supported: Probebook only checks outgoing connections");
                        default ->
                            throw new UsageException(
                                    word + ": unknown option -" + c + " (supported: -z -v -n -u -w SECONDS -4 -6)");
                    }
                }
            } else {
                operands.add(w);
                if (operands.size() == 1) {
                    args.host(w);
                } else if (!w.matches("\\d+-\\d+")) {
                    args.port(w);
                }
            }
        }
        if (operands.size() < 2) {
            throw new UsageException(word + ": missing " + (operands.isEmpty() ? "host and port" : "port")
                    + " (usage: nc -zv [-w SECONDS] HOST PORT)");
        }
        String host = validHost(args, operands.get(0));
        List<Integer> ports = new ArrayList<>();
        for (String p : operands.subList(1, operands.size())) {
            if (p.matches("\\d+-\\d+")) {
                int lo = Args.parsePort(p.substring(0, p.indexOf('-')));
                int hi = Args.parsePort(p.substring(p.indexOf('-') + 1));
                if (hi < lo) {
                    throw new UsageException(
                            word + ": port range " + p + " runs backwards: write it low-high (" + hi + "-" + lo + ")");
                }
                if (hi - lo >= 100) {
                    throw new UsageException(word + ": port range " + p + " has " + (hi - lo + 1)
                            + " ports; Probebook checks at most 100 at a time (split it: " + lo + "-" + (lo + 99)
                            + ", ...)");
                }
                for (int x = lo; x <= hi; x++) {
                    ports.add(x);
                }
            } else {
                ports.add(validPort(args, p));
            }
        }
        return new TcpCommand(TcpCommand.Tool.NC, host, ports, 1, Duration.ZERO, timeout, verbose, zero, ip, udp);
    }

    private static String validHost(Args args, String raw) throws UsageException {
        return args.template() ? raw : args.host(raw);
    }

    private static int validPort(Args args, String raw) throws UsageException {
        return args.template() ? 80 : Args.parsePort(raw);
    }

    private static Duration secondsOption(String option, String raw) throws UsageException {
        double s = Args.seconds(option, raw, 0.001, 3600);
        return Duration.ofNanos((long) (s * 1e9));
    }

    @Override
    public ProbeResult run(TcpCommand cmd, ProbeContext ctx) throws InterruptedException {
        List<InetAddress> addresses;
        try {
            addresses = filter(NameResolver.of(ctx).resolve(cmd.host()).addresses(), cmd.ipVersion());
            if (addresses.isEmpty()) {
                throw new UnknownHostException(cmd.host());
            }
        } catch (UnknownHostException e) {
            ctx.out(
                    switch (cmd.tool()) {
                        case TCPING -> "DNS: Could not find host - " + cmd.host() + ", aborting";
                        case TELNET ->
                            "telnet: could not resolve " + cmd.host() + "/" + cmd.port()
                                    + ": Name or service not known";
                        case NC ->
                            "nc: getaddrinfo for host \"" + cmd.host() + "\" port " + cmd.port()
                                    + ": Name or service not known";
                    });
            return ProbeResult.fail(
                    "cannot resolve " + cmd.host() + ": check the name (nslookup " + cmd.host()
                            + ") or add it to /etc/hosts",
                    new TcpDetails(cmd.host(), List.of(), List.of()));
        }
        try {
            return switch (cmd.tool()) {
                case TCPING -> tcping(cmd, addresses.get(0), ctx);
                case TELNET -> telnet(cmd, addresses, ctx);
                case NC -> cmd.udp() ? UdpCheck.run(cmd, addresses.get(0), ctx) : nc(cmd, addresses, ctx);
            };
        } catch (PolicyDeniedException e) {
            ctx.out(cmd.tool().name().toLowerCase(Locale.ROOT) + ": " + e.getMessage());
            return ProbeResult.error(e.getMessage());
        }
    }

    private static List<InetAddress> filter(List<InetAddress> all, IpFamily v) {
        return all.stream().filter(a -> v.admits(a)).toList();
    }

    /** The tool's connect timeout; {@link TcpConnector} clamps it to the run's deadline. */
    private static Duration timeout(TcpCommand cmd, Duration fallback) {
        return cmd.timeout() != null ? cmd.timeout() : fallback;
    }

    // --- tcping (tcping.exe output: "Probing ...: Port is open / No response") -------------------

    /** Time left below which tcping sends no further probe (see the loop). */
    private static final long MIN_PROBE_MILLIS = 50;

    /**
     * tcping to one resolved address: its output, statistics and verdict. Public for {@code ping HOST -p PORT},
     * which checks the port this way instead of pinging.
     */
    public ProbeResult tcping(TcpCommand cmd, InetAddress address, ProbeContext ctx)
            throws InterruptedException, PolicyDeniedException {
        String target = format(address) + ":" + cmd.port();
        List<ConnectOutcome> outcomes = new ArrayList<>();
        List<ConnectAttempt> attempts = new ArrayList<>();
        ctx.out("");
        for (int i = 0; i < cmd.count() && !ctx.cancelled(); i++) {
            ConnectOutcome o;
            try {
                if (i > 0) {
                    sleep(ctx, cmd.interval());
                    // a probe started with the run's time limit all but spent would "time out" in a millisecond
                    // and be counted as a failure the target never caused: stop as the deadline would
                    if (ctx.cancelled() || ctx.remaining().toMillis() < MIN_PROBE_MILLIS) {
                        break;
                    }
                }
                o = TcpConnector.probe(
                        ctx,
                        cmd.host(),
                        address,
                        cmd.port(),
                        timeout(cmd, ctx.settings().section(TcpSettings.SECTION).tcpingTimeout()));
            } catch (InterruptedException e) {
                // A stop during the wait or a connect (tcping -t is ended this way) ends like tcping on Ctrl+C: the
                // statistics and verdict of the probes made. Throwing lost them all for "stopped before it finished".
                break;
            }
            outcomes.add(o);
            attempts.add(ConnectAttempt.of(o, cmd.port()));
            String state = o instanceof ConnectOutcome.Open ? "Port is open" : "No response";
            ctx.out(String.format(Locale.ROOT, "Probing %s/tcp - %s - time=%.3fms", target, state, o.millis()));
        }
        long ok =
                outcomes.stream().filter(o -> o instanceof ConnectOutcome.Open).count();
        int sent = outcomes.size();
        ctx.out("");
        ctx.out("Ping statistics for " + target);
        ctx.out("     " + sent + " probes sent.");
        ctx.out(String.format(
                Locale.ROOT,
                "     %d successful, %d failed.  (%.2f%% fail)",
                ok,
                sent - ok,
                sent == 0 ? 0.0 : 100.0 * (sent - ok) / sent));
        if (ok > 0) {
            double min = outcomes.stream()
                    .filter(o -> o instanceof ConnectOutcome.Open)
                    .mapToDouble(ConnectOutcome::millis)
                    .min()
                    .orElse(0);
            double max = outcomes.stream()
                    .filter(o -> o instanceof ConnectOutcome.Open)
                    .mapToDouble(ConnectOutcome::millis)
                    .max()
                    .orElse(0);
            double avg = outcomes.stream()
                    .filter(o -> o instanceof ConnectOutcome.Open)
                    .mapToDouble(ConnectOutcome::millis)
                    .average()
                    .orElse(0);
            ctx.out("Approximate trip times in milli-seconds:");
            ctx.out(String.format(
                    Locale.ROOT, "     Minimum = %.3fms, Maximum = %.3fms, Average = %.3fms", min, max, avg));
        } else {
            ctx.out("Was unable to connect, cannot provide trip statistics.");
        }
        TcpDetails details = new TcpDetails(cmd.host(), attempts, List.of());
        if (sent == 0) {
            return new ProbeResult(Verdict.SKIPPED, "stopped before the first probe", details);
        }
        if (ok > 0 && ok < sent) {
            String change = changeOfState(outcomes, target);
            if (change != null) {
                return ProbeResult.warn(change, details);
            }
            return ProbeResult.warn(
                    "intermittent: " + ok + " of " + sent + " probes to " + target
                            + " connected. Typical of a load balancer (VIP) whose members differ: test each member directly",
                    details);
        }
        return verdict(outcomes.get(outcomes.size() - 1), cmd.host(), cmd.port(), details);
    }

    /**
     * Open probes, then only failures (or the reverse), with at least two after the change: the port went
     * away or came up during the run. Calling that "intermittent, like a load balancer" sent the operator
     * after the wrong cause. Null when the outcomes change more than once.
     */
    private static String changeOfState(List<ConnectOutcome> outcomes, String target) {
        boolean firstOpen = outcomes.get(0) instanceof ConnectOutcome.Open;
        int change = 1;
        while (change < outcomes.size() && outcomes.get(change) instanceof ConnectOutcome.Open == firstOpen) {
            change++;
        }
        List<ConnectOutcome> after = outcomes.subList(change, outcomes.size());
        if (after.size() < 2 || after.stream().anyMatch(o -> o instanceof ConnectOutcome.Open == firstOpen)) {
            return null;
        }
        String probes = "probes " + (change + 1) + "-" + outcomes.size();
        if (!firstOpen) {
            return "probes 1-" + change + " to " + target + " failed, then it accepted connections from probe "
                    + (change + 1) + " on: the service came up (or a firewall opened) during the run";
        }
        String how = after.stream().allMatch(o -> o instanceof ConnectOutcome.Refused)
                ? " were refused: the listener went away (the service stopped, crashed or is restarting) or a firewall began rejecting"
                : after.stream().allMatch(o -> o instanceof ConnectOutcome.TimedOut)
                        ? " timed out: the host went down or a firewall began dropping"
                        : " failed";
        return change + " of " + outcomes.size() + " probes to " + target + " connected, then it stopped accepting: "
                + probes + how + ". Check the service on that host (ss -tlnp, its logs)";
    }

    // --- telnet ---------------------------------------------------------------------------------

    private ProbeResult telnet(TcpCommand cmd, List<InetAddress> addresses, ProbeContext ctx)
            throws InterruptedException, PolicyDeniedException {
        List<ConnectAttempt> attempts = new ArrayList<>();
        ConnectOutcome last = null;
        for (InetAddress address : addresses) {
            ctx.out("Trying " + AddressText.of(address) + "...");
            Socket socket = new Socket();
            try {
                ConnectOutcome o = TcpConnector.connect(
                        ctx,
                        cmd.host(),
                        socket,
                        address,
                        cmd.port(),
                        timeout(cmd, ctx.settings().section(TcpSettings.SECTION).connectTimeout()));
                attempts.add(ConnectAttempt.of(o, cmd.port()));
                last = o;
                if (o instanceof ConnectOutcome.Open) {
                    ctx.out("Connected to " + cmd.host() + ".");
                    ctx.out("Escape character is '^]'.");
                    List<String> banner = new ArrayList<>();
                    boolean closedByPeer = readBanner(socket, ctx, banner);
                    ctx.out(closedByPeer ? "Connection closed by foreign host." : "Connection closed.");
                    TcpDetails details = new TcpDetails(cmd.host(), attempts, banner);
                    String also = banner.isEmpty() ? "" : " It greeted with: " + banner.get(0);
                    return ProbeResult.ok(
                            "connected to " + cmd.host() + " port " + cmd.port()
                                    + ": something listens there and the path is open." + also,
                            details);
                }
                ctx.out("telnet: connect to address " + AddressText.of(address) + ": " + reason(o));
            } finally {
                closeQuietly(socket);
            }
        }
        ctx.out("telnet: Unable to connect to remote host: " + reason(last));
        return verdict(last, cmd.host(), cmd.port(), new TcpDetails(cmd.host(), attempts, List.of()));
    }

    /** A greeting line longer than this is cut into pieces; at most 50 lines are read. */
    static final int MAX_BANNER_LINE = 4096;

    /** Reads what the server says first (SSH, SMTP, FTP greet), for up to the banner wait. True if the peer closed. */
    private static boolean readBanner(Socket socket, ProbeContext ctx, List<String> banner) {
        Duration wait = ctx.clamp(ctx.settings().section(TcpSettings.SECTION).bannerWait());
        long end = System.nanoTime() + wait.toNanos();
        StringBuilder pending = new StringBuilder();
        byte[] buf = new byte[4096];
        try {
            InputStream in = socket.getInputStream();
            while (!ctx.cancelled() && banner.size() < 50) {
                long left = (end - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    break;
                }
                socket.setSoTimeout((int) Math.max(1, left));
                int n;
                try {
                    n = in.read(buf);
                } catch (SocketTimeoutException e) {
                    break;
                }
                if (n < 0) {
                    flush(pending, banner, ctx);
                    return true;
                }
                pending.append(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
                int nl;
                while ((nl = pending.indexOf("\n")) >= 0) {
                    String line = pending.substring(0, nl).replace("\r", "");
                    pending.delete(0, nl + 1);
                    banner.add(line);
                    ctx.out(line);
                }
                if (pending.length() > MAX_BANNER_LINE) { // a peer that never sends a newline
                    flush(pending, banner, ctx);
                }
            }
        } catch (IOException e) {
            flush(pending, banner, ctx);
            return true;
        }
        flush(pending, banner, ctx);
        return false;
    }

    private static void flush(StringBuilder pending, List<String> banner, ProbeContext ctx) {
        if (!pending.isEmpty()) {
            banner.add(pending.toString());
            ctx.out(pending.toString());
            pending.setLength(0);
        }
    }

    // --- nc -------------------------------------------------------------------------------------

    private ProbeResult nc(TcpCommand cmd, List<InetAddress> addresses, ProbeContext ctx)
            throws InterruptedException, PolicyDeniedException {
        List<ConnectAttempt> attempts = new ArrayList<>();
        List<String> banner = new ArrayList<>();
        List<Integer> open = new ArrayList<>();
        ConnectOutcome lastFailure = null;
        for (int port : cmd.ports()) {
            if (ctx.cancelled()) {
                break;
            }
            boolean connected = false;
            for (InetAddress address : addresses) {
                Socket socket = new Socket();
                try {
                    ConnectOutcome o = TcpConnector.connect(
                            ctx,
                            cmd.host(),
                            socket,
                            address,
                            port,
                            timeout(
                                    cmd,
                                    ctx.settings().section(TcpSettings.SECTION).connectTimeout()));
                    attempts.add(ConnectAttempt.of(o, port));
                    if (o instanceof ConnectOutcome.Open) {
                        if (cmd.verbose()) {
                            String svc = Services.tcpName(port);
                            ctx.out("Connection to " + ncName(cmd.host(), address) + " " + port + " port [tcp/"
                                    + (svc == null ? "*" : svc) + "] succeeded!");
                        }
                        if (!cmd.zeroIo()) {
                            readBanner(socket, ctx, banner);
                        }
                        connected = true;
                        open.add(port);
                        break;
                    }
                    lastFailure = o;
                    if (cmd.verbose()) {
                        ctx.out(
                                o instanceof ConnectOutcome.TimedOut
                                        ? "nc: connect to " + ncName(cmd.host(), address) + " port " + port
                                                + " (tcp) timed out: Operation now in progress"
                                        : "nc: connect to " + ncName(cmd.host(), address) + " port " + port
                                                + " (tcp) failed: " + reason(o));
                    }
                } finally {
                    closeQuietly(socket);
                }
            }
            if (!connected && cmd.ports().size() == 1) {
                break;
            }
        }
        TcpDetails details = new TcpDetails(cmd.host(), attempts, banner);
        if (cmd.ports().size() > 1) {
            if (open.isEmpty()) {
                return verdict(lastFailure, cmd.host(), cmd.port(), details);
            }
            return ProbeResult.ok(
                    open.size() + " of " + cmd.ports().size() + " ports open on " + cmd.host() + ": " + open, details);
        }
        if (!open.isEmpty()) {
            return ProbeResult.ok(
                    "port " + cmd.port() + " on " + cmd.host() + " is open: something listens and the path is allowed",
                    details);
        }
        if (lastFailure == null) {
            return new ProbeResult(Verdict.SKIPPED, "stopped before connecting", details);
        }
        return verdict(lastFailure, cmd.host(), cmd.port(), details);
    }

    // --- shared -----------------------------------------------------------------------------------

    /** The runbook's knowledge of what each outcome means and what to do next. */
    static ProbeResult verdict(ConnectOutcome o, String host, int port, TcpDetails details) {
        String summary = ConnectSummaries.of(o, host, port);
        return o instanceof ConnectOutcome.Open ? ProbeResult.ok(summary, details) : ProbeResult.fail(summary, details);
    }

    static String reason(ConnectOutcome o) {
        return switch (o) {
            case ConnectOutcome.Open open -> "Connected";
            case ConnectOutcome.Refused r -> "Connection refused";
            case ConnectOutcome.TimedOut t -> "Connection timed out";
            case ConnectOutcome.Failed f -> f.message();
            case null -> "No address";
        };
    }

    private static String format(InetAddress a) {
        return a instanceof Inet6Address ? "[" + AddressText.of(a) + "]" : AddressText.of(a);
    }

    private static void sleep(ProbeContext ctx, Duration d) throws InterruptedException {
        Duration wait = ctx.clamp(d);
        if (!wait.isZero()) {
            Thread.sleep(wait);
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }

    /** How OpenBSD nc names a target: an address as given, a name with the address it tried ({@code localhost (::1)}). */
    static String ncName(String host, InetAddress address) {
        String ip = AddressText.of(address);
        return HostSyntax.isIpLiteral(host) ? ip : host + " (" + ip + ")";
    }
}

package dev.probebook.probe.ping;

import com.sun.jna.Platform;
import dev.probebook.command.Args;
import dev.probebook.command.HostSyntax;
import dev.probebook.command.UsageException;
import dev.probebook.net.AddressText;
import dev.probebook.net.ConnectAttempt;
import dev.probebook.net.ConnectOutcome;
import dev.probebook.net.IcmpPermission;
import dev.probebook.net.IcmpSocket;
import dev.probebook.net.Libc;
import dev.probebook.net.NameResolver;
import dev.probebook.net.SocketOpener;
import dev.probebook.net.TcpConnector;
import dev.probebook.policy.PolicyDeniedException;
import dev.probebook.probe.CommandNeeds;
import dev.probebook.probe.Probe;
import dev.probebook.probe.ProbeContext;
import dev.probebook.probe.ProbeResult;
import dev.probebook.probe.Verdict;
import dev.probebook.settings.SettingsSection;
import java.math.BigDecimal;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * ICMP echo: {@code ping [-c N] [-i S] [-W S] [-w S] [-s SIZE] [-p PATTERN] [-q] [-4|-6] HOST} and
 * {@code ping6}. Sends real echo requests through an unprivileged ICMP datagram socket where
 * {@code net.ipv4.ping_group_range} allows it, else a raw socket (root or CAP_NET_RAW), and prints what
 * iputils ping prints. Never falls back to anything that is not ICMP (such as
 * {@code InetAddress.isReachable}, which silently does a TCP connect to port 7 without privilege).
 *
 * <p>The runbook form {@code ping HOST -p PORT} mistakes ping's fill pattern for a port: when the value
 * is a port, the probe says so and runs a tcping-style TCP check of that port instead.
 */
public final class PingProbe implements Probe<PingCommand> {

    /** Unprivileged (datagram) sockets may not ping faster than this, as Linux ping enforces for users. */
    static final Duration MIN_USER_INTERVAL = Duration.ofMillis(200);

    private final SocketOpener opener;

    public PingProbe() {
        this(SocketOpener.system());
    }

    /** For tests: a {@code socket(2)} that can fail as an unprivileged process would. */
    PingProbe(SocketOpener opener) {
        this.opener = opener;
    }

    @Override
    public String name() {
        return "ping";
    }

    @Override
    public Set<String> commandWords() {
        return Set.of("ping", "ping6");
    }

    /** Faster than iputils lets a normal user send, or larger than fits a 1500-byte frame. */
    static final Duration FLOOD_INTERVAL = Duration.ofMillis(200);

    static final int FLOOD_SIZE = 1472;

    /**
     * {@code -i} below 0.2 s or {@code -s} above 1472 bytes turns ping into a flood tool: iputils allows that to
     * root only, and so does the web app to the role {@code probebook.roles.flood} (admin) only.
     */
    @Override
    public CommandNeeds needs(PingCommand cmd) {
        boolean flood =
                cmd.tcpPort() == null && (cmd.interval().compareTo(FLOOD_INTERVAL) < 0 || cmd.size() > FLOOD_SIZE);
        return flood ? new CommandNeeds(CommandNeeds.Permission.FLOOD, null) : CommandNeeds.RUN;
    }

    @Override
    public List<SettingsSection<?>> settings() {
        return List.of(PingSettings.SECTION);
    }

    @Override
    public PingCommand parse(String word, Args args) throws UsageException {
        return new PingCommandParser(word, args).parse();
    }

    @Override
    public ProbeResult run(PingCommand cmd, ProbeContext ctx) throws InterruptedException {
        if (cmd.tcpPort() != null) {
            return tcpInstead(cmd, ctx);
        }
        InetAddress address = resolve(cmd, ctx);
        if (address == null) {
            return ProbeResult.fail(
                    "cannot resolve " + cmd.host() + ": check the name (nslookup " + cmd.host()
                            + ") or add it to /etc/hosts",
                    PingDetails.empty(cmd.host(), null, null));
        }
        String addressText = AddressText.withScope(address);
        try {
            ctx.checkTarget(literal(cmd.host()) ? null : cmd.host(), address, 0);
        } catch (PolicyDeniedException e) {
            ctx.out("ping: " + e.getMessage());
            return ProbeResult.error(e.getMessage());
        }
        if (!Platform.isLinux()) { // the socket constants in Libc are Linux's
            ctx.out("ping: ICMP sockets are implemented for Linux only");
            return ProbeResult.error("ping needs Linux ICMP sockets, not available on " + System.getProperty("os.name")
                    + ": test the service port with tcping HOST PORT instead");
        }
        boolean ipv6 = address instanceof Inet6Address;
        IcmpSocket.OpenResult opened;
        try {
            opened = IcmpSocket.open(opener, ipv6);
        } catch (LinkageError e) {
            ctx.out("ping: cannot load the C library through JNA: " + e.getMessage());
            return ProbeResult.error("ping cannot reach the operating system's ICMP sockets (JNA failed to load: "
                    + e.getMessage() + ")");
        }
        return switch (opened) {
            case IcmpSocket.OpenResult.NotPermitted n -> notPermitted(n, ctx, cmd, addressText);
            case IcmpSocket.OpenResult.Failed f -> socketFailed(f, ipv6, ctx, cmd, addressText);
            case IcmpSocket.OpenResult.Opened o -> echo(cmd, ctx, o.socket(), address);
        };
    }

    private ProbeResult echo(PingCommand cmd, ProbeContext ctx, IcmpSocket socket, InetAddress address) {
        String addressText = AddressText.withScope(address);
        EchoRun run;
        try (socket) {
            ctx.closeOnCancel(socket);
            Duration interval = cmd.interval();
            if (socket.kind() == IcmpSocket.Kind.DGRAM && interval.compareTo(MIN_USER_INTERVAL) < 0) {
                interval = MIN_USER_INTERVAL;
            }
            Duration wait = cmd.replyTimeout() != null
                    ? cmd.replyTimeout()
                    : ctx.settings().section(PingSettings.SECTION).replyTimeout();
            if (!cmd.pattern().isEmpty()) {
                ctx.out(cmd.patternLine());
            }
            ctx.out(
                    socket.ipv6()
                            ? "PING " + cmd.host() + " (" + addressText + ") " + cmd.size() + " data bytes"
                            : "PING " + cmd.host() + " (" + addressText + ") " + cmd.size() + "(" + (cmd.size() + 28)
                                    + ") bytes of data.");
            run = new PingSession(cmd, ctx, socket, address, interval, wait).run();
        }
        NoReplyDiagnosis diagnosis = new NoReplyDiagnosis.NotChecked();
        List<NoReplyDiagnosis.PortOutcome> checks = new ArrayList<>();
        if (run.stats().received() == 0 && run.errors().isEmpty() && run.lost() > 0 && !run.stopped()) {
            checks = tcpChecks(cmd.host(), address, ctx);
            diagnosis = NoReplyDiagnosis.of(checks);
        }
        PingDetails details = details(cmd, addressText, run, diagnosis, checks);
        return PingConclusion.conclude(cmd.host(), addressText, run, diagnosis, details);
    }

    /** Quick TCP connects after 100% loss; stops at the first port that answers. */
    private static List<NoReplyDiagnosis.PortOutcome> tcpChecks(String host, InetAddress address, ProbeContext ctx) {
        List<NoReplyDiagnosis.PortOutcome> out = new ArrayList<>();
        for (int port : NoReplyDiagnosis.PORTS) {
            Duration timeout = ctx.clamp(NoReplyDiagnosis.TIMEOUT);
            if (ctx.cancelled() || timeout.isZero()) {
                break;
            }
            try {
                ConnectOutcome o = TcpConnector.probe(ctx, literal(host) ? null : host, address, port, timeout);
                out.add(new NoReplyDiagnosis.PortOutcome(port, o));
                if (o instanceof ConnectOutcome.Open || o instanceof ConnectOutcome.Refused) {
                    break;
                }
            } catch (PolicyDeniedException e) {
                continue; // the policy may allow ICMP but not this port: judge by the others
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return out;
    }

    private static PingDetails details(
            PingCommand cmd,
            String addressText,
            EchoRun run,
            NoReplyDiagnosis diagnosis,
            List<NoReplyDiagnosis.PortOutcome> checks) {
        PingStatistics s = run.stats();
        boolean timed = s.hasTimes();
        return new PingDetails(
                cmd.host(),
                addressText,
                run.socket().name().toLowerCase(Locale.ROOT),
                s.transmitted(),
                s.received(),
                s.duplicates(),
                s.errors(),
                Math.round(s.lossPercent() * 1000) / 1000.0,
                timed ? round(s.minMillis()) : null,
                timed ? round(s.avgMillis()) : null,
                timed ? round(s.maxMillis()) : null,
                timed ? round(s.mdevMillis()) : null,
                run.replies(),
                run.errors().stream()
                        .map(e -> new PingDetails.ErrorReply(
                                e.seq(), e.from() == null ? null : AddressText.withScope(e.from()), e.text()))
                        .toList(),
                diagnosis instanceof NoReplyDiagnosis.TcpAnswered,
                checks.stream()
                        .map(c -> ConnectAttempt.of(c.outcome(), c.port()))
                        .toList(),
                null);
    }

    private static double round(double millis) {
        return Math.round(millis * 1000) / 1000.0;
    }

    // --- failures before the first packet -----------------------------------------------------

    /** Resolves like ping (first address of the wanted family); prints ping's message and returns null if none. */
    private static InetAddress resolve(PingCommand cmd, ProbeContext ctx) {
        List<InetAddress> all;
        try {
            all = NameResolver.of(ctx).resolve(cmd.host()).addresses();
        } catch (UnknownHostException e) {
            ctx.out("ping: " + cmd.host() + ": Name or service not known");
            return null;
        }
        List<InetAddress> wanted =
                all.stream().filter(a -> cmd.ipVersion().admits(a)).toList();
        if (wanted.isEmpty()) {
            ctx.out("ping: " + cmd.host() + ": Address family for hostname not supported");
            return null;
        }
        // Without -4/-6 prefer IPv4, which every network in the runbook's world routes.
        return wanted.stream()
                .filter(a -> a instanceof Inet4Address)
                .findFirst()
                .orElse(wanted.get(0));
    }

    private static boolean literal(String host) {
        return HostSyntax.isIpLiteral(host);
    }

    private static ProbeResult notPermitted(
            IcmpSocket.OpenResult.NotPermitted n, ProbeContext ctx, PingCommand cmd, String addressText) {
        ctx.out("ping: socket: " + Libc.message(n.rawErrno()));
        ctx.out("ping: => missing cap_net_raw+p capability or setuid?");
        return new ProbeResult(
                Verdict.ERROR, IcmpPermission.advice(), PingDetails.empty(cmd.host(), addressText, null));
    }

    private static ProbeResult socketFailed(
            IcmpSocket.OpenResult.Failed f, boolean ipv6, ProbeContext ctx, PingCommand cmd, String addressText) {
        String message = Libc.message(f.errno());
        ctx.out("ping: socket: " + message);
        String why = f.errno() == Libc.EAFNOSUPPORT && ipv6
                ? "IPv6 is not available on this machine (disabled in the kernel?): ping the IPv4 address instead (ping -4)"
                : "cannot open an ICMP socket: " + message;
        return new ProbeResult(Verdict.ERROR, why, PingDetails.empty(cmd.host(), addressText, null));
    }

    // --- ping HOST -p PORT ---------------------------------------------------------------------

    /**
     * The runbook's {@code ping HOST -p PORT}: explain, then check the port as {@code tcping} would, on the address
     * ping chose (its family pinned with {@code -4}/{@code -6}), with ping's count, interval and reply timeout.
     */
    private static ProbeResult tcpInstead(PingCommand cmd, ProbeContext ctx) throws InterruptedException {
        int port = cmd.tcpPort();
        ctx.out("ping: -p sets a payload pattern, not a port; ICMP has no ports. Checking TCP port " + port
                + " instead:");
        InetAddress address = resolve(cmd, ctx);
        if (address == null) {
            return ProbeResult.fail(
                    "cannot resolve " + cmd.host() + ": check the name (nslookup " + cmd.host()
                            + ") or add it to /etc/hosts",
                    PingDetails.empty(cmd.host(), null, null));
        }
        List<String> tcping =
                new ArrayList<>(List.of("tcping", "-n", String.valueOf(cmd.count()), "-i", seconds(cmd.interval())));
        if (cmd.replyTimeout() != null) {
            tcping.addAll(List.of("-w", seconds(cmd.replyTimeout())));
        }
        tcping.addAll(List.of(address instanceof Inet6Address ? "-6" : "-4", cmd.host(), String.valueOf(port)));
        ProbeResult tcp;
        try {
            tcp = ctx.runCommand(tcping);
        } catch (UsageException e) {
            return ProbeResult.error("cannot check TCP port " + port + " instead: " + e.getMessage());
        }
        return new ProbeResult(
                tcp.verdict(),
                "TCP check instead of ping -p " + port + ": " + tcp.summary(),
                PingDetails.empty(cmd.host(), AddressText.withScope(address), tcp.details()));
    }

    /** A duration as a tool's seconds argument, exactly ({@code 0.2}, {@code 1}). */
    private static String seconds(Duration d) {
        return BigDecimal.valueOf(d.toNanos(), 9).stripTrailingZeros().toPlainString();
    }
}

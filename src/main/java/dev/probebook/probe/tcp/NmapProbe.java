package dev.probebook.probe.tcp;

import dev.probebook.command.Args;
import dev.probebook.command.HostSyntax;
import dev.probebook.command.Services;
import dev.probebook.command.UsageException;
import dev.probebook.net.ConnectAttempt;
import dev.probebook.net.ConnectOutcome;
import dev.probebook.net.NameResolver;
import dev.probebook.net.TcpConnector;
import dev.probebook.policy.PolicyDeniedException;
import dev.probebook.probe.Probe;
import dev.probebook.probe.ProbeContext;
import dev.probebook.probe.ProbeResult;
import dev.probebook.settings.SettingsSection;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.net.InetAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code nmap -p PORTS HOST}: a TCP connect scan ({@code -sT}) of at most 100 ports of one host, all ports at once,
 * each given {@code probebook.tcp.scan-timeout} to answer. A port is open (the handshake completed), closed (a RST:
 * nothing listens, or a firewall REJECT rule) or filtered (no answer: the SYN was dropped, or the host is down),
 * printed as nmap 7 prints a connect scan. The name is resolved once; no reverse lookup is made (as with
 * {@code -n}); the target policy is checked for every port.
 *
 * <p>Threading: one virtual thread per port; each connect is registered with the run, so a stop closes them all.
 */
public final class NmapProbe implements Probe<NmapCommand> {

    /** nmap folds a state into "Not shown" when more than this many ports are in it. */
    static final int FOLD_ABOVE = 25;

    private static final DateTimeFormatter STARTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT);

    @Override
    public String name() {
        return "nmap";
    }

    @Override
    public Set<String> commandWords() {
        return Set.of("nmap");
    }

    @Override
    public List<SettingsSection<?>> settings() {
        return List.of(TcpSettings.SECTION);
    }

    @Override
    public NmapCommand parse(String commandWord, Args args) throws UsageException {
        return NmapParser.parse(args);
    }

    /** A port's state as nmap names it. */
    enum State {
        OPEN("open", null),
        CLOSED("closed", "conn-refused"),
        FILTERED("filtered", "no-response");

        final String word;
        final String reason;

        State(String word, String reason) {
            this.word = word;
            this.reason = reason;
        }

        static State of(ConnectOutcome o) {
            return switch (o) {
                case ConnectOutcome.Open x -> OPEN;
                case ConnectOutcome.Refused x -> CLOSED;
                case ConnectOutcome.TimedOut x -> FILTERED;
                case ConnectOutcome.Failed x -> FILTERED;
            };
        }
    }

    @Override
    public ProbeResult run(NmapCommand cmd, ProbeContext ctx) throws InterruptedException {
        long start = System.nanoTime();
        ctx.out("Starting Nmap (Probebook's TCP connect scan) at " + STARTED.format(ZonedDateTime.now(ZoneOffset.UTC)));
        InetAddress address;
        try {
            address = NameResolver.of(ctx).resolve(cmd.host()).addresses().getFirst();
        } catch (UnknownHostException e) {
            ctx.out("Failed to resolve \"" + cmd.host() + "\".");
            ctx.out("WARNING: No targets were specified, so 0 hosts scanned.");
            ctx.out("Nmap done: 0 IP addresses (0 hosts up) scanned in " + seconds(start) + " seconds");
            return ProbeResult.fail(
                    "cannot resolve " + cmd.host() + ": check the name (nslookup " + cmd.host()
                            + ") or add it to /etc/hosts",
                    new TcpDetails(cmd.host(), List.of(), List.of()));
        }
        Map<Integer, ConnectOutcome> outcomes;
        try {
            outcomes = scan(cmd, ctx, address);
        } catch (PolicyDeniedException e) {
            ctx.out("nmap: " + e.getMessage());
            return ProbeResult.error(e.getMessage());
        }
        List<ConnectAttempt> attempts = new ArrayList<>();
        outcomes.forEach((port, o) -> attempts.add(ConnectAttempt.of(o, port)));
        TcpDetails details = new TcpDetails(cmd.host(), attempts, List.of());

        boolean answered = outcomes.values().stream().anyMatch(o -> State.of(o) != State.FILTERED);
        if (!answered && !cmd.skipPing()) {
            ctx.out("Note: Host seems down. If it is really up, but blocking our ping probes, try -Pn");
            ctx.out("Nmap done: 1 IP address (0 hosts up) scanned in " + seconds(start) + " seconds");
        } else {
            report(cmd, ctx, address, outcomes);
            ctx.out("");
            ctx.out("Nmap done: 1 IP address (1 host up) scanned in " + seconds(start) + " seconds");
        }
        if (cmd.ports().size() == 1) {
            return TcpProbe.verdict(
                    outcomes.get(cmd.ports().getFirst()),
                    cmd.host(),
                    cmd.ports().getFirst(),
                    details);
        }
        return NmapVerdict.of(cmd, outcomes, details);
    }

    /** Connects to every port at once; the ports in ascending order with their outcomes. */
    private static Map<Integer, ConnectOutcome> scan(NmapCommand cmd, ProbeContext ctx, InetAddress address)
            throws InterruptedException, PolicyDeniedException {
        for (int port : cmd.ports()) { // refuse the whole scan before sending anything
            ctx.checkTarget(hostName(cmd), address, port);
        }
        Duration timeout = ctx.settings().section(TcpSettings.SECTION).scanTimeout();
        Map<Integer, Future<ConnectOutcome>> pending = new LinkedHashMap<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int port : cmd.ports()) {
                pending.put(port, threads.submit(() -> {
                    try (Socket socket = new Socket()) {
                        return TcpConnector.connect(ctx, hostName(cmd), socket, address, port, timeout);
                    } catch (IOException e) {
                        return new ConnectOutcome.Failed(address, 0, e.getMessage());
                    }
                }));
            }
            Map<Integer, ConnectOutcome> outcomes = new LinkedHashMap<>();
            for (Map.Entry<Integer, Future<ConnectOutcome>> e : pending.entrySet()) {
                try {
                    outcomes.put(e.getKey(), e.getValue().get());
                } catch (ExecutionException failed) {
                    Throwable cause = failed.getCause();
                    if (cause instanceof PolicyDeniedException denied) {
                        throw denied;
                    }
                    if (cause instanceof InterruptedException stopped) {
                        throw stopped;
                    }
                    outcomes.put(e.getKey(), new ConnectOutcome.Failed(address, 0, String.valueOf(cause)));
                }
            }
            return outcomes;
        }
    }

    private static String hostName(NmapCommand cmd) {
        return HostSyntax.isIpLiteral(cmd.host()) ? null : cmd.host();
    }

    private static void report(
            NmapCommand cmd, ProbeContext ctx, InetAddress address, Map<Integer, ConnectOutcome> outcomes) {
        String ip = address.getHostAddress();
        String target = HostSyntax.isIpLiteral(cmd.host()) ? ip : cmd.host() + " (" + ip + ")";
        ctx.out("Nmap scan report for " + target);
        double latency = outcomes.values().stream()
                .filter(o -> State.of(o) != State.FILTERED)
                .mapToDouble(o -> o.nanos() / 1e9)
                .min()
                .orElse(0);
        ctx.out("Host is up (" + twoDigits(latency) + "s latency).");

        Map<State, List<Integer>> byState = new LinkedHashMap<>();
        outcomes.forEach((port, o) ->
                byState.computeIfAbsent(State.of(o), s -> new ArrayList<>()).add(port));
        List<State> folded = new ArrayList<>();
        for (State s : List.of(State.CLOSED, State.FILTERED)) {
            List<Integer> ports = byState.getOrDefault(s, List.of());
            if (!ports.isEmpty() && (cmd.openOnly() || ports.size() > FOLD_ABOVE)) {
                folded.add(s);
            }
        }
        List<Integer> shown = outcomes.keySet().stream()
                .filter(p -> !folded.contains(State.of(outcomes.get(p))))
                .toList();
        if (shown.isEmpty()) {
            ctx.out("All " + outcomes.size() + " scanned ports on " + target + " are in ignored states.");
        }
        if (!folded.isEmpty()) {
            List<String> parts = new ArrayList<>();
            for (State s : folded) {
                int n = byState.get(s).size();
                parts.add(n + " " + s.word + " tcp port" + (n == 1 ? "" : "s") + " (" + s.reason + ")");
            }
            ctx.out("Not shown: " + String.join(", ", parts));
        } else {
            ctx.out("");
        }
        if (shown.isEmpty()) {
            return;
        }
        int portWidth = Math.max(
                "PORT".length(),
                shown.stream().mapToInt(p -> (p + "/tcp").length()).max().orElse(0));
        int stateWidth = Math.max(
                "STATE".length(),
                shown.stream()
                        .mapToInt(p -> State.of(outcomes.get(p)).word.length())
                        .max()
                        .orElse(0));
        ctx.out(pad("PORT", portWidth) + " " + pad("STATE", stateWidth) + " SERVICE");
        for (int port : shown) {
            String service = Services.tcpName(port);
            ctx.out(pad(port + "/tcp", portWidth) + " " + pad(State.of(outcomes.get(port)).word, stateWidth) + " "
                    + (service == null ? "unknown" : service));
        }
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }

    /** nmap's latency: two significant digits, never in exponent form ({@code 0.0000040}). */
    static String twoDigits(double seconds) {
        if (seconds <= 0) {
            return "0.0";
        }
        return new BigDecimal(seconds).round(new MathContext(2)).toPlainString();
    }

    private static String seconds(long start) {
        return String.format(Locale.ROOT, "%.2f", (System.nanoTime() - start) / 1e9);
    }
}

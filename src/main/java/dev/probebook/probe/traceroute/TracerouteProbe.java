package dev.probebook.probe.traceroute;

import com.sun.jna.LastErrorException;
import com.sun.jna.Platform;
import dev.probebook.command.Args;
import dev.probebook.command.HostSyntax;
import dev.probebook.command.UsageException;
import dev.probebook.net.AddressText;
import dev.probebook.net.Datagram;
import dev.probebook.net.EchoRequest;
import dev.probebook.net.IcmpErrors;
import dev.probebook.net.IcmpMessage;
import dev.probebook.net.IcmpSocket;
import dev.probebook.net.IpFamily;
import dev.probebook.net.NameResolver;
import dev.probebook.net.SocketOpener;
import dev.probebook.policy.PolicyDeniedException;
import dev.probebook.probe.Probe;
import dev.probebook.probe.ProbeContext;
import dev.probebook.probe.ProbeResult;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code traceroute HOST}: each hop's routers, found by ICMP echo requests whose TTL runs out one hop further each
 * time (as {@code traceroute -I}), through the ICMP sockets ping uses (unprivileged datagram sockets where
 * {@code net.ipv4.ping_group_range} allows them, else raw sockets, which need root or CAP_NET_RAW). A hop's probes
 * are sent together and wait at most {@code -w} seconds (once one answered, three times its round trip more);
 * the trace ends at the host, at an unreachable error, or at {@code -m} hops, printed as traceroute prints it with
 * {@code -n} (no reverse lookups are made).
 *
 * <p>{@code mtr HOST} (always as its report, {@code mtr -r}) sends rounds of one probe per hop through the same
 * sockets ({@link MtrSession}) and prints mtr's table of loss and round trips per hop.
 *
 * <p>Only the destination is checked against the target policy: the routers on the way are not contacted, they
 * answer. A stop ends the trace with the hops found so far.
 */
public final class TracerouteProbe implements Probe<PathCommand> {

    private final SocketOpener opener;

    public TracerouteProbe() {
        this(SocketOpener.system());
    }

    /** For tests: a {@code socket(2)} that can fail as an unprivileged process would. */
    TracerouteProbe(SocketOpener opener) {
        this.opener = opener;
    }

    @Override
    public String name() {
        return "traceroute";
    }

    @Override
    public Set<String> commandWords() {
        return Set.of("traceroute", "traceroute6", "mtr");
    }

    /** "traceroute to 10.0.0.1 (10.0.0.1), 30 hops max" is the tool's first line of output, not a command. */
    @Override
    public boolean claims(String commandWord, List<String> words) {
        return words.isEmpty() || !words.get(0).equals("to");
    }

    @Override
    public PathCommand parse(String commandWord, Args args) throws UsageException {
        if (commandWord.equals("mtr")) {
            return MtrParser.parse(args);
        }
        TracerouteCommand cmd = TracerouteParser.parse(args);
        if (commandWord.equals("traceroute6")) {
            return new TracerouteCommand(
                    cmd.host(),
                    IpFamily.V6,
                    cmd.firstTtl(),
                    cmd.maxTtl(),
                    cmd.queries(),
                    cmd.maxWait(),
                    cmd.packetLen(),
                    cmd.icmpAsked());
        }
        return cmd;
    }

    @Override
    public ProbeResult run(PathCommand cmd, ProbeContext ctx) throws InterruptedException {
        InetAddress address = resolve(cmd, ctx);
        if (address == null) {
            return TracerouteVerdict.unresolved(cmd);
        }
        try {
            ctx.checkTarget(HostSyntax.isIpLiteral(cmd.host()) ? null : cmd.host(), address, 0);
        } catch (PolicyDeniedException e) {
            ctx.out(cmd.tool() + ": " + e.getMessage());
            return ProbeResult.error(e.getMessage());
        }
        if (!Platform.isLinux()) {
            ctx.out(cmd.tool() + ": ICMP sockets are implemented for Linux only");
            return ProbeResult.error(cmd.tool() + " needs Linux ICMP sockets, not available on "
                    + System.getProperty("os.name") + ": test the service port with tcping HOST PORT instead");
        }
        boolean ipv6 = address instanceof Inet6Address;
        IcmpSocket.OpenResult opened;
        try {
            opened = IcmpSocket.open(opener, ipv6);
        } catch (LinkageError e) {
            ctx.out(cmd.tool() + ": cannot load the C library through JNA: " + e.getMessage());
            return ProbeResult.error(cmd.tool() + " cannot reach the operating system's ICMP sockets (JNA failed to"
                    + " load: " + e.getMessage() + ")");
        }
        return switch (opened) {
            case IcmpSocket.OpenResult.NotPermitted n -> {
                ctx.out("socket: Operation not permitted");
                yield TracerouteVerdict.notPermitted(cmd);
            }
            case IcmpSocket.OpenResult.Failed f -> {
                ctx.out("socket: " + dev.probebook.net.Libc.message(f.errno()));
                yield ProbeResult.error("cannot open an ICMP socket: " + dev.probebook.net.Libc.message(f.errno()));
            }
            case IcmpSocket.OpenResult.Opened o ->
                switch (cmd) {
                    case TracerouteCommand t -> trace(t, ctx, o.socket(), address);
                    case MtrCommand m -> report(m, ctx, o.socket(), address);
                };
        };
    }

    private ProbeResult trace(TracerouteCommand cmd, ProbeContext ctx, IcmpSocket socket, InetAddress address)
            throws InterruptedException {
        ctx.closeOnCancel(socket);
        int headers = socket.ipv6() ? 48 : 28;
        int packetLen = cmd.packetLen() > 0 ? cmd.packetLen() : socket.ipv6() ? 80 : 60;
        String addressText = AddressText.withScope(address);
        ctx.out("traceroute to " + cmd.host() + " (" + addressText + "), " + cmd.maxTtl() + " hops max, " + packetLen
                + " byte packets");
        int id = ThreadLocalRandom.current().nextInt(1, 0xffff);
        int seq = ThreadLocalRandom.current().nextInt(0, 0x7fff);
        List<Hop> hops = new ArrayList<>();
        try (socket) {
            for (int ttl = cmd.firstTtl(); ttl <= cmd.maxTtl(); ttl++) {
                if (ctx.cancelled()) {
                    break;
                }
                Hop hop = hop(cmd, ctx, socket, address, ttl, id, seq, Math.max(0, packetLen - headers));
                seq += cmd.queries();
                hops.add(hop);
                ctx.out(TracerouteView.line(hop));
                if (hop.reached() || hop.unreachable()) {
                    break;
                }
            }
        } catch (LastErrorException e) {
            String message = dev.probebook.net.Libc.message(e.getErrorCode());
            ctx.out("traceroute: " + message);
            return TracerouteVerdict.sendFailed(cmd, hops, message);
        }
        return TracerouteVerdict.of(cmd, addressText, hops, ctx.cancelled());
    }

    private static ProbeResult report(MtrCommand cmd, ProbeContext ctx, IcmpSocket socket, InetAddress address) {
        ctx.closeOnCancel(socket);
        ctx.out(MtrReport.start(ZonedDateTime.now()));
        List<MtrHop> hops;
        try (socket) {
            hops = new MtrSession(cmd, ctx, socket, address).run();
        } catch (LastErrorException e) {
            String message = dev.probebook.net.Libc.message(e.getErrorCode());
            ctx.out("mtr: " + message);
            return ProbeResult.fail(
                    "cannot send to " + cmd.host() + ": " + message + " (routing or network problem on this side)",
                    null);
        }
        MtrReport.lines(cmd, MtrReport.localHost(), hops).forEach(ctx::out);
        return MtrVerdict.of(cmd, AddressText.withScope(address), hops);
    }

    /** Sends the hop's probes at once and waits for their answers. */
    private static Hop hop(
            TracerouteCommand cmd,
            ProbeContext ctx,
            IcmpSocket socket,
            InetAddress address,
            int ttl,
            int id,
            int firstSeq,
            int dataSize)
            throws LastErrorException {
        int n = cmd.queries();
        long[] sentAt = new long[n];
        Hop.Answer[] answers = new Hop.Answer[n];
        socket.hops(ttl);
        for (int q = 0; q < n; q++) {
            int seq = (firstSeq + q) & 0xffff;
            byte[] packet =
                    EchoRequest.build(socket.ipv6(), id, seq, dataSize, new byte[0], System.currentTimeMillis() * 1000);
            sentAt[q] = socket.sendTimed(packet, address);
            if (sentAt[q] < 0) {
                sentAt[q] = System.nanoTime();
                break; // closed by a stop
            }
        }
        long deadline = sentAt[0] + ctx.clamp(cmd.maxWait()).toNanos();
        int answered = 0;
        while (answered < n && !ctx.cancelled()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            for (Datagram d : socket.receive((int) Math.max(1, left / 1_000_000))) {
                IcmpMessage m = TracerouteProbe.ours(d, socket, id);
                if (m == null) {
                    continue;
                }
                int q = (m.seq() - firstSeq) & 0xffff;
                if (q >= n || answers[q] != null) {
                    continue;
                }
                double millis = (d.receivedNanos() - sentAt[q]) / 1e6;
                answers[q] = answer(m, millis);
                answered++;
                if (answered == 1) { // the others of this hop get three times this round trip more
                    deadline = Math.min(deadline, System.nanoTime() + Math.max(50_000_000L, (long) (3 * millis * 1e6)));
                }
            }
        }
        List<Hop.Answer> list = new ArrayList<>();
        for (Hop.Answer a : answers) {
            list.add(a == null ? Hop.Answer.none() : a);
        }
        return new Hop(ttl, list);
    }

    /**
     * The ICMP message in a datagram when it answers one of this trace's probes; null for anything else (a raw socket
     * also sees other processes' echoes and errors, told apart by the echo id).
     */
    static IcmpMessage ours(Datagram d, IcmpSocket socket, int id) {
        IcmpMessage m = IcmpMessage.parse(d, socket.kind(), socket.ipv6());
        return m == null || (socket.kind() == IcmpSocket.Kind.RAW && m.id() != id) ? null : m;
    }

    /** What one probe's answer says: a router on the way, the host, or an error that ends the path. */
    static Hop.Answer answer(IcmpMessage m, double millis) {
        return switch (m) {
            case IcmpMessage.EchoReply r -> new Hop.Answer(r.from(), millis, Hop.Kind.REACHED, null);
            case IcmpMessage.ErrorReport e ->
                e.description().cause() == IcmpErrors.Cause.TIME_EXCEEDED
                        ? new Hop.Answer(e.from(), millis, Hop.Kind.ROUTER, null)
                        : new Hop.Answer(e.from(), millis, Hop.Kind.UNREACHABLE, annotation(e.description()));
        };
    }

    /** traceroute's marks for why a hop refused: {@code !N}, {@code !H}, {@code !P}, {@code !X}, {@code !F}. */
    static String annotation(IcmpErrors.Description d) {
        String t = d.text().toLowerCase(Locale.ROOT);
        if (d.cause() == IcmpErrors.Cause.PROHIBITED) {
            return "!X";
        }
        if (d.cause() == IcmpErrors.Cause.TOO_BIG) {
            return "!F";
        }
        if (t.contains("net unreachable") || t.contains("net unknown") || t.contains("no route")) {
            return "!N";
        }
        if (t.contains("protocol unreachable")) {
            return "!P";
        }
        if (t.contains("source route")) {
            return "!S";
        }
        return "!H";
    }

    private static InetAddress resolve(PathCommand cmd, ProbeContext ctx) {
        List<InetAddress> all;
        try {
            all = NameResolver.of(ctx).resolve(cmd.host()).addresses();
        } catch (UnknownHostException e) {
            if (cmd instanceof MtrCommand) {
                ctx.out("mtr: Failed to resolve host: " + cmd.host() + ": Name or service not known");
            } else {
                ctx.out(cmd.host() + ": Name or service not known");
                ctx.out("Cannot handle \"host\" cmdline arg `" + cmd.host() + "' on position 1 (argc 1)");
            }
            return null;
        }
        return all.stream().filter(a -> cmd.ipVersion().admits(a)).findFirst().orElse(null);
    }
}

package dev.probebook.probe.tcp;

import dev.probebook.command.HostSyntax;
import dev.probebook.command.Services;
import dev.probebook.net.ConnectAttempt;
import dev.probebook.policy.PolicyDeniedException;
import dev.probebook.probe.ProbeContext;
import dev.probebook.probe.ProbeResult;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code nc -zu HOST PORT}: OpenBSD nc's UDP test. A UDP port has no handshake, so nc writes a few bytes ("X") to it
 * and calls the port refused when the host answers with an ICMP port unreachable, which the kernel reports on the
 * next write or read; silence is not an answer: something may listen, or a firewall drops the datagrams. Unlike nc,
 * which stops after its writes, this also waits for a late ICMP error ({@code -w}, else {@link #WAIT}), so a
 * refusal from a host farther away than loopback is not taken for silence. Prints what nc prints: the success line
 * with {@code -v}, nothing when refused.
 */
final class UdpCheck {

    /** How long a port may stay silent after the probe before it counts as not refusing. */
    static final Duration WAIT = Duration.ofSeconds(1);

    private UdpCheck() {}

    static ProbeResult run(TcpCommand cmd, InetAddress address, ProbeContext ctx) throws InterruptedException {
        List<ConnectAttempt> attempts = new ArrayList<>();
        List<Integer> silent = new ArrayList<>();
        List<Integer> refused = new ArrayList<>();
        Duration wait = ctx.clamp(cmd.timeout() != null ? cmd.timeout() : WAIT);
        for (int port : cmd.ports()) {
            if (ctx.cancelled()) {
                break;
            }
            try {
                ctx.checkTarget(HostSyntax.isIpLiteral(cmd.host()) ? null : cmd.host(), address, port);
            } catch (PolicyDeniedException e) {
                ctx.out("nc: " + e.getMessage());
                return ProbeResult.error(e.getMessage());
            }
            long start = System.nanoTime();
            String outcome = probe(ctx, address, port, wait);
            double millis = (System.nanoTime() - start) / 1e6;
            if (outcome.equals("refused")) {
                refused.add(port);
            } else if (outcome.equals("open|filtered")) {
                silent.add(port);
                if (cmd.verbose()) {
                    String svc = Services.udpName(port);
                    ctx.out("Connection to " + TcpProbe.ncName(cmd.host(), address) + " " + port + " port [udp/"
                            + (svc == null ? "*" : svc) + "] succeeded!");
                }
            }
            attempts.add(new ConnectAttempt(
                    address.getHostAddress(), port, outcome, Math.round(millis * 1000) / 1000.0, null));
        }
        TcpDetails details = new TcpDetails(cmd.host(), attempts, List.of());
        String host = cmd.host();
        if (cmd.ports().size() == 1 && !attempts.isEmpty()) {
            int port = cmd.port();
            return refused.isEmpty()
                    ? ProbeResult.warn(
                            "no ICMP port unreachable from " + host + " for UDP port " + port + " within "
                                    + wait.toMillis() + " ms: something may listen there, or a firewall drops UDP"
                                    + " silently; UDP cannot tell these apart. Ask the service itself (dig @" + host
                                    + " for DNS)",
                            details)
                    : ProbeResult.fail(
                            "nothing listens on UDP port " + port + " of " + host + ": it answered ICMP port"
                                    + " unreachable. Start the service, or check the port it uses",
                            details);
        }
        String summary = silent.size() + " of " + attempts.size() + " UDP ports on " + host + " did not refuse: "
                + silent + (refused.isEmpty() ? "" : ". Refused (nothing listens): " + refused);
        return silent.isEmpty() ? ProbeResult.fail(summary, details) : ProbeResult.warn(summary, details);
    }

    /** "refused", "open|filtered", or the local error's message. */
    private static String probe(ProbeContext ctx, InetAddress address, int port, Duration wait)
            throws InterruptedException {
        try (DatagramChannel channel = DatagramChannel.open()) {
            ctx.closeOnCancel(channel);
            channel.connect(new InetSocketAddress(address, port));
            for (int i = 0; i <= 3; i++) { // nc's udptest: a few writes; the ICMP error fails a later one
                channel.write(ByteBuffer.wrap(new byte[] {'X'}));
            }
            channel.socket().setSoTimeout((int) Math.max(1, wait.toMillis()));
            channel.socket().receive(new java.net.DatagramPacket(new byte[512], 512));
            return "open|filtered"; // it even answered
        } catch (PortUnreachableException e) {
            return "refused";
        } catch (SocketTimeoutException e) {
            return "open|filtered";
        } catch (IOException e) {
            if (ctx.cancelled()) {
                throw new InterruptedException("stopped");
            }
            return String.valueOf(e.getMessage());
        }
    }
}

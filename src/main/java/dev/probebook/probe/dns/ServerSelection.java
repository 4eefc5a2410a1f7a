package dev.probebook.probe.dns;

import dev.probebook.command.HostSyntax;
import dev.probebook.net.NameResolver;
import dev.probebook.policy.PolicyDeniedException;
import dev.probebook.probe.ProbeContext;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.ResolverConfig;

/**
 * Which DNS servers a command asks, in order: the server operand ({@code @server}, nslookup/host's second
 * operand) wins; else {@code probebook.dns.servers}; else the system's {@code /etc/resolv.conf} (through
 * dnsjava's {@link ResolverConfig}). An explicit port ({@code -port=}, {@code -p}) applies to all of them.
 *
 * <p>Only a server the user named is checked against the target policy: it is a target like any host.
 * Configured and system servers are the operator's own choice and must stay usable even where the policy
 * denies their range (cloud resolvers live at link-local addresses such as 169.254.169.53).
 */
final class ServerSelection {

    /** The server operand does not resolve to an address. */
    static final class UnknownServerException extends Exception {
        UnknownServerException(String server) {
            super(server);
        }
    }

    private ServerSelection() {}

    static List<DnsServer> select(DnsCommand cmd, ProbeContext ctx)
            throws UnknownServerException, PolicyDeniedException {
        List<DnsServer> servers = new ArrayList<>();
        if (cmd.server() != null) {
            List<InetAddress> addresses;
            try {
                addresses = NameResolver.of(ctx).resolve(cmd.server()).addresses();
            } catch (UnknownHostException e) {
                throw new UnknownServerException(cmd.server());
            }
            int port = cmd.port() != null ? cmd.port() : 53;
            String host = HostSyntax.isIpLiteral(cmd.server()) ? null : cmd.server();
            for (InetAddress a : addresses) {
                ctx.checkTarget(host, a, port);
                servers.add(new DnsServer(cmd.server(), new InetSocketAddress(a, port)));
            }
            return List.copyOf(servers);
        }
        List<InetSocketAddress> configured = new ArrayList<>();
        for (String s : ctx.settings().dns().servers()) {
            try {
                configured.add(NameResolver.serverAddress(s));
            } catch (UnknownHostException | RuntimeException e) {
                throw new UnknownServerException(s + " (probebook.dns.servers)");
            }
        }
        if (configured.isEmpty()) {
            configured.addAll(ResolverConfig.getCurrentConfig().servers());
        }
        for (InetSocketAddress a : configured) {
            InetSocketAddress withPort = cmd.port() != null ? new InetSocketAddress(a.getAddress(), cmd.port()) : a;
            servers.add(new DnsServer(withPort.getAddress().getHostAddress(), withPort));
        }
        return List.copyOf(servers);
    }
}

package dev.probebook.probe.tcp;

import dev.probebook.net.IpFamily;
import java.time.Duration;
import java.util.List;

/**
 * A parsed {@code tcping}, {@code telnet} or {@code nc} command. {@code timeout} is the per-connection
 * timeout (null: the configured default); {@code count} applies to tcping only; {@code udp} to nc only ({@code -u}).
 */
public record TcpCommand(
        Tool tool,
        String host,
        List<Integer> ports,
        int count,
        Duration interval,
        Duration timeout,
        boolean verbose,
        boolean zeroIo,
        IpFamily ipVersion,
        boolean udp) {

    /** Which tool's output to imitate. */
    public enum Tool {
        TCPING,
        TELNET,
        NC
    }

    public TcpCommand {
        ports = List.copyOf(ports);
    }

    public int port() {
        return ports.get(0);
    }
}

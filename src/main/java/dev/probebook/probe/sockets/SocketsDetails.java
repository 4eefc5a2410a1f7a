package dev.probebook.probe.sockets;

import dev.probebook.probe.ProbeDetails;
import java.util.List;
import java.util.Map;

/**
 * Structured result of a socket listing: the sockets shown (after any {@code grep}) and the ports
 * something listens on among them.
 *
 * @param listeningPorts TCP ports in LISTEN and UDP ports bound without a peer, ascending
 * @param ownersComplete false when some processes could not be inspected (not root), so a missing
 *                       program name does not mean "no process"
 */
public record SocketsDetails(String tool, List<Socket> sockets, List<Integer> listeningPorts, boolean ownersComplete)
        implements ProbeDetails {

    /**
     * One socket. For UNIX sockets {@code localAddress} is the path and the ports are 0.
     *
     * @param proto {@code tcp}, {@code tcp6}, {@code udp}, {@code udp6}, {@code raw}, {@code raw6} or {@code unix}
     * @param state kernel state name ({@code LISTEN}, {@code ESTABLISHED}, {@code TIME_WAIT}; {@code CLOSE}
     *              for an unconnected UDP socket; {@code LISTENING}/{@code CONNECTED}/{@code UNCONNECTED} for UNIX)
     * @param pid owning process, null when unknown
     */
    public record Socket(
            String proto,
            String localAddress,
            int localPort,
            String remoteAddress,
            int remotePort,
            String state,
            Long pid,
            String program) {}

    public SocketsDetails {
        sockets = List.copyOf(sockets);
        listeningPorts = List.copyOf(listeningPorts);
    }

    /** The listening ports. */
    @Override
    public Map<String, String> facts() {
        return Map.of(
                "listening ports",
                String.join(
                        ", ",
                        listeningPorts.stream().sorted().map(String::valueOf).toList()));
    }
}

package dev.probebook.probe.sockets;

/**
 * One line of {@code /proc/net/tcp}, {@code tcp6}, {@code udp}, {@code udp6}, {@code raw} or {@code raw6}.
 * Addresses are numeric text as {@code inet_ntop} prints them ({@code 127.0.0.1}, {@code ::},
 * {@code ::ffff:10.0.0.5}); the queues are the kernel's {@code tx_queue}/{@code rx_queue} (for a
 * listener, {@code rx_queue} is the accept backlog currently waiting).
 *
 * @param protocol {@code tcp}, {@code udp} or {@code raw}
 * @param v6 true when the line came from the IPv6 table
 * @param state the {@code st} code ({@link TcpState#of})
 */
public record InetSocket(
        String protocol,
        boolean v6,
        String localAddress,
        int localPort,
        String remoteAddress,
        int remotePort,
        int state,
        long txQueue,
        long rxQueue,
        int uid,
        long inode)
        implements SocketEntry {

    /** {@code tcp}, {@code tcp6}, {@code udp6}, ... as netstat's Proto column names the table. */
    public String table() {
        return v6 ? protocol + "6" : protocol;
    }

    public boolean tcp() {
        return protocol.equals("tcp");
    }

    /** A TCP socket in LISTEN state. */
    public boolean listening() {
        return tcp() && state == TcpState.LISTEN.code();
    }

    /** Accepts traffic without a fixed peer: a TCP listener or an unconnected (bound) UDP/raw socket. */
    public boolean server() {
        return tcp() ? listening() : isUnspecified(remoteAddress);
    }

    public static boolean isUnspecified(String address) {
        return address.equals("0.0.0.0") || address.equals("::");
    }
}

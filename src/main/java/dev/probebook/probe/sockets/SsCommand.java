package dev.probebook.probe.sockets;

/**
 * A parsed {@code ss} listing, normalised as ss normalises its filter: the socket tables to read, the
 * address families, one state mask for all tables ({@link TcpState#bit()}), and the optional port
 * conditions of a filter expression ({@code sport = :8080}).
 *
 * @param netidColumn ss prints the Netid column only when more than one socket table is selected
 * @param stateColumn ss prints the State column only when more than one state is selected
 * @param sport required local port, or 0 for any
 * @param dport required peer port, or 0 for any
 */
public record SsCommand(
        boolean tcp,
        boolean udp,
        boolean raw,
        boolean unix,
        boolean inet4,
        boolean inet6,
        int states,
        boolean numeric,
        boolean processes,
        boolean header,
        boolean netidColumn,
        boolean stateColumn,
        int sport,
        int dport)
        implements SocketsCommand {

    public boolean shows(int stateCode) {
        return (states & (1 << stateCode)) != 0;
    }
}

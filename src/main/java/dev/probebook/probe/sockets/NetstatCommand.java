package dev.probebook.probe.sockets;

/**
 * A parsed {@code netstat} socket listing, normalised the way net-tools netstat normalises its flags:
 * no protocol flag means every table (tcp, udp, raw and unix); {@code -4}/{@code -6} alone mean the
 * internet tables of that family.
 *
 * @param scope which sockets are shown: {@code -l}, {@code -a} or neither
 * @param extend {@code -e}: User and Inode columns
 * @param wide {@code -W}: addresses are never cut to fit the 23-character columns
 */
public record NetstatCommand(
        boolean tcp,
        boolean udp,
        boolean raw,
        boolean unix,
        boolean inet4,
        boolean inet6,
        Scope scope,
        boolean numericHosts,
        boolean numericPorts,
        boolean numericUsers,
        boolean processes,
        boolean wide,
        boolean extend)
        implements SocketsCommand {

    /** netstat's three views and the words its section headers use for them. */
    public enum Scope {
        CONNECTED("(w/o servers)"),
        LISTENING("(only servers)"),
        ALL("(servers and established)");

        private final String heading;

        Scope(String heading) {
            this.heading = heading;
        }

        public String heading() {
            return heading;
        }
    }

    /** Whether the "Active Internet connections" section is printed. */
    public boolean internet() {
        return tcp || udp || raw;
    }
}

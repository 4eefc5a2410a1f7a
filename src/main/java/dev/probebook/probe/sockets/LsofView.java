package dev.probebook.probe.sockets;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

/**
 * lsof's listing of internet files, as {@code lsof -nP -i} prints it: one row per process holding a socket, columns
 * as wide as their widest value, by process id then descriptor. Names are never looked up: addresses and ports are
 * printed as numbers, as with {@code -n -P}.
 */
final class LsofView {

    /** One row: a socket as one process holds it. */
    record Row(InetSocket socket, SocketOwners.Owner owner, String user) {}

    /** lsof shows the first nine characters of a command name. */
    private static final int COMMAND_CHARS = 9;

    private LsofView() {}

    /** The rows for {@code cmd}: only sockets a readable process holds (lsof lists processes, not sockets). */
    static List<Row> rows(LsofCommand cmd, SocketTables tables, IntFunction<String> userName) {
        List<Row> rows = new ArrayList<>();
        for (InetSocket s : tables.inet()) {
            if (s.protocol().equals("raw") || !matches(cmd, s)) {
                continue;
            }
            for (SocketOwners.Owner o : tables.owners().of(s.inode())) {
                String user = userName.apply(s.uid());
                rows.add(new Row(s, o, user == null ? String.valueOf(s.uid()) : user));
            }
        }
        rows.sort(Comparator.comparingLong((Row r) -> r.owner().pid())
                .thenComparingInt(r -> r.owner().fd()));
        return rows;
    }

    static boolean matches(LsofCommand cmd, InetSocket s) {
        if ((cmd.family() == 4 && s.v6()) || (cmd.family() == 6 && !s.v6())) {
            return false;
        }
        if (cmd.protocol() != null && !cmd.protocol().equals(s.protocol())) {
            return false;
        }
        if (cmd.port() > 0 && s.localPort() != cmd.port() && s.remotePort() != cmd.port()) {
            return false;
        }
        if (cmd.host() != null
                && !sameAddress(cmd.host(), s.localAddress())
                && !sameAddress(cmd.host(), s.remoteAddress())) {
            return false;
        }
        if (cmd.state() != null) {
            TcpState state = TcpState.of(s.state());
            return s.tcp() && state != null && state.netstatName().equals(cmd.state());
        }
        return true;
    }

    private static boolean sameAddress(String wanted, String address) {
        return address.equals(wanted) || address.equals("::ffff:" + wanted);
    }

    static List<String> lines(LsofCommand cmd, List<Row> rows) {
        List<String> out = new ArrayList<>();
        if (cmd.terse()) {
            rows.stream().map(r -> r.owner().pid()).distinct().forEach(pid -> out.add(String.valueOf(pid)));
            return out;
        }
        if (rows.isEmpty()) {
            return out; // lsof prints nothing, not even the header
        }
        int commandW = "COMMAND".length();
        int pidW = "PID".length();
        int userW = "USER".length();
        int fdW = 4; // as wide as "cwd", "txt", "mem" and a three-digit descriptor
        int deviceW = "DEVICE".length();
        for (Row r : rows) {
            commandW = Math.max(commandW, command(r).length());
            pidW = Math.max(pidW, String.valueOf(r.owner().pid()).length());
            userW = Math.max(userW, r.user().length());
            fdW = Math.max(fdW, String.valueOf(r.owner().fd()).length());
            deviceW = Math.max(deviceW, String.valueOf(r.socket().inode()).length());
        }
        // the descriptor is followed by its mode (u: read and write) and lock (blank) characters
        String row = "%-" + commandW + "s %" + pidW + "s %-" + userW + "s %" + fdW + "s%s%s %-4s %" + deviceW
                + "s %8s %4s %s";
        out.add(String.format(
                        Locale.ROOT,
                        row,
                        "COMMAND",
                        "PID",
                        "USER",
                        "FD",
                        " ",
                        " ",
                        "TYPE",
                        "DEVICE",
                        "SIZE/OFF",
                        "NODE",
                        "NAME")
                .stripTrailing());
        for (Row r : rows) {
            InetSocket s = r.socket();
            out.add(String.format(
                    Locale.ROOT,
                    row,
                    command(r),
                    r.owner().pid(),
                    r.user(),
                    r.owner().fd(),
                    "u",
                    " ",
                    s.v6() ? "IPv6" : "IPv4",
                    s.inode(),
                    "0t0",
                    s.tcp() ? "TCP" : "UDP",
                    name(s)));
        }
        return out;
    }

    private static String command(Row r) {
        String comm = r.owner().comm() == null ? "?" : r.owner().comm();
        return comm.length() > COMMAND_CHARS ? comm.substring(0, COMMAND_CHARS) : comm;
    }

    /** {@code *:8080 (LISTEN)}, {@code 127.0.0.1:40830->127.0.0.1:8080 (ESTABLISHED)}, {@code [::1]:53}. */
    static String name(InetSocket s) {
        String local = endpoint(s.localAddress(), s.localPort(), true);
        String name = s.server() ? local : local + "->" + endpoint(s.remoteAddress(), s.remotePort(), false);
        if (s.tcp()) {
            TcpState state = TcpState.of(s.state());
            return name + " (" + (state == null ? "UNKNOWN" : state.netstatName()) + ")";
        }
        return name + " "; // lsof's blank where a TCP name has its state
    }

    private static String endpoint(String address, int port, boolean local) {
        String host = local && InetSocket.isUnspecified(address)
                ? "*"
                : address.contains(":") ? "[" + address + "]" : address;
        return host + ":" + (port == 0 && local ? "*" : String.valueOf(port));
    }
}

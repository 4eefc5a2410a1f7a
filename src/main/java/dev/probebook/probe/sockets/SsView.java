package dev.probebook.probe.sockets;

import dev.probebook.command.Services;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders a socket snapshot as iproute2 ss prints it into a pipe: tables in ss's order (unix, raw, udp,
 * tcp), {@code Netid} and {@code State} columns only when the filter selects more than one table or state,
 * service names except for ephemeral ports unless {@code -n}, and {@code users:(("java",pid=123,fd=45))}
 * for {@code -p}. Host names are never resolved (ss needs {@code -r} for that).
 *
 * <p>Read from /proc plus what the kernel's socket diagnostics add ({@link SocketTables#diagnosed}): a
 * listener's Send-Q is its accept-queue limit and an IPv6-only wildcard is {@code [::]}; where the diagnostics
 * cannot be asked, ss's own /proc fallback shows (Send-Q 0, {@code *}). A UNIX socket's peer shows as
 * {@code * 0} even when connected (/proc does not name the peer's inode).
 */
final class SsView {

    private static final List<CompactColumns.Column> COLUMNS = List.of(
            new CompactColumns.Column("", false), // Netid
            new CompactColumns.Column(" ", false), // State
            new CompactColumns.Column(" ", false), // Recv-Q
            new CompactColumns.Column(" ", false), // Send-Q
            new CompactColumns.Column(" ", true), // Local Address:
            new CompactColumns.Column("", false), // Port
            new CompactColumns.Column(" ", true), // Peer Address:
            new CompactColumns.Column("", false), // Port
            new CompactColumns.Column("", false)); // Process

    private static final List<String> HEADERS =
            List.of("Netid", "State", "Recv-Q", "Send-Q", "Local Address:", "Port", "Peer Address:", "Port", "Process");

    private final SsCommand cmd;
    private final SocketTables tables;

    SsView(SsCommand cmd, SocketTables tables) {
        this.cmd = cmd;
        this.tables = tables;
    }

    List<ListingLine> render() {
        List<CompactColumns.Column> enabled = new ArrayList<>();
        List<Integer> keep = new ArrayList<>();
        for (int c = 0; c < COLUMNS.size(); c++) {
            if ((c == 0 && !cmd.netidColumn()) || (c == 1 && !cmd.stateColumn())) {
                continue;
            }
            enabled.add(COLUMNS.get(c));
            keep.add(c);
        }
        CompactColumns layout = new CompactColumns(enabled);
        List<SocketEntry> sockets = new ArrayList<>();
        if (cmd.header()) {
            layout.add(pick(HEADERS, keep));
            sockets.add(null);
        }
        if (cmd.unix()) {
            for (UnixSocket u : tables.unix()) {
                if (cmd.shows(state(u))) {
                    layout.add(pick(fields(u), keep));
                    sockets.add(u);
                }
            }
        }
        for (String protocol : List.of("raw", "udp", "tcp")) {
            for (InetSocket s : tables.inet()) {
                if (s.protocol().equals(protocol) && shown(s)) {
                    layout.add(pick(fields(s), keep));
                    sockets.add(s);
                }
            }
        }
        List<String> text = layout.render();
        List<ListingLine> out = new ArrayList<>();
        for (int i = 0; i < text.size(); i++) {
            out.add(new ListingLine(text.get(i), sockets.get(i)));
        }
        return out;
    }

    private static List<String> pick(List<String> all, List<Integer> keep) {
        List<String> out = new ArrayList<>(keep.size());
        for (int c : keep) {
            out.add(all.get(c));
        }
        return out;
    }

    boolean shown(InetSocket s) {
        boolean table = switch (s.protocol()) {
            case "tcp" -> cmd.tcp();
            case "udp" -> cmd.udp();
            default -> cmd.raw();
        };
        return table
                && (s.v6() ? cmd.inet6() : cmd.inet4())
                && cmd.shows(s.state())
                && (cmd.sport() == 0 || s.localPort() == cmd.sport())
                && (cmd.dport() == 0 || s.remotePort() == cmd.dport());
    }

    /** ss's reading of a /proc/net/unix line: a listener is LISTEN, otherwise the socket state maps to a TCP-like one. */
    static int state(UnixSocket u) {
        if ((u.flags() & UnixSocket.ACCEPTING) != 0) {
            return TcpState.LISTEN.code();
        }
        return switch (u.state()) {
            case UnixSocket.CONNECTING -> TcpState.SYN_SENT.code();
            case UnixSocket.CONNECTED -> TcpState.ESTABLISHED.code();
            case UnixSocket.DISCONNECTING -> TcpState.CLOSING.code();
            default -> TcpState.CLOSE.code();
        };
    }

    private List<String> fields(UnixSocket u) {
        String netid = switch (u.type()) {
            case UnixSocket.STREAM -> "u_str";
            case UnixSocket.SEQPACKET -> "u_seq";
            default -> "u_dgr";
        };
        return List.of(
                netid,
                TcpState.of(state(u)).ssName(),
                queue(0),
                queue(0),
                (u.path().isEmpty() ? "*" : u.path()) + " ",
                Long.toString(u.inode()),
                "* ",
                "0",
                users(u.inode()));
    }

    private List<String> fields(InetSocket s) {
        TcpState st = TcpState.of(s.state());
        return List.of(
                s.protocol(),
                st == null ? "UNKNOWN" : st.ssName(),
                queue(s.rxQueue()),
                queue(tables.acceptLimit(s).orElse(s.txQueue())),
                address(s.localAddress(), s.v6(), tables.v6Only(s)) + ":",
                service(s.protocol(), s.localPort()),
                address(s.remoteAddress(), s.v6(), tables.v6Only(s)) + ":",
                service(s.protocol(), s.remotePort()),
                users(s.inode()));
    }

    private static String queue(long n) {
        return String.format(Locale.ROOT, "%-6d", n);
    }

    /**
     * IPv4 as is; the IPv6 wildcard as {@code *} when the socket also takes IPv4 and {@code [::]} when it is
     * IPv6-only (a socket bound to an IPv6 address is), as ss prints them; other IPv6 in brackets.
     */
    private static String address(String address, boolean v6, boolean v6Only) {
        if (!v6) {
            return address;
        }
        return address.equals("::") && !v6Only ? "*" : "[" + address + "]";
    }

    private String service(String protocol, int port) {
        if (port == 0) {
            return "*";
        }
        if (!cmd.numeric() && !tables.ephemeral(port)) {
            String name = switch (protocol) {
                case "tcp" -> Services.tcpName(port);
                case "udp" -> Services.udpName(port);
                default -> null;
            };
            if (name != null) {
                return name;
            }
        }
        return Integer.toString(port);
    }

    /** {@code  users:(("java",pid=123,fd=45),...)}, most recently found holder first as ss lists them. */
    private String users(long inode) {
        if (!cmd.processes()) {
            return "";
        }
        List<SocketOwners.Owner> holders = tables.owners().of(inode);
        if (holders.isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (int i = holders.size() - 1; i >= 0; i--) {
            SocketOwners.Owner o = holders.get(i);
            parts.add("(\"" + o.comm() + "\",pid=" + o.pid() + ",fd=" + o.fd() + ")");
        }
        return " users:(" + String.join(",", parts) + ")";
    }
}

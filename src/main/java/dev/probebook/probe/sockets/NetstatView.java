package dev.probebook.probe.sockets;

import dev.probebook.command.Services;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

/**
 * Renders a socket snapshot exactly as net-tools netstat 2.10 prints it: fixed 23-character address
 * columns (longer addresses are cut unless {@code -W}), service names for ports and {@code localhost} for
 * 127.0.0.1 unless {@code -n}, the {@code PID/Program name} column for {@code -p}.
 *
 * <p>Which sockets each view shows follows netstat, not the TCP state: without {@code -a} a TCP socket
 * counts as a server when its peer port is 0, a UDP or raw socket when its peer address is unspecified.
 */
final class NetstatView {

    private static final int ADDRESS_WIDTH = 23;
    private static final int PROGRAM_WIDTH = 20;

    private final NetstatCommand cmd;
    private final SocketTables tables;
    private final IntFunction<String> userName;

    NetstatView(NetstatCommand cmd, SocketTables tables, IntFunction<String> userName) {
        this.cmd = cmd;
        this.tables = tables;
        this.userName = userName;
    }

    List<ListingLine> render() {
        List<ListingLine> out = new ArrayList<>();
        if (cmd.processes()) {
            ownerNotice(out);
        }
        if (cmd.internet()) {
            out.add(ListingLine.heading(
                    "Active Internet connections " + cmd.scope().heading()));
            out.add(ListingLine.heading(
                    "Proto Recv-Q Send-Q Local Address           Foreign Address         State      "
                            + (cmd.extend() ? " User       Inode     " : "")
                            + (cmd.processes() ? String.format(" %-" + PROGRAM_WIDTH + "s", "PID/Program name") : "")));
            for (InetSocket s : tables.inet()) {
                if (shown(s)) {
                    out.add(new ListingLine(row(s), s));
                }
            }
        }
        if (cmd.unix()) {
            out.add(ListingLine.heading(
                    "Active UNIX domain sockets " + cmd.scope().heading()));
            out.add(ListingLine.heading("Proto RefCnt Flags       Type       State         I-Node  "
                    + (cmd.processes() ? String.format(" %-" + PROGRAM_WIDTH + "s", "PID/Program name") : "")
                    + " Path"));
            for (UnixSocket u : tables.unix()) {
                if (shown(u)) {
                    out.add(new ListingLine(row(u), u));
                }
            }
        }
        return out;
    }

    /** netstat's note (on stderr) when some processes' fd directories could not be read. */
    private void ownerNotice(List<ListingLine> out) {
        SocketOwners owners = tables.owners();
        if (!owners.someUnreadable()) {
            return;
        }
        if (!owners.anyReadable()) {
            out.add(ListingLine.heading(
                    "(No info could be read for \"-p\": geteuid()=" + tables.euid() + " but you should be root.)"));
        } else {
            out.add(ListingLine.heading("(Not all processes could be identified, non-owned process info"));
            out.add(ListingLine.heading(" will not be shown, you would have to be root to see it all.)"));
        }
    }

    boolean shown(InetSocket s) {
        boolean family = s.v6() ? cmd.inet6() : cmd.inet4();
        boolean table = switch (s.protocol()) {
            case "tcp" -> cmd.tcp();
            case "udp" -> cmd.udp();
            default -> cmd.raw();
        };
        if (!family || !table) {
            return false;
        }
        boolean server = s.tcp() ? s.remotePort() == 0 : InetSocket.isUnspecified(s.remoteAddress());
        return switch (cmd.scope()) {
            case ALL -> true;
            case LISTENING -> server;
            case CONNECTED -> !server;
        };
    }

    boolean shown(UnixSocket u) {
        return switch (cmd.scope()) {
            case ALL -> true;
            case LISTENING -> u.listening();
            case CONNECTED -> !u.listening();
        };
    }

    private String row(InetSocket s) {
        String local = endpoint(s, s.localAddress(), s.localPort());
        String remote = endpoint(s, s.remoteAddress(), s.remotePort());
        String line = switch (s.protocol()) {
            case "tcp" -> {
                TcpState st = TcpState.of(s.state());
                yield String.format(
                        Locale.ROOT,
                        "%-4s  %6d %6d %-" + Math.max(ADDRESS_WIDTH, local.length()) + "s %-"
                                + Math.max(ADDRESS_WIDTH, remote.length()) + "s %-11s",
                        s.table(),
                        s.rxQueue(),
                        s.txQueue(),
                        local,
                        remote,
                        st == null ? "" : st.netstatName());
            }
            case "udp" ->
                String.format(
                        Locale.ROOT,
                        "%-5s %6d %6d %-23s %-23s %-11s",
                        s.table(),
                        s.rxQueue(),
                        s.txQueue(),
                        local,
                        remote,
                        s.state() == TcpState.ESTABLISHED.code()
                                ? "ESTABLISHED"
                                : s.state() == TcpState.CLOSE.code() ? "" : "UNKNOWN");
            default ->
                String.format(
                        Locale.ROOT,
                        "%-4s  %6d %6d %-23s %-23s %-11d",
                        s.table(),
                        s.rxQueue(),
                        s.txQueue(),
                        local,
                        remote,
                        s.state());
        };
        return line + extension(s.uid(), s.inode()) + program(s.inode());
    }

    private String extension(int uid, long inode) {
        if (!cmd.extend()) {
            return "";
        }
        String user = cmd.numericUsers() ? null : userName.apply(uid);
        return String.format(Locale.ROOT, " %-10s %-10d", user != null ? user : Integer.toString(uid), inode);
    }

    private String program(long inode) {
        if (!cmd.processes()) {
            return "";
        }
        return String.format(" %-" + PROGRAM_WIDTH + "s", programOf(tables.owners(), inode));
    }

    /** {@code PID/name} of the first holder, cut to netstat's 19 characters; {@code -} when unknown. */
    static String programOf(SocketOwners owners, long inode) {
        List<SocketOwners.Owner> holders = owners.of(inode);
        if (holders.isEmpty()) {
            return "-";
        }
        SocketOwners.Owner o = holders.get(0);
        String text = o.pid() + "/" + o.program();
        return text.length() > PROGRAM_WIDTH - 1 ? text.substring(0, PROGRAM_WIDTH - 1) : text;
    }

    /** {@code host:service}, cut as netstat cuts it to fit 22 characters plus the colon. */
    private String endpoint(InetSocket s, String address, int port) {
        String host = host(address, s.v6());
        String service = service(s.protocol(), port);
        if (!cmd.wide() && host.length() + service.length() > ADDRESS_WIDTH - 1) {
            int serviceLength = Math.min(service.length(), ADDRESS_WIDTH - 1 - 4);
            int hostLength = ADDRESS_WIDTH - 1 - serviceLength;
            return host.substring(0, Math.min(host.length(), hostLength)) + ":" + service.substring(0, serviceLength);
        }
        return host + ":" + service;
    }

    /**
     * Host column text. Without {@code -n} netstat asks the resolver for a name; Probebook never sends
     * reverse lookups, so only the loopback and wildcard addresses get names, as every resolver names them.
     */
    private String host(String address, boolean v6) {
        if (v6 && address.startsWith("::ffff:") && address.indexOf('.') > 0) {
            // netstat shows an IPv4-mapped address of a dual-stack socket as the IPv4 address it maps
            address = address.substring(7);
            v6 = false;
        }
        if (cmd.numericHosts()) {
            return address;
        }
        if (address.equals("127.0.0.1")) {
            return "localhost";
        }
        if (v6 && address.equals("::")) {
            return "[::]";
        }
        return address;
    }

    private String service(String protocol, int port) {
        if (port == 0) {
            return "*";
        }
        if (cmd.numericPorts()) {
            return Integer.toString(port);
        }
        String name = switch (protocol) {
            case "tcp" -> Services.tcpName(port);
            case "udp" -> Services.udpName(port);
            default -> null;
        };
        return name != null ? name : Integer.toString(port);
    }

    private String row(UnixSocket u) {
        StringBuilder flags = new StringBuilder("[ ");
        if ((u.flags() & UnixSocket.ACCEPTING) != 0) {
            flags.append("ACC ");
        }
        if ((u.flags() & UnixSocket.WAIT_DATA) != 0) {
            flags.append("W ");
        }
        if ((u.flags() & UnixSocket.NO_SPACE) != 0) {
            flags.append("N ");
        }
        flags.append(']');
        String type = switch (u.type()) {
            case 1 -> "STREAM";
            case 2 -> "DGRAM";
            case 3 -> "RAW";
            case 4 -> "RDM";
            case 5 -> "SEQPACKET";
            default -> "UNKNOWN";
        };
        String state = switch (u.state()) {
            case 0 -> "FREE";
            case UnixSocket.UNCONNECTED -> (u.flags() & UnixSocket.ACCEPTING) != 0 ? "LISTENING" : "";
            case UnixSocket.CONNECTING -> "CONNECTING";
            case UnixSocket.CONNECTED -> "CONNECTED";
            case UnixSocket.DISCONNECTING -> "DISCONNECTING";
            default -> "UNKNOWN";
        };
        return String.format(
                        Locale.ROOT,
                        "%-5s %-6d %-11s %-10s %-13s %-8d",
                        u.protocol() == 0 ? "unix" : "??",
                        u.refCount(),
                        flags,
                        type,
                        state,
                        u.inode())
                + program(u.inode()) + " " + u.path();
    }
}

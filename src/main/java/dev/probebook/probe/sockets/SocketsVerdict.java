package dev.probebook.probe.sockets;

import dev.probebook.probe.ProbeContext;
import dev.probebook.probe.ProbeResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * What a socket listing means for an operator. Unfiltered it counts what listens where; piped into
 * {@code grep PORT} (the runbook's {@code netstat -nap | grep 포트번호}) it answers "is this port open":
 * a listener on the port is ok, a listener hidden by the chosen view is a warning, none is a failure.
 * A listener bound to a loopback address is called out: other hosts cannot reach it.
 */
final class SocketsVerdict {

    private static final int MAX_NAMED = 8;

    private final SocketsCommand cmd;
    private final SocketTables tables;
    private final List<ListingLine> lines;

    SocketsVerdict(SocketsCommand cmd, SocketTables tables, List<ListingLine> lines) {
        this.cmd = cmd;
        this.tables = tables;
        this.lines = lines;
    }

    ProbeResult judge(ProbeContext ctx) {
        List<SocketEntry> matching = new ArrayList<>();
        for (ListingLine l : lines) {
            if (l.socket() != null && ctx.passesFilter(l.text())) {
                matching.add(l.socket());
            }
        }
        SocketsDetails details = details(matching);
        String ownerNote = cmd.processes() && tables.owners().someUnreadable()
                ? "; some processes could not be inspected (run as root to see every owner)"
                : "";
        if (!ctx.filtered()) {
            if (cmd instanceof SsCommand ss && ss.sport() > 0) {
                return portQuestion(ss.sport(), matching, details, ownerNote); // ss -tln sport = :8080
            }
            return listing(matching, details, ownerNote);
        }
        String pattern = ctx.grepPattern();
        if (pattern != null
                && pattern.matches("\\d{1,5}")
                && Integer.parseInt(pattern) >= 1
                && Integer.parseInt(pattern) <= 65535) {
            return portQuestion(Integer.parseInt(pattern), matching, details, ownerNote);
        }
        if (pattern != null && (pattern.equals("LISTEN") || pattern.equals("LISTENING"))) {
            if (servers(matching).isEmpty()) {
                return ProbeResult.fail(
                        "no listening socket in this listing"
                                + (hidesServers()
                                        ? ": this view hides listening sockets, add -l or -a (netstat -tlnp)"
                                        : ": nothing on this host accepts connections"),
                        details);
            }
            return listing(matching, details, ownerNote);
        }
        if (matching.isEmpty()) {
            String what = pattern != null ? "'" + pattern + "'" : "the grep filter";
            return ProbeResult.fail(
                    "no socket matches " + what
                            + (hidesServers() ? " (this view hides listening sockets: add -l or -a)" : ""),
                    details);
        }
        return ProbeResult.ok(matching.size() + " socket line(s) match: " + overview(matching) + ownerNote, details);
    }

    /** A listing's overview; a warning when some listener's accept queue is full, which the rows alone hide. */
    private ProbeResult listing(List<SocketEntry> matching, SocketsDetails details, String ownerNote) {
        List<InetSocket> full =
                servers(matching).stream().filter(this::queueFull).toList();
        if (!full.isEmpty()) {
            InetSocket s = full.get(0);
            return ProbeResult.warn(
                    overview(matching) + ownerNote + "; but the accept queue of port " + s.localPort() + " is full ("
                            + s.rxQueue() + " waiting, limit "
                            + tables.acceptLimit(s).orElseThrow()
                            + "): new connections to it time out. Check that application (ss -tln | grep "
                            + s.localPort() + ")",
                    details);
        }
        return ProbeResult.ok(overview(matching) + ownerNote, details);
    }

    /** The kernel drops SYNs once a listener's queue holds more than its limit (sk_acceptq_is_full). */
    private boolean queueFull(InetSocket s) {
        return s.rxQueue() > tables.acceptLimit(s).orElse(Long.MAX_VALUE);
    }

    /** The runbook question behind {@code | grep 8080}: does anything listen on this port? */
    private ProbeResult portQuestion(int port, List<SocketEntry> matching, SocketsDetails details, String ownerNote) {
        List<InetSocket> shown =
                servers(matching).stream().filter(s -> s.localPort() == port).toList();
        if (!shown.isEmpty()) {
            for (InetSocket s : shown) {
                if (queueFull(s)) {
                    long limit = tables.acceptLimit(s).orElseThrow();
                    return ProbeResult.fail(
                            "port " + port + " listens (" + describe(shown) + "), but its accept queue is full ("
                                    + s.rxQueue() + " connection(s) waiting in Recv-Q, limit " + limit
                                    + " in Send-Q): the kernel drops new SYNs, so clients time out instead of being"
                                    + " refused. The application is not taking connections (hung or overloaded) or its"
                                    + " backlog is too small: check its threads and logs, then raise its listen backlog"
                                    + " (capped by net.core.somaxconn)",
                            details);
                }
            }
            // Recv-Q of a TCP listener: connections the kernel accepted that the application has not taken yet
            long waiting = shown.stream()
                    .filter(s -> s.protocol().startsWith("tcp"))
                    .mapToLong(InetSocket::rxQueue)
                    .sum();
            if (waiting > 0) {
                return ProbeResult.warn(
                        "port " + port + " listens (" + describe(shown) + "), but " + waiting
                                + " connection(s) wait in its accept queue (Recv-Q): if that stays above 0, the"
                                + " application is not accepting them (hung, overloaded, or its backlog is too small)"
                                + " and once the queue is full, new connections time out. Run it again, then check the"
                                + " application's threads and logs",
                        details);
            }
            return ProbeResult.ok(
                    "port " + port + " is open: " + describe(shown) + loopbackNote(shown) + ownerNote, details);
        }
        List<InetSocket> hidden = tables.inet().stream()
                .filter(s -> selected(s) && s.server() && s.localPort() == port)
                .toList();
        if (!hidden.isEmpty()) {
            return ProbeResult.warn(
                    "port " + port + " does listen (" + describe(hidden)
                            + ") but this view hides listening sockets: add -l or -a (netstat -tlnp | grep " + port
                            + ")",
                    details);
        }
        List<InetSocket> partly =
                servers(matching).stream().filter(s -> s.localPort() != port).toList();
        if (!partly.isEmpty()) {
            // grep matched the number inside a longer port (or an address): the lines are there, the port is not
            return ProbeResult.warn(
                    "nothing listens on port " + port + " itself; '" + port + "' matched part of another listener ("
                            + describe(partly) + "): grep ':" + port + " ' matches the port exactly",
                    details);
        }
        String connections = matching.isEmpty()
                ? ""
                : "; the " + matching.size() + " matching line(s) are connections or other sockets, not a listener";
        return ProbeResult.fail(
                "nothing listens on port " + port + connections
                        + ": the service is not running, failed to start, or uses another port (check its log and configured port)",
                details);
    }

    private String overview(List<SocketEntry> matching) {
        List<InetSocket> servers = servers(matching);
        long connections = matching.stream()
                .filter(s -> s instanceof InetSocket i && !i.server())
                .count();
        long unix = matching.stream().filter(s -> s instanceof UnixSocket).count();
        long unixListening = matching.stream()
                .filter(s -> s instanceof UnixSocket u && u.listening())
                .count();
        boolean inet = matching.stream().anyMatch(s -> s instanceof InetSocket);
        List<String> parts = new ArrayList<>();
        for (String protocol : List.of("tcp", "udp")) {
            String ports = portList(protocol, servers);
            if (!ports.isEmpty()) {
                parts.add(ports);
            }
        }
        if (connections > 0) {
            parts.add(connections + " connection(s)");
        }
        if (unix > 0) {
            parts.add(unix + " UNIX socket(s)" + (unixListening > 0 ? " (" + unixListening + " listening)" : ""));
        }
        String text = parts.isEmpty() ? "no sockets in this view" : String.join("; ", parts);
        if (servers.isEmpty() && hidesServers()) {
            text += " (listening sockets are hidden without -l or -a: netstat -tlnp or ss -tlnp lists them)";
        } else if (servers.isEmpty() && inet) {
            text += " (nothing listens in this view)";
        }
        return text + loopbackNote(servers);
    }

    /** {@code listening TCP ports: 22, 8080 (java)} for one protocol, empty when it has none. */
    private String portList(String protocol, List<InetSocket> servers) {
        Map<Integer, String> ports = new LinkedHashMap<>();
        for (InetSocket s : servers) {
            if (s.protocol().equals(protocol)) {
                String owner = program(s.inode());
                ports.merge(s.localPort(), owner == null ? "" : owner, (a, b) -> a.isEmpty() ? b : a);
            }
        }
        if (ports.isEmpty()) {
            return "";
        }
        List<String> named = new ArrayList<>();
        new TreeSet<>(ports.keySet())
                .stream()
                        .limit(MAX_NAMED)
                        .forEach(p -> named.add(ports.get(p).isEmpty() ? p.toString() : p + " (" + ports.get(p) + ")"));
        String more = ports.size() > MAX_NAMED ? " and " + (ports.size() - MAX_NAMED) + " more" : "";
        String label = protocol.equals("tcp") ? "listening TCP port" : "bound UDP port";
        return ports.size() + " " + label + (ports.size() == 1 ? "" : "s") + ": " + String.join(", ", named) + more;
    }

    /** Warns about ports that listen only on a loopback address. */
    private static String loopbackNote(List<InetSocket> servers) {
        Map<Integer, Boolean> onlyLoopback = new LinkedHashMap<>();
        for (InetSocket s : servers) {
            if (s.tcp()) {
                boolean loop = s.localAddress().startsWith("127.")
                        || s.localAddress().equals("::1")
                        || s.localAddress().startsWith("::ffff:127.");
                onlyLoopback.merge(s.localPort(), loop, Boolean::logicalAnd);
            }
        }
        List<String> loopOnly = onlyLoopback.entrySet().stream()
                .filter(Map.Entry::getValue)
                .map(e -> e.getKey().toString())
                .toList();
        if (loopOnly.isEmpty()) {
            return "";
        }
        return ". TCP port" + (loopOnly.size() == 1 ? " " : "s ") + String.join(", ", loopOnly)
                + " listen" + (loopOnly.size() == 1 ? "s" : "") + " on loopback only: other hosts cannot connect"
                + " (bind 0.0.0.0 or :: to serve them)";
    }

    private static List<InetSocket> servers(List<SocketEntry> sockets) {
        List<InetSocket> out = new ArrayList<>();
        for (SocketEntry s : sockets) {
            if (s instanceof InetSocket i && i.server() && !i.protocol().equals("raw")) {
                out.add(i);
            }
        }
        return out;
    }

    private String describe(List<InetSocket> sockets) {
        List<String> parts = new ArrayList<>();
        for (InetSocket s : sockets.stream().limit(MAX_NAMED).toList()) {
            String owner = program(s.inode());
            String where = s.v6() ? "[" + s.localAddress() + "]" : s.localAddress();
            parts.add(s.table() + " " + where + ":" + s.localPort() + (owner == null ? "" : " (" + owner + ")"));
        }
        return String.join(", ", parts);
    }

    private String program(long inode) {
        List<SocketOwners.Owner> holders = tables.owners().of(inode);
        if (holders.isEmpty()) {
            return null;
        }
        SocketOwners.Owner o = holders.get(0);
        return o.pid() + "/" + (cmd instanceof SsCommand ? o.comm() : o.program());
    }

    /** Whether the view leaves out sockets that accept connections. */
    private boolean hidesServers() {
        return switch (cmd) {
            case NetstatCommand n -> n.scope() == NetstatCommand.Scope.CONNECTED;
            case SsCommand s -> !s.shows(TcpState.LISTEN.code()) && !s.shows(TcpState.CLOSE.code());
        };
    }

    /** The socket belongs to the tables and families the command asked for (whatever its state). */
    private boolean selected(InetSocket s) {
        return switch (cmd) {
            case NetstatCommand n ->
                (s.v6() ? n.inet6() : n.inet4())
                        && switch (s.protocol()) {
                            case "tcp" -> n.tcp();
                            case "udp" -> n.udp();
                            default -> false;
                        };
            case SsCommand c ->
                (s.v6() ? c.inet6() : c.inet4())
                        && switch (s.protocol()) {
                            case "tcp" -> c.tcp();
                            case "udp" -> c.udp();
                            default -> false;
                        };
        };
    }

    private SocketsDetails details(List<SocketEntry> matching) {
        List<SocketsDetails.Socket> sockets = new ArrayList<>();
        for (SocketEntry e : matching) {
            List<SocketOwners.Owner> holders = tables.owners().of(e.inode());
            Long pid = holders.isEmpty() ? null : holders.get(0).pid();
            String program = holders.isEmpty()
                    ? null
                    : cmd instanceof SsCommand
                            ? holders.get(0).comm()
                            : holders.get(0).program();
            sockets.add(
                    switch (e) {
                        case InetSocket s ->
                            new SocketsDetails.Socket(
                                    s.table(),
                                    s.localAddress(),
                                    s.localPort(),
                                    s.remoteAddress(),
                                    s.remotePort(),
                                    stateName(s),
                                    pid,
                                    program);
                        case UnixSocket u ->
                            new SocketsDetails.Socket(
                                    "unix",
                                    u.path(),
                                    0,
                                    "",
                                    0,
                                    u.listening()
                                            ? "LISTENING"
                                            : u.state() == UnixSocket.CONNECTED ? "CONNECTED" : "UNCONNECTED",
                                    pid,
                                    program);
                    });
        }
        TreeSet<Integer> ports = new TreeSet<>();
        servers(matching).forEach(s -> ports.add(s.localPort()));
        return new SocketsDetails(
                cmd instanceof SsCommand ? "ss" : "netstat",
                sockets,
                List.copyOf(ports),
                !tables.owners().someUnreadable());
    }

    private static String stateName(InetSocket s) {
        TcpState st = TcpState.of(s.state());
        return st != null ? st.name() : String.format(Locale.ROOT, "%02X", s.state());
    }
}

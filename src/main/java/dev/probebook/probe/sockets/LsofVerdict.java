package dev.probebook.probe.sockets;

import dev.probebook.probe.ProbeResult;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What lsof's rows say about the port asked about: who listens on it, who only talks through it, or nobody. */
final class LsofVerdict {

    private static final int NAMED = 4;

    private LsofVerdict() {}

    static ProbeResult judge(LsofCommand cmd, List<LsofView.Row> rows, boolean someUnreadable) {
        SocketsDetails details = new SocketsDetails(
                "lsof",
                rows.stream()
                        .map(r -> new SocketsDetails.Socket(
                                r.socket().table(),
                                r.socket().localAddress(),
                                r.socket().localPort(),
                                r.socket().remoteAddress(),
                                r.socket().remotePort(),
                                state(r.socket()),
                                r.owner().pid(),
                                r.owner().comm()))
                        .toList(),
                rows.stream()
                        .filter(r -> r.socket().listening())
                        .map(r -> r.socket().localPort())
                        .distinct()
                        .sorted()
                        .toList(),
                !someUnreadable);
        String unseen =
                someUnreadable ? "; some processes could not be read (not root): their sockets are not listed" : "";
        List<LsofView.Row> listeners =
                rows.stream().filter(r -> r.socket().server()).toList();
        String what = cmd.port() > 0 ? "port " + cmd.port() : "internet sockets";
        if (rows.isEmpty()) {
            return cmd.port() > 0
                    ? ProbeResult.fail(
                            "no process has port " + cmd.port() + " open (lsof prints nothing): nothing listens there;"
                                    + " start the service, or check the port it was given" + unseen,
                            details)
                    : ProbeResult.warn("no process holds " + what + " matching this" + unseen, details);
        }
        if (cmd.port() > 0 && listeners.stream().noneMatch(r -> r.socket().localPort() == cmd.port())) {
            return ProbeResult.warn(
                    "nothing here listens on port " + cmd.port() + "; " + processes(rows) + " only talk through it"
                            + " (connections to or from it)" + unseen,
                    details);
        }
        if (cmd.port() > 0) {
            return ProbeResult.ok(
                    "port " + cmd.port() + " is open: " + processes(listeners) + " listen(s) on " + addresses(listeners)
                            + unseen,
                    details);
        }
        return ProbeResult.ok(
                rows.size() + " socket(s) held by " + processes(rows)
                        + (listeners.isEmpty() ? "" : "; listening: " + addresses(listeners)) + unseen,
                details);
    }

    /** Where the listeners listen, as lsof names them without the state ({@code 127.0.0.1:8080}, {@code *:53}). */
    private static String addresses(List<LsofView.Row> listeners) {
        return String.join(
                ", ",
                new LinkedHashSet<>(listeners.stream()
                        .map(r -> LsofView.name(r.socket())
                                .replace(" (LISTEN)", "")
                                .strip())
                        .toList()));
    }

    private static String processes(List<LsofView.Row> rows) {
        Set<String> names = new LinkedHashSet<>();
        rows.forEach(r -> names.add(r.owner().comm() + " (pid " + r.owner().pid() + ")"));
        List<String> all = List.copyOf(names);
        return String.join(", ", all.subList(0, Math.min(NAMED, all.size())))
                + (all.size() > NAMED ? " and " + (all.size() - NAMED) + " more" : "");
    }

    private static String state(InetSocket s) {
        TcpState state = TcpState.of(s.state());
        return s.tcp() && state != null ? state.netstatName() : "";
    }
}

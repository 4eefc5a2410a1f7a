package dev.probebook.probe.sockets;

import dev.probebook.command.Args;
import dev.probebook.command.UsageException;
import dev.probebook.probe.Probe;
import dev.probebook.probe.ProbeContext;
import dev.probebook.probe.ProbeDetails;
import dev.probebook.probe.ProbeResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code ss -s}: the socket counters, printed as ss prints them, with a verdict on TIME-WAIT piling up (short
 * connections opened and closed fast use up local ports). Reads /proc only; no timeout applies.
 */
public final class SummaryProbe implements Probe<SummaryProbe.Command> {

    /** {@code ss -s}; no options change it here. */
    public record Command() {}

    /** The structured counters. */
    public record Details(int sockets, int tcp, int established, int timeWait, int orphans) implements ProbeDetails {
        @Override
        public Map<String, String> facts() {
            Map<String, String> f = new LinkedHashMap<>();
            f.put("TCP established", String.valueOf(established));
            f.put("TCP TIME-WAIT", String.valueOf(timeWait));
            f.put("TCP orphaned", String.valueOf(orphans));
            return f;
        }
    }

    /** Half the default ephemeral port range (32768-60999): past this, new outgoing connections may find no port. */
    static final int MANY_TIME_WAIT = 14_000;

    private final Path procRoot;

    public SummaryProbe() {
        this(Path.of("/proc"));
    }

    SummaryProbe(Path procRoot) {
        this.procRoot = procRoot;
    }

    @Override
    public String name() {
        return "socket-summary";
    }

    @Override
    public Set<String> commandWords() {
        return Set.of("ss");
    }

    /** {@code ss -s} (and {@code --summary}); every other ss form is the listing's. */
    @Override
    public boolean claims(String word, List<String> words) {
        return words.stream().anyMatch(w -> w.equals("--summary") || (w.matches("-[a-zA-Z]+") && w.contains("s")));
    }

    @Override
    public Command parse(String word, Args args) throws UsageException {
        while (args.hasNext()) {
            String w = args.next();
            if (!w.equals("--summary") && !w.matches("-[sn]+")) {
                throw new UsageException("ss -s: '" + w + "' does not go with the summary here (ss -s)");
            }
        }
        return new Command();
    }

    @Override
    public ProbeResult run(Command cmd, ProbeContext ctx) {
        SocketSummary s;
        try {
            s = SocketSummary.read(procRoot);
        } catch (IOException | RuntimeException e) {
            ctx.out("ss: cannot read " + procRoot.resolve("net/sockstat") + ": " + e.getMessage());
            return ProbeResult.error("cannot read the socket counters (" + procRoot.resolve("net/sockstat")
                    + "): socket summaries can only be read on Linux");
        }
        s.lines().forEach(ctx::out);
        Details details =
                new Details(s.sockets(), s.tcpAlloc() + s.timeWait(), s.established(), s.timeWait(), s.orphans());
        String counts = s.established() + " TCP connection(s) established, " + s.timeWait() + " in TIME-WAIT, "
                + s.orphans() + " orphaned; " + s.sockets() + " socket(s) in all";
        if (s.timeWait() >= MANY_TIME_WAIT) {
            return ProbeResult.warn(
                    counts + ". So many TIME-WAIT sockets mean short connections opened and closed fast: outgoing"
                            + " connections may run out of local ports (reuse connections, or widen"
                            + " net.ipv4.ip_local_port_range)",
                    details);
        }
        return ProbeResult.ok(counts, details);
    }
}

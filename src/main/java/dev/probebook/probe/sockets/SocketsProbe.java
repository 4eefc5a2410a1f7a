package dev.probebook.probe.sockets;

import dev.probebook.command.Args;
import dev.probebook.command.UsageException;
import dev.probebook.net.SocketDiagnostics;
import dev.probebook.net.SocketDiagnostics.Diagnosis;
import dev.probebook.probe.Probe;
import dev.probebook.probe.ProbeContext;
import dev.probebook.probe.ProbeResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Socket listings: {@code netstat -nap}, {@code netstat -tulpn}, {@code ss -tlnp}, ... read from the
 * kernel's tables under /proc (never by running the tools) and printed as net-tools netstat and iproute2
 * ss print them, so a runbook's {@code | grep 8080} and {@code | grep LISTEN} work as written.
 *
 * <p>The proc root is a constructor parameter so tests can read fixture tables; the registered probe
 * reads the real {@code /proc}. Reading is local and quick, so no tool timeout applies; a stop between
 * reading and printing simply ends the run.
 */
public final class SocketsProbe implements Probe<SocketsCommand> {

    /** How long the kernel's socket diagnostics may take to answer (they answer at once where they exist). */
    private static final int DIAGNOSTICS_TIMEOUT_MILLIS = 500;

    private final Path procRoot;
    private final Path passwd;
    private final Supplier<Map<Long, Diagnosis>> diagnostics;

    public SocketsProbe() {
        this(Path.of("/proc"), Path.of("/etc/passwd"), SocketsProbe::askKernel);
    }

    /** Reads fixture tables, which no kernel diagnostics describe. */
    SocketsProbe(Path procRoot, Path passwd) {
        this(procRoot, passwd, Map::of);
    }

    /**
     * @param procRoot where {@code net/tcp}, {@code PID/fd} etc. are read; @param passwd for {@code -e} user names
     * @param diagnostics what the kernel's socket diagnostics add to those tables, by socket inode
     */
    SocketsProbe(Path procRoot, Path passwd, Supplier<Map<Long, Diagnosis>> diagnostics) {
        this.procRoot = procRoot;
        this.passwd = passwd;
        this.diagnostics = diagnostics;
    }

    /** The kernel's socket diagnostics, or none where they cannot be asked: ss then shows what /proc has. */
    private static Map<Long, Diagnosis> askKernel() {
        try {
            return SocketDiagnostics.byInode(DIAGNOSTICS_TIMEOUT_MILLIS);
        } catch (SocketDiagnostics.Unavailable e) {
            return Map.of();
        }
    }

    @Override
    public String name() {
        return "sockets";
    }

    @Override
    public Set<String> commandWords() {
        return Set.of("netstat", "ss");
    }

    @Override
    public SocketsCommand parse(String word, Args args) throws UsageException {
        return word.equals("ss") ? SsParser.parse(args) : NetstatParser.parse(args);
    }

    @Override
    public ProbeResult run(SocketsCommand cmd, ProbeContext ctx) throws InterruptedException {
        SocketTables tables;
        try {
            tables = SocketTables.read(procRoot, cmd.processes(), cmd.unix()).withDiagnosis(diagnostics.get());
        } catch (SocketTables.Unavailable e) {
            ctx.out((cmd instanceof SsCommand ? "ss: " : "netstat: ") + e.getMessage());
            return ProbeResult.error(e.getMessage());
        }
        if (ctx.cancelled()) {
            throw new InterruptedException();
        }
        List<ListingLine> lines = switch (cmd) {
            case NetstatCommand n -> new NetstatView(n, tables, new UserNames(passwd)).render();
            case SsCommand s -> new SsView(s, tables).render();
        };
        for (ListingLine line : lines) {
            ctx.out(line.text());
        }
        return new SocketsVerdict(cmd, tables, lines).judge(ctx);
    }
}

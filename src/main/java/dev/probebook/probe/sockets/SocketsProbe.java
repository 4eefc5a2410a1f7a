package dev.probebook.probe.sockets;

import dev.probebook.command.Args;
import dev.probebook.command.UsageException;
import dev.probebook.probe.Probe;
import dev.probebook.probe.ProbeContext;
import dev.probebook.probe.ProbeResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

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

    private final Path procRoot;
    private final Path passwd;

    public SocketsProbe() {
        this(Path.of("/proc"), Path.of("/etc/passwd"));
    }

    /** @param procRoot where {@code net/tcp}, {@code PID/fd} etc. are read; @param passwd for {@code -e} user names */
    SocketsProbe(Path procRoot, Path passwd) {
        this.procRoot = procRoot;
        this.passwd = passwd;
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
            tables = SocketTables.read(procRoot, cmd.processes(), cmd.unix());
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

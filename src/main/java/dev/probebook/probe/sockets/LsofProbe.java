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
 * {@code lsof -i[:PORT]}: which processes hold which internet sockets, read from /proc like the netstat and ss
 * listings (never by running lsof) and printed as {@code lsof -nP -i} prints them, with a verdict on the port asked
 * about. Other lsof forms (open files) are not this probe's: the runbook shows them as not run.
 */
public final class LsofProbe implements Probe<LsofCommand> {

    private final Path procRoot;
    private final Path passwd;

    public LsofProbe() {
        this(Path.of("/proc"), Path.of("/etc/passwd"));
    }

    LsofProbe(Path procRoot, Path passwd) {
        this.procRoot = procRoot;
        this.passwd = passwd;
    }

    @Override
    public String name() {
        return "lsof";
    }

    @Override
    public Set<String> commandWords() {
        return Set.of("lsof");
    }

    @Override
    public boolean claims(String word, List<String> words) {
        return words.stream().anyMatch(w -> w.startsWith("-i") || w.matches("-[nPtlV]*i[nPtlV]*"));
    }

    @Override
    public LsofCommand parse(String word, Args args) throws UsageException {
        return LsofParser.parse(args);
    }

    @Override
    public ProbeResult run(LsofCommand cmd, ProbeContext ctx) throws InterruptedException {
        SocketTables tables;
        try {
            tables = SocketTables.read(procRoot, true, false);
        } catch (SocketTables.Unavailable e) {
            ctx.out("lsof: " + e.getMessage());
            return ProbeResult.error(e.getMessage());
        }
        if (ctx.cancelled()) {
            throw new InterruptedException();
        }
        List<LsofView.Row> rows = LsofView.rows(cmd, tables, new UserNames(passwd)::apply);
        LsofView.lines(cmd, rows).forEach(ctx::out);
        return LsofVerdict.judge(cmd, rows, tables.owners().someUnreadable());
    }
}

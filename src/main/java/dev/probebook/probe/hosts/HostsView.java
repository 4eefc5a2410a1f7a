package dev.probebook.probe.hosts;

import dev.probebook.command.HostSyntax;
import dev.probebook.net.HostsFile;
import dev.probebook.probe.ProbeContext;
import dev.probebook.probe.ProbeResult;
import dev.probebook.probe.Verdict;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code cat /etc/hosts} and its relatives, and the read-only view behind {@code vi /etc/hosts}: print the
 * configured file, then say what it does to name resolution (which names it pins, which lines the
 * resolver ignores, which names have two addresses).
 */
final class HostsView {

    /** How many pinned names a summary lists before "and N more". */
    private static final int PINS_LISTED = 5;

    private HostsView() {}

    static ProbeResult show(HostsCommand.Show cmd, ProbeContext ctx) {
        Path path = ctx.settings().hostsFile();
        HostsFile file;
        try {
            file = read(path);
        } catch (IOException e) {
            ctx.out(cmd.tool() + ": " + HostsProbe.WRITTEN_PATH + ": " + reason(e));
            return unreadable(path, e);
        }
        List<String> lines = file.lines();
        int from = 0;
        int to = lines.size();
        if (cmd.head() > 0) {
            to = Math.min(to, cmd.head());
        } else if (cmd.tail() > 0) {
            from = Math.max(0, to - cmd.tail());
        }
        for (int i = from; i < to; i++) {
            ctx.out(cmd.numbered() ? String.format(Locale.ROOT, "%6d\t%s", i + 1, lines.get(i)) : lines.get(i));
        }
        Assessment a = assess(file);
        String summary = count(file) + "; " + (a.problems().isEmpty() ? "" : a.problems() + "; ") + a.pins();
        return new ProbeResult(a.verdict(), summary, HostsDetails.of(file, true));
    }

    static ProbeResult edit(HostsCommand.Edit cmd, ProbeContext ctx) {
        Path path = ctx.settings().hostsFile();
        HostsFile file;
        long bytes;
        try {
            file = read(path);
            bytes = Files.size(path);
        } catch (IOException e) {
            ctx.out("\"" + HostsProbe.WRITTEN_PATH + "\" ["
                    + (e instanceof NoSuchFileException ? "New" : "Permission Denied") + "]");
            return unreadable(path, e);
        }
        file.lines().forEach(ctx::out);
        ctx.out(
                cmd.editor().equals("nano")
                        ? "[ Read " + file.lines().size() + " lines (view mode) ]"
                        : "\"" + HostsProbe.WRITTEN_PATH + "\" [readonly] "
                                + file.lines().size() + "L, " + bytes + "B");
        Assessment a = assess(file);
        String summary = "read-only view of " + path + ": " + count(file)
                + "; editing is a separate, guarded action (admins: the hosts editor in the web notebook;"
                + " from a shell, edit the file yourself)" + (a.problems().isEmpty() ? "" : "; " + a.problems());
        return new ProbeResult(a.verdict(), summary, HostsDetails.of(file, true));
    }

    /** Reads the file; unlike {@link HostsFile#read} a missing file is an error here (cat would fail). */
    static HostsFile read(Path path) throws IOException {
        if (!Files.exists(path)) {
            throw new NoSuchFileException(path.toString());
        }
        return HostsFile.read(path);
    }

    static ProbeResult unreadable(Path path, IOException e) {
        HostsDetails details = new HostsDetails(
                path.toString(), Files.exists(path), List.of(), List.of(), null, false, List.of(), List.of());
        if (e instanceof NoSuchFileException) {
            return ProbeResult.fail(
                    path + " does not exist: no name is pinned on this host, every lookup goes to DNS"
                            + " (even localhost, unless the resolver provides it)",
                    details);
        }
        return ProbeResult.fail(
                "cannot read " + path + " (" + reason(e) + "): run Probebook as a user that can read it", details);
    }

    static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "No such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "Permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    static String count(HostsFile file) {
        int n = file.entries().size();
        return n == 1 ? "1 entry" : n + " entries";
    }

    /** What the file does, split into problems (make it a warning) and the names it pins. */
    record Assessment(Verdict verdict, String problems, String pins) {}

    static Assessment assess(HostsFile file) {
        List<String> problems = new ArrayList<>();
        if (!file.invalid().isEmpty()) {
            List<String> described = new ArrayList<>();
            for (String invalid : file.invalid()) {
                described.add(describeInvalid(invalid));
            }
            problems.add("ignored by the resolver: " + String.join(", ", described) + "; fix or comment out");
        }
        Map<String, List<HostsFile.Entry>> duplicates = file.duplicates();
        duplicates.forEach((name, entries) -> {
            List<String> where = entries.stream()
                    .map(e -> e.address() + " (line " + e.line() + ")")
                    .toList();
            problems.add(name + " has " + entries.size() + " addresses: " + String.join(", ", where)
                    + "; clients get all of them and try " + entries.get(0).address() + " first: keep one line");
        });
        return new Assessment(problems.isEmpty() ? Verdict.OK : Verdict.WARN, String.join("; ", problems), pins(file));
    }

    private static String describeInvalid(String invalid) {
        int colon = invalid.indexOf(": ");
        String line = invalid.substring(0, colon);
        String text = invalid.substring(colon + 2);
        String body = text.contains("#") ? text.substring(0, text.indexOf('#')) : text;
        String[] fields = body.strip().split("\\s+");
        String why = fields.length < 2 && HostSyntax.isIpLiteral(fields[0])
                ? "no host name after the address"
                : fields[0] + " is not an IP address";
        return "line " + line + " '" + text.strip() + "' (" + why + ")";
    }

    private static String pins(HostsFile file) {
        List<String> pins = new ArrayList<>();
        int names = 0;
        for (HostsFile.Entry e : file.entries()) {
            if (HostsFile.isLocal(e)) {
                continue;
            }
            names += e.names().size();
            String aliases = e.names().size() > 1
                    ? " (" + String.join(" ", e.names().subList(1, e.names().size())) + ")"
                    : "";
            pins.add(e.names().get(0) + aliases + " -> " + e.address());
        }
        if (pins.isEmpty()) {
            return file.entries().isEmpty()
                    ? "every name is resolved by DNS"
                    : "all for this machine itself (localhost): every other name is resolved by DNS";
        }
        String listed = String.join(", ", pins.subList(0, Math.min(PINS_LISTED, pins.size())))
                + (pins.size() > PINS_LISTED ? " and " + (pins.size() - PINS_LISTED) + " more" : "");
        return "this host pins " + listed + ": requests to " + (names == 1 ? "that name" : "those names")
                + " go there, whatever DNS says";
    }
}

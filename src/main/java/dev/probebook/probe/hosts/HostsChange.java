package dev.probebook.probe.hosts;

import dev.probebook.command.HostSyntax;
import dev.probebook.command.UsageException;
import dev.probebook.net.HostsFile;
import dev.probebook.probe.ProbeContext;
import dev.probebook.probe.ProbeResult;
import dev.probebook.probe.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Previews adding a mapping to the hosts file, for the bare line form (what the runbook tells the
 * operator to type in the editor) and the {@code echo ... >> /etc/hosts} form. It NEVER writes: writing
 * the hosts file is a separate, guarded action. It compares the mapping with the current file and prints
 * a diff-like preview.
 *
 * <p>Resolver knowledge used here: glibc returns every hosts-file line that names a host, in file order,
 * and clients try the first address first. So appending a line for a name that already has an address of
 * the same family does not move the name: the old line stays first. Editing (the bare line form) does.
 */
final class HostsChange {

    private static final String NOT_WRITTEN = "not written: hosts-file writes are a separate, guarded action";

    private HostsChange() {}

    static ProbeResult preview(HostsCommand.Add cmd, ProbeContext ctx) {
        Path path = ctx.settings().hostsFile();
        HostsFile file;
        try {
            file = HostsFile.read(path);
        } catch (IOException e) {
            ctx.out("cannot read " + path + ": " + HostsView.reason(e));
            return HostsView.unreadable(path, e);
        }
        boolean append = cmd.form() == HostsCommand.Add.Form.APPEND;
        String proposed = cmd.line();

        List<HostsFile.Entry> present = new ArrayList<>();
        List<HostsDetails.Conflict> conflicts = new ArrayList<>();
        Map<Integer, HostsFile.Entry> conflicting = new TreeMap<>(); // by line
        boolean allPresent = true;
        for (String name : cmd.names()) {
            List<HostsFile.Entry> current = lookup(file, name, cmd.address());
            if (current.isEmpty()) {
                allPresent = false;
                continue;
            }
            HostsFile.Entry first = current.get(0);
            if (HostsFile.sameAddress(first.address(), cmd.address())) {
                if (!present.contains(first)) {
                    present.add(first);
                }
            } else {
                allPresent = false;
                conflicts.add(new HostsDetails.Conflict(name, first.address(), first.line(), cmd.address()));
                conflicting.putIfAbsent(first.line(), first);
                if (!append) {
                    // an edit must also take the name off later lines, or it keeps a second address
                    current.stream()
                            .skip(1)
                            .filter(e -> !HostsFile.sameAddress(e.address(), cmd.address()))
                            .forEach(e -> conflicting.putIfAbsent(e.line(), e));
                }
            }
        }
        HostsDetails details = HostsDetails.of(file, Files.exists(path)).withProposal(proposed, append, conflicts);

        ctx.out("--- " + path);
        ctx.out("+++ " + path + " (preview, not written)");
        if (allPresent) {
            present.forEach(e -> ctx.out("  " + file.lines().get(e.line() - 1)));
            String lines = String.join(
                    ", ", present.stream().map(e -> String.valueOf(e.line())).toList());
            // no proposal in the details: there is nothing to apply, so nobody is offered to apply it
            return ProbeResult.ok(
                    "already in " + path + ": '" + proposed + "' (line " + lines + "); nothing to change",
                    HostsDetails.of(file, Files.exists(path)));
        }
        for (HostsFile.Entry e : conflicting.values()) {
            String old = file.lines().get(e.line() - 1);
            if (append) {
                ctx.out("  " + old);
            } else {
                ctx.out("- " + old);
                List<String> remaining = e.names().stream()
                        .filter(n -> cmd.names().stream()
                                .noneMatch(p -> HostsFile.normalise(p).equals(HostsFile.normalise(n))))
                        .toList();
                if (!remaining.isEmpty()) {
                    ctx.out("+ " + e.address() + " " + String.join(" ", remaining));
                }
            }
        }
        ctx.out("+ " + proposed);

        if (conflicts.isEmpty()) {
            return new ProbeResult(
                    Verdict.SKIPPED, "would add '" + proposed + "' to " + path + " (" + NOT_WRITTEN + ")", details);
        }
        List<String> changes = conflicts.stream()
                .map(c -> c.name() + " from " + c.currentAddress() + " to " + c.proposedAddress() + " (line " + c.line()
                        + ")")
                .toList();
        String summary = "would change " + String.join(", ", changes);
        if (append) {
            String lines = String.join(
                    ", ",
                    conflicts.stream()
                            .map(c -> String.valueOf(c.line()))
                            .distinct()
                            .toList());
            summary += ", but appending keeps line " + lines + " first: clients would still try "
                    + conflicts.get(0).currentAddress() + " first, so edit line " + lines + " instead";
        }
        return ProbeResult.warn(summary + "; " + NOT_WRITTEN, details);
    }

    /** Current entries for a name with the family of the proposed address, matching IDN names in either form. */
    private static List<HostsFile.Entry> lookup(HostsFile file, String name, String address) {
        List<HostsFile.Entry> found = file.lookup(name, address);
        if (found.isEmpty()) {
            try {
                String ascii = HostSyntax.validate(name);
                if (!ascii.equalsIgnoreCase(name)) {
                    found = file.lookup(ascii, address);
                }
            } catch (UsageException e) {
                // validated at parse time; nothing else to try
            }
        }
        return found;
    }
}

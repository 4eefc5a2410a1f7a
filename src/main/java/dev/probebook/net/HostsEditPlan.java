package dev.probebook.net;

import dev.probebook.command.HostSyntax;
import dev.probebook.files.ContentHash;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Computes a {@link HostsEdit} from the file's bytes: the new lines, the diff and the notes. Pure: reads
 * nothing, writes nothing.
 *
 * <p>Resolver knowledge (as in the hosts probe's preview): glibc returns every line that names a host, in file
 * order, and clients try the first address first; IPv4 and IPv6 lines of a name are separate answers.
 * So {@link HostsFileEditor.Mode#ADD_OR_MOVE} takes the names off every other line of the same family
 * (dropping a line left without names) and puts the new line where the first of those was, or at the
 * end; lines of the other family are left alone. {@link HostsFileEditor.Mode#APPEND} adds the line at the
 * end, as {@code echo >>} does, unless every name already resolves to the address.
 */
final class HostsEditPlan {

    /** Leading blanks, the address and the blanks after it: kept when a line loses some of its names. */
    private static final Pattern ADDRESS_FIELD = Pattern.compile("^\\s*\\S+\\s+");

    private final HostsText text;
    private final HostsMapping mapping;
    private final List<HostsFile.Entry> sameFamily;
    private final Map<Integer, HostsFile.Entry> sameFamilyByLine = new HashMap<>();
    private final Map<String, List<HostsFile.Entry>> sameFamilyByName = new HashMap<>();
    private final List<HostsText.Line> out = new ArrayList<>();
    private final List<HostsEdit.Change> changes = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    private HostsEditPlan(HostsText text, HostsFile file, HostsMapping mapping) {
        this.text = text;
        this.mapping = mapping;
        this.sameFamily = file.entries().stream()
                .filter(e -> HostSyntax.isIpv4(e.address()) == mapping.isIpv4())
                .toList();
        for (HostsFile.Entry e : sameFamily) {
            sameFamilyByLine.put(e.line(), e);
            // keyed once per name in the file: a large hosts file (block lists) has 100,000 lines
            e.names().stream()
                    .map(HostsMapping::key)
                    .distinct()
                    .forEach(k -> sameFamilyByName
                            .computeIfAbsent(k, x -> new ArrayList<>())
                            .add(e));
        }
    }

    static HostsEdit of(Path path, byte[] bytes, HostsMapping mapping, HostsFileEditor.Mode mode) {
        HostsText text = HostsText.decode(bytes);
        HostsFile file = HostsFile.parse(path, text.texts());
        HostsEditPlan plan = new HostsEditPlan(text, file, mapping);
        plan.noteIdnNames();
        boolean changed = mode == HostsFileEditor.Mode.APPEND ? plan.append() : plan.addOrMove();
        plan.noteOtherFamily(file);
        String newText = changed ? plan.render() : text.render();
        return new HostsEdit(path, ContentHash.sha256(bytes), changed ? plan.changes : List.of(), newText, plan.notes);
    }

    // --- the two modes ---------------------------------------------------------------------------

    private boolean append() {
        boolean allResolve = true;
        for (String name : mapping.names()) {
            HostsFile.Entry first = naming(name).stream().findFirst().orElse(null);
            if (first == null) {
                allResolve = false;
            } else if (!HostsFile.sameAddress(first.address(), mapping.address())) {
                allResolve = false;
                notes.add(
                        "appending does not move " + name + ": line " + first.line() + " maps it to " + first.address()
                                + " and the resolver returns that line first, so clients still try " + first.address()
                                + "; edit the line instead (add or move) to move it");
            }
        }
        if (allResolve) {
            return false;
        }
        text.lines().forEach(out::add);
        add(mapping.line());
        return true;
    }

    private boolean addOrMove() {
        List<String> missing = mapping.names().stream()
                .filter(n -> naming(n).stream().noneMatch(e -> HostsFile.sameAddress(e.address(), mapping.address())))
                .toList();
        boolean placed = missing.isEmpty();
        boolean changed = false;
        for (int i = 0; i < text.lines().size(); i++) {
            HostsText.Line line = text.lines().get(i);
            HostsFile.Entry e = conflicting(i + 1);
            if (e == null) {
                out.add(line);
                continue;
            }
            changed = true;
            changes.add(new HostsEdit.Removed(i + 1, line.text()));
            List<String> remaining =
                    e.names().stream().filter(n -> !mapping.names(n)).toList();
            if (!remaining.isEmpty()) {
                add(withNames(line.text(), remaining));
            }
            if (!placed) {
                add(mapping.address() + " " + String.join(" ", missing));
                placed = true;
            }
        }
        if (!placed) {
            add(mapping.address() + " " + String.join(" ", missing));
            changed = true;
        }
        return changed;
    }

    /** The entry on this line when it gives one of the names another address of the same family. */
    private HostsFile.Entry conflicting(int line) {
        HostsFile.Entry e = sameFamilyByLine.get(line);
        return e != null
                        && !HostsFile.sameAddress(e.address(), mapping.address())
                        && e.names().stream().anyMatch(mapping::names)
                ? e
                : null;
    }

    /** Same-family entries that name {@code name} (one of the mapping's), in file order. */
    private List<HostsFile.Entry> naming(String name) {
        return sameFamilyByName.getOrDefault(HostsFile.normalise(name), List.of());
    }

    /** The line with only {@code names} after its address; its blanks and comment are kept. */
    private static String withNames(String line, List<String> names) {
        Matcher m = ADDRESS_FIELD.matcher(line);
        String head = m.lookingAt() ? m.group() : "";
        int hash = line.indexOf('#');
        return head + String.join(" ", names) + (hash < 0 ? "" : " " + line.substring(hash));
    }

    private void add(String line) {
        out.add(new HostsText.Line(line, text.newline()));
        changes.add(new HostsEdit.Added(out.size(), line));
    }

    /** The new text: a line that had no ending and is no longer last gets one. */
    private String render() {
        List<HostsText.Line> lines = new ArrayList<>(out);
        for (int i = 0; i < lines.size() - 1; i++) {
            if (lines.get(i).end().isEmpty()) {
                lines.set(i, new HostsText.Line(lines.get(i).text(), text.newline()));
            }
        }
        return new HostsText(lines, text.charset(), text.newline()).render();
    }

    // --- notes -----------------------------------------------------------------------------------

    private void noteIdnNames() {
        for (int i = 0; i < mapping.names().size(); i++) {
            String given = mapping.given().get(i);
            String ascii = mapping.names().get(i);
            if (!HostsFile.normalise(given).equals(HostsFile.normalise(ascii)) && ascii.contains("xn--")) {
                notes.add(given + " is written as " + ascii + ", the form resolvers look up");
            }
        }
    }

    private void noteOtherFamily(HostsFile file) {
        String family = mapping.isIpv4() ? "IPv6" : "IPv4";
        for (HostsFile.Entry e : file.entries()) {
            if (HostSyntax.isIpv4(e.address()) != mapping.isIpv4() && !HostsFile.isLocal(e)) {
                e.names().stream()
                        .filter(mapping::names)
                        .forEach(n -> notes.add(n + " also has the " + family + " address "
                                + e.address() + " (line " + e.line()
                                + "), which this edit leaves alone: clients that try "
                                + family + " first still use it"));
            }
        }
    }
}

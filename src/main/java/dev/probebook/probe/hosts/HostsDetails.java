package dev.probebook.probe.hosts;

import dev.probebook.net.HostsFile;
import dev.probebook.net.HostsFileEditor;
import dev.probebook.probe.ProbeDetails;
import java.util.List;
import java.util.Optional;

/**
 * What the hosts probe found: the configured file ({@code path}, which may differ from the
 * {@code /etc/hosts} written in the runbook), its entries and ignored lines; for the write forms the
 * proposed line and the names it would move; for {@code getent} the answers and where they came from.
 */
public record HostsDetails(
        String path,
        boolean exists,
        List<HostsFile.Entry> entries,
        List<String> invalid,
        String proposedLine,
        boolean proposedAppend,
        List<Conflict> conflicts,
        List<Answer> answers)
        implements ProbeDetails {

    /** A name the proposed line would move: today it resolves to {@code currentAddress} (line {@code line}). */
    public record Conflict(String name, String currentAddress, int line, String proposedAddress) {}

    /** One {@code getent} answer; {@code source} is {@code hosts-file}, {@code dns} or {@code system}. */
    public record Answer(String key, String address, List<String> names, String source) {
        public Answer {
            names = List.copyOf(names);
        }
    }

    /** The write-form proposal as the editor takes it: address and names, and whether it appends. */
    public Optional<HostsFileEditor.Mode> proposedMode() {
        return proposedLine == null
                ? Optional.empty()
                : Optional.of(proposedAppend ? HostsFileEditor.Mode.APPEND : HostsFileEditor.Mode.ADD_OR_MOVE);
    }

    public HostsDetails {
        entries = List.copyOf(entries);
        invalid = List.copyOf(invalid);
        conflicts = List.copyOf(conflicts);
        answers = List.copyOf(answers);
    }

    static HostsDetails of(HostsFile file, boolean exists) {
        return new HostsDetails(
                file.path().toString(), exists, file.entries(), file.invalid(), null, false, List.of(), List.of());
    }

    HostsDetails withProposal(String line, boolean append, List<Conflict> conflicts) {
        return new HostsDetails(path, exists, entries, invalid, line, append, conflicts, answers);
    }

    HostsDetails withAnswers(List<Answer> answers) {
        return new HostsDetails(path, exists, entries, invalid, proposedLine, proposedAppend, conflicts, answers);
    }
}

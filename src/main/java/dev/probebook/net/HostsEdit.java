package dev.probebook.net;

import java.nio.file.Path;
import java.util.List;

/**
 * The exact preview of a hosts-file edit, made by {@link HostsFileEditor#preview}: what will be written
 * if the file is still what it was then. {@link HostsFileEditor#apply} writes {@code newText} only when
 * the file's content still has {@code hash}; otherwise the user must preview again.
 *
 * @param path    the hosts file as configured
 * @param hash    SHA-256 (hex) of the file's bytes when previewed
 * @param changes the lines that change, in file order: removed lines with their line numbers in the current
 *                file, added lines with their line numbers in the new file; empty: nothing to change
 * @param newText the whole new file
 * @param notes   what the user should know about the effect (an appended line that does not take effect,
 *                a name written in its IDN ASCII form, an address of the other family left alone)
 */
public record HostsEdit(Path path, String hash, List<Change> changes, String newText, List<String> notes) {

    /** A changed line. {@link #display()} is the diff form: {@code - old line}, {@code + new line}. */
    public sealed interface Change permits Removed, Added {
        int line();

        String text();

        String display();
    }

    /** A line of the current file that goes (or is replaced by the {@link Added} line after it). */
    public record Removed(int line, String text) implements Change {
        @Override
        public String display() {
            return "- " + text;
        }
    }

    /** A line of the new file that is not in the current one. */
    public record Added(int line, String text) implements Change {
        @Override
        public String display() {
            return "+ " + text;
        }
    }

    public HostsEdit {
        changes = List.copyOf(changes);
        notes = List.copyOf(notes);
    }

    /** The mapping is already there: applying writes nothing. */
    public boolean nothingToChange() {
        return changes.isEmpty();
    }

    public int added() {
        return (int) changes.stream().filter(c -> c instanceof Added).count();
    }

    public int removed() {
        return (int) changes.stream().filter(c -> c instanceof Removed).count();
    }
}

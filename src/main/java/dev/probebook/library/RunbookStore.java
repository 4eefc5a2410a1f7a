package dev.probebook.library;

import dev.probebook.plan.RunbookPlan;
import dev.probebook.runbook.RunbookException;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the runbooks live: listed, loaded by name (the file name without {@code .md}), and changed only with a
 * check that nobody changed them in between. The notebook, the editor and the library page depend on this seam;
 * {@link RunbookFolder} keeps them as files in a folder. Names never reach outside the store.
 */
public interface RunbookStore {

    /** One runbook as the library page lists it. */
    record Entry(String name, String title, List<String> tags, String date, int runnableSteps, String problem) {
        public Entry {
            tags = List.copyOf(tags);
        }
    }

    /** A loaded runbook: its version (the SHA-256 of its bytes), its plan and what was noticed while reading it. */
    record Loaded(String name, String hash, RunbookPlan plan, List<String> warnings) {
        public Loaded {
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * A runbook's text for the editor.
     *
     * @param hash SHA-256 of the file's bytes: the version the editor opened, which {@link #save} expects
     */
    record Source(String name, String text, String hash, List<String> warnings) {
        public Source {
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * A saved runbook.
     *
     * @param backup the previous version's copy, or null for a runbook that was created
     * @param bytes  the size written
     * @param hash   SHA-256 of what was written: the version to expect on the next save
     */
    record Saved(String name, Path file, Path backup, long bytes, String hash) {}

    /** The folder the runbooks are read from (for messages). */
    Path folder();

    /** Every runbook, sorted by title; one that cannot be read is listed with its problem. */
    List<Entry> list();

    /** A runbook by name, parsed and planned. */
    Loaded load(String name) throws RunbookException;

    /** A runbook's stored text and the hash of its bytes, for editing. */
    Source source(String name) throws RunbookException;

    /**
     * Writes a new version of an existing runbook, only if it still has {@code expectedHash} (the version the text
     * was edited from), fits the size cap and parses.
     *
     * @throws RunbookSaveException nothing was written; the message says why
     */
    Saved save(String name, String text, String expectedHash) throws RunbookSaveException;

    /** Adds a runbook that does not exist yet. */
    Saved create(String name, String text) throws RunbookSaveException;
}

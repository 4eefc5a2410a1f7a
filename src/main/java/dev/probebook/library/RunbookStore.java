package dev.probebook.library;

import dev.probebook.plan.RunbookPlan;
import dev.probebook.runbook.RunbookException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the runbooks live: listed, loaded by name (the file name without {@code .md}), changed only with a check that
 * nobody changed them in between, and kept with their history. The notebook, the editor and the library page depend
 * on this seam; {@link GitRunbooks} keeps them as files in a git repository (with a shared remote if configured),
 * {@link RunbookFolder} reads and writes the files. Names never reach outside the store.
 */
public interface RunbookStore {

    /**
     * One runbook as the library page lists it.
     *
     * @param kind the front matter's {@code kind} ({@code drill}, {@code track}), null for a runbook
     * @param hash the content hash of the text the entry was read from, null when it could not be read
     */
    record Entry(
            String name,
            String title,
            List<String> tags,
            String date,
            int runnableSteps,
            String problem,
            String owner,
            String kind,
            String hash) {
        public Entry {
            tags = List.copyOf(tags);
        }
    }

    /**
     * A loaded runbook: its content hash (the SHA-256 of its bytes), its plan and what was noticed while reading it.
     */
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
     * @param version the commit that holds it, or null where there is no history
     * @param bytes   the size written
     * @param hash    SHA-256 of what was written: the version to expect on the next save
     */
    record Saved(String name, Path file, String version, long bytes, String hash) {}

    /** The folder the runbooks are read from (for messages). */
    Path folder();

    /**
     * Every runbook, sorted by title; one that cannot be read is listed with its problem. Unmodifiable, and the same
     * list may be given to every caller until the runbooks change: copy it to sort or filter it.
     */
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
    Saved save(String name, String text, String expectedHash, Change change) throws RunbookSaveException;

    /** Adds a runbook that does not exist yet. */
    Saved create(String name, String text, Change change) throws RunbookSaveException;

    /** Gives a runbook another name, if it still has {@code expectedHash}; its history goes with it. */
    Saved rename(String name, String newName, String expectedHash, Change change) throws RunbookSaveException;

    /** Removes a runbook, if it still has {@code expectedHash}; its history stays. */
    void delete(String name, String expectedHash, Change change) throws RunbookSaveException;

    /** A runbook's versions, newest first (empty where there is no history). */
    List<RunbookVersion> versions(String name) throws RunbookException;

    /** A runbook's text in one of its {@link #versions}. */
    String textAt(String name, String versionId) throws RunbookException;

    /** Each runbook's last change, by name (empty where there is no history). */
    Map<String, RunbookVersion> lastChanges();

    /**
     * What keeps the store from working fully, for the library to show: a repository that cannot be read, a shared
     * remote that cannot be reached. Empty when all is well.
     */
    Optional<String> problem();
}

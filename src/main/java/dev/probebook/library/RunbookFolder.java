package dev.probebook.library;

import dev.probebook.files.AtomicFile;
import dev.probebook.files.ContentHash;
import dev.probebook.files.FileChangedException;
import dev.probebook.files.FileWriteException;
import dev.probebook.library.RunbookSaveException.Problem;
import dev.probebook.plan.BlockKind;
import dev.probebook.plan.PlannedCommand;
import dev.probebook.plan.Planner;
import dev.probebook.plan.RunbookPlan;
import dev.probebook.registry.ProbeRegistry;
import dev.probebook.runbook.MarkdownParser;
import dev.probebook.runbook.Runbook;
import dev.probebook.runbook.RunbookException;
import dev.probebook.runbook.RunbookSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The runbooks folder: lists the {@code *.md} files in it and loads one by name (file name without
 * {@code .md}). A name can never reach outside the folder: separators and {@code ..} are refused, and the
 * resolved real path (links followed) must lie inside the folder's real path. A runbook is read on every request
 * (an edited runbook shows up on reload) and parsed again only when its bytes changed; the listing is kept while
 * the folder does not change.
 *
 * <p>Editing: {@link #source} gives the text and a hash of the bytes it came from; {@link #save} writes a new
 * version only if the file still has that hash, the text parses and fits the size cap, through
 * {@link AtomicFile} (whole or not at all, the previous version kept in the backup folder); {@link #create}
 * adds a runbook. Every refusal is a {@link RunbookSaveException} and leaves the folder as it was.
 *
 * <p>The files only: {@link GitRunbooks} adds their history and is the {@link RunbookStore} the app uses; without a
 * backup folder ({@code null}) a save keeps no loose copy, since the history has every version.
 *
 * <p>Thread-safe: the kept listing and parses are thread-safe; writes are serialised by {@link AtomicFile}.
 */
public final class RunbookFolder {

    private static final String NAME_RULE = "not a runbook name: use the file name without .md, no folders";

    private final Path folder;
    private final long maxBytes;
    private final ProbeRegistry registry;
    private final Path backupDir;
    private final Clock clock;
    private final AtomicFile files;
    private final Duration parseBudget;
    /** Room for a library of a few thousand runbooks, so a library page never parses them all again. */
    private final ParsedRunbooks parsed = new ParsedRunbooks(5_000);

    private final LibraryIndex index;

    /** A library whose saves keep backups in {@code data/runbook-backups} (the default data folder). */
    public RunbookFolder(Path folder, long maxBytes, ProbeRegistry registry) {
        this(folder, maxBytes, registry, Path.of("data", "runbook-backups"), Clock.systemDefaultZone());
    }

    /** Backups of saved runbooks go to {@code backupDir}, named in the clock's time zone. */
    public RunbookFolder(Path folder, long maxBytes, ProbeRegistry registry, Path backupDir, Clock clock) {
        this(folder, maxBytes, MarkdownParser.DEFAULT_BUDGET, registry, backupDir, clock, new AtomicFile());
    }

    /** {@code parseBudget}: how long one parse may take before the runbook counts as unreadable. */
    public RunbookFolder(
            Path folder, long maxBytes, Duration parseBudget, ProbeRegistry registry, Path backupDir, Clock clock) {
        this(folder, maxBytes, parseBudget, registry, backupDir, clock, new AtomicFile());
    }

    /** With other write steps, for fault tests. */
    RunbookFolder(Path folder, long maxBytes, ProbeRegistry registry, Path backupDir, Clock clock, AtomicFile files) {
        this(folder, maxBytes, MarkdownParser.DEFAULT_BUDGET, registry, backupDir, clock, files);
    }

    private RunbookFolder(
            Path folder,
            long maxBytes,
            Duration parseBudget,
            ProbeRegistry registry,
            Path backupDir,
            Clock clock,
            AtomicFile files) {
        this.parseBudget = parseBudget;
        this.folder = folder.toAbsolutePath().normalize();
        this.maxBytes = maxBytes;
        this.registry = registry;
        this.backupDir = backupDir;
        this.clock = clock;
        this.files = files;
        this.index = new LibraryIndex(this.folder, this::entry);
    }

    public Path folder() {
        return folder;
    }

    /**
     * Every runbook in the folder, by title (unmodifiable); kept while the folder does not change, and only new and
     * changed files are read and parsed again ({@link LibraryIndex}).
     */
    public List<RunbookStore.Entry> list() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        return index.list();
    }

    private RunbookStore.Entry entry(String name) {
        try {
            RunbookStore.Loaded loaded = load(name);
            Runbook rb = loaded.plan().runbook();
            return new RunbookStore.Entry(
                    name,
                    rb.title() == null || rb.title().isBlank() ? name : rb.title(),
                    rb.frontMatter().tags(),
                    rb.frontMatter().date(),
                    runnableSteps(loaded.plan()),
                    null,
                    rb.frontMatter().string("owner"),
                    rb.frontMatter().string("kind"),
                    loaded.hash());
        } catch (RunbookException e) {
            return new RunbookStore.Entry(name, name, List.of(), null, 0, e.getMessage(), null, null, null);
        }
    }

    /** Loads a runbook by name; refuses names that are not plain file names inside the folder. */
    public RunbookStore.Loaded load(String name) throws RunbookException {
        Path file = resolve(name);
        return parse(name, RunbookSource.readBytes(file, maxBytes), file.toString());
    }

    /** Parses (or finds parsed) these bytes of runbook {@code name}; {@code source} names them in messages. */
    private RunbookStore.Loaded parse(String name, byte[] bytes, String source) throws RunbookException {
        String hash = ContentHash.sha256(bytes);
        return parsed.get(name, hash, () -> parse(name, hash, RunbookSource.decode(bytes, source)));
    }

    private RunbookStore.Loaded parse(String name, String hash, RunbookSource.Text text) throws RunbookException {
        Runbook runbook = new MarkdownParser(parseBudget).parse(text.text(), name);
        List<String> warnings = new ArrayList<>(text.warnings());
        warnings.addAll(runbook.warnings());
        return new RunbookStore.Loaded(name, hash, new Planner(registry).plan(runbook), warnings);
    }

    /** The stored text of a runbook and the hash of its bytes, for editing; same name rules as {@link #load}. */
    public RunbookStore.Source source(String name) throws RunbookException {
        Path file = resolve(name);
        byte[] bytes = RunbookSource.readBytes(file, maxBytes);
        RunbookSource.Text text = RunbookSource.decode(bytes, file.toString());
        return new RunbookStore.Source(name, text.text(), ContentHash.sha256(bytes), text.warnings());
    }

    /**
     * Writes a new version of an existing runbook, keeping the previous one in the backup folder.
     *
     * @param expectedHash {@link RunbookStore.Source#hash()} of the version the text was edited from: when the file no
     *                     longer has it, someone else saved meanwhile and nothing is written
     * @throws RunbookSaveException nothing was written; the message says why
     */
    public RunbookStore.Saved save(String name, String text, String expectedHash) throws RunbookSaveException {
        byte[] bytes = checked(name, text);
        Path file;
        try {
            file = resolve(name);
        } catch (RunbookException e) {
            if (Files.exists(folder.resolve(name + ".md"), LinkOption.NOFOLLOW_LINKS)) {
                throw new RunbookSaveException(Problem.NAME, e.getMessage() + ". Nothing was saved.", e);
            }
            throw new RunbookSaveException(
                    Problem.GONE,
                    "there is no runbook '" + name + "' any more: it was deleted or"
                            + " renamed since you opened it. Your text is kept: copy it, or save it as a new runbook.",
                    e);
        }
        try {
            files.replace(
                    file,
                    current -> {
                        if (!ContentHash.sha256(current).equals(expectedHash)) {
                            throw new FileChangedException(file, "changed since it was opened");
                        }
                        return bytes;
                    },
                    backupDir,
                    clock);
            index.forget(name); // even a same-size save within one clock tick is read again
            return new RunbookStore.Saved(name, file, null, bytes.length, ContentHash.sha256(bytes));
        } catch (FileChangedException e) {
            throw new RunbookSaveException(
                    Problem.CHANGED,
                    "'" + name + "' was changed by someone else since you opened it;"
                            + " your text is kept — copy it, reload, and merge. Nothing was saved.",
                    e);
        } catch (FileWriteException e) {
            throw new RunbookSaveException(Problem.WRITE, e.getMessage(), e);
        }
    }

    /**
     * Adds a runbook that does not exist yet; {@code .md} is added to the name (and a typed {@code .md}
     * is not doubled).
     *
     * @throws RunbookSaveException nothing was written; {@link Problem#EXISTS} when the name is taken
     */
    public RunbookStore.Saved create(String name, String text) throws RunbookSaveException {
        String plain = name == null ? null : name.strip().replaceFirst("(?i)\\.md$", "");
        byte[] bytes = checked(plain, text);
        Path file = folder.resolve(plain + ".md");
        try {
            files.create(file, bytes);
        } catch (FileChangedException e) {
            throw new RunbookSaveException(
                    Problem.EXISTS,
                    "a runbook named '" + plain + "' already exists; your text is kept"
                            + " — choose another name, or open that runbook and merge. Nothing was saved.",
                    e);
        } catch (FileWriteException e) {
            throw new RunbookSaveException(Problem.WRITE, e.getMessage(), e);
        }
        index.forget(plain);
        return new RunbookStore.Saved(plain, file, null, bytes.length, ContentHash.sha256(bytes));
    }

    /**
     * Moves a runbook to a new name, only if it still has {@code expectedHash} and the new name is free.
     *
     * @throws RunbookSaveException nothing was moved; the message says why
     */
    public Path rename(String name, String newName, String expectedHash) throws RunbookSaveException {
        String plain = newName == null ? null : newName.strip().replaceFirst("(?i)\\.md$", "");
        if (!validName(plain)) {
            throw new RunbookSaveException(Problem.NAME, NAME_RULE + ". Nothing was renamed.", null);
        }
        Path file = existing(name, expectedHash, "renamed");
        Path target = folder.resolve(plain + ".md");
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new RunbookSaveException(
                    Problem.EXISTS, "a runbook named '" + plain + "' already exists. Nothing was renamed.", null);
        }
        try {
            Path moved = Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
            index.forget(name);
            index.forget(plain);
            return moved;
        } catch (IOException e) {
            throw new RunbookSaveException(
                    Problem.WRITE, "cannot rename " + file + ": " + e.getMessage() + ". Nothing was renamed.", e);
        }
    }

    /**
     * Deletes a runbook's file, only if it still has {@code expectedHash}.
     *
     * @throws RunbookSaveException nothing was deleted; the message says why
     */
    public void delete(String name, String expectedHash) throws RunbookSaveException {
        Path file = existing(name, expectedHash, "deleted");
        try {
            Files.delete(file);
            index.forget(name);
        } catch (IOException e) {
            throw new RunbookSaveException(
                    Problem.WRITE, "cannot delete " + file + ": " + e.getMessage() + ". Nothing was deleted.", e);
        }
    }

    /** The file of runbook {@code name}, checked to still have {@code expectedHash}. */
    private Path existing(String name, String expectedHash, String what) throws RunbookSaveException {
        Path file;
        byte[] current;
        try {
            file = resolve(name);
            current = Files.readAllBytes(file);
        } catch (RunbookException | IOException e) {
            throw new RunbookSaveException(
                    Problem.GONE, "there is no runbook '" + name + "' any more. Nothing was " + what + ".", e);
        }
        if (!ContentHash.sha256(current).equals(expectedHash)) {
            throw new RunbookSaveException(
                    Problem.CHANGED,
                    "'" + name + "' was changed by someone else since you opened it. Nothing was " + what + ".",
                    null);
        }
        return file;
    }

    /** The text as bytes once the name, the size cap and the parser (the one {@link #load} uses) accept it. */
    private byte[] checked(String name, String text) throws RunbookSaveException {
        if (!validName(name)) {
            throw new RunbookSaveException(Problem.NAME, NAME_RULE + ". Nothing was saved.", null);
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > maxBytes) {
            throw new RunbookSaveException(
                    Problem.TOO_LARGE,
                    "the text is " + bytes.length + " bytes; runbooks are limited to " + maxBytes
                            + " bytes (probebook.runbook.max-bytes). Nothing was saved.",
                    null);
        }
        try {
            RunbookStore.Loaded loaded = parse(name, bytes, name);
            for (String warning : loaded.warnings()) {
                if (warning.startsWith(MarkdownParser.FRONT_MATTER_PROBLEM)) {
                    throw new RunbookSaveException(
                            Problem.INVALID,
                            "the front matter (the --- block at the top) cannot be read: " + warning
                                    + ". Nothing was saved.",
                            null);
                }
            }
        } catch (RunbookException e) {
            throw new RunbookSaveException(
                    Problem.INVALID,
                    "the text cannot be read as a runbook: " + e.getMessage() + ". Nothing was saved.",
                    e);
        }
        return bytes;
    }

    /** The file of a runbook name, checked to be inside the folder. */
    Path resolve(String name) throws RunbookException {
        if (!validName(name)) {
            throw new RunbookException(NAME_RULE);
        }
        Path file = folder.resolve(name + ".md").normalize();
        if (!file.startsWith(folder) || !Files.isRegularFile(file)) {
            throw new RunbookException("no runbook named '" + name + "'");
        }
        try {
            if (!file.toRealPath().startsWith(folder.toRealPath())) {
                throw new RunbookException("runbook '" + name + "' points outside the runbooks folder");
            }
        } catch (IOException e) {
            throw new RunbookException("no runbook named '" + name + "'");
        }
        return file;
    }

    static boolean validName(String name) {
        return name != null
                && !name.isBlank()
                && name.length() <= 200
                && !name.contains("/")
                && !name.contains("\\")
                && !name.contains("..")
                && !name.startsWith(".")
                && name.chars().noneMatch(c -> c < 0x20);
    }

    /** Steps with at least one command a probe can run. */
    public static int runnableSteps(RunbookPlan plan) {
        return (int) plan.blocks().stream()
                .filter(b -> b.kind() == BlockKind.STEP)
                .filter(b -> b.commands().stream().anyMatch(PlannedCommand::runnable))
                .count();
    }
}

package dev.probebook.notebook;

import dev.probebook.plan.BlockKind;
import dev.probebook.plan.PlannedCommand;
import dev.probebook.plan.Planner;
import dev.probebook.plan.RunbookPlan;
import dev.probebook.probe.ProbeRegistry;
import dev.probebook.runbook.MarkdownParser;
import dev.probebook.runbook.Runbook;
import dev.probebook.runbook.RunbookException;
import dev.probebook.runbook.RunbookSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The runbooks folder: lists the {@code *.md} files in it and loads one by name (file name without
 * {@code .md}). A name can never reach outside the folder: separators and {@code ..} are refused, and the
 * resolved real path (links followed) must lie inside the folder's real path. Parsing is cheap, so files are
 * read on every request (an edited runbook shows up on reload). Thread-safe: no mutable state.
 */
public final class RunbookLibrary {

    /** One runbook as the library page lists it. */
    public record Entry(String name, String title, List<String> tags, String date, int runnableSteps, String problem) {
        public Entry {
            tags = List.copyOf(tags);
        }
    }

    /** A loaded runbook: its plan and what was noticed while reading it. */
    public record Loaded(String name, RunbookPlan plan, List<String> warnings) {
        public Loaded {
            warnings = List.copyOf(warnings);
        }
    }

    private final Path folder;
    private final long maxBytes;
    private final ProbeRegistry registry;

    public RunbookLibrary(Path folder, long maxBytes, ProbeRegistry registry) {
        this.folder = folder.toAbsolutePath().normalize();
        this.maxBytes = maxBytes;
        this.registry = registry;
    }

    public Path folder() {
        return folder;
    }

    public List<Entry> list() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            files.filter(f -> f.getFileName().toString().endsWith(".md") && Files.isRegularFile(f))
                    .forEach(f -> names.add(f.getFileName().toString().replaceFirst("\\.md$", "")));
        } catch (IOException e) {
            return List.of();
        }
        List<Entry> entries = new ArrayList<>();
        for (String name : names) {
            try {
                Loaded loaded = load(name);
                Runbook rb = loaded.plan().runbook();
                entries.add(new Entry(name, rb.title() == null || rb.title().isBlank() ? name : rb.title(),
                        rb.frontMatter().tags(), rb.frontMatter().date(), runnableSteps(loaded.plan()), null));
            } catch (RunbookException e) {
                entries.add(new Entry(name, name, List.of(), null, 0, e.getMessage()));
            }
        }
        entries.sort(Comparator.comparing(Entry::title, String.CASE_INSENSITIVE_ORDER));
        return entries;
    }

    /** Loads a runbook by name; refuses names that are not plain file names inside the folder. */
    public Loaded load(String name) throws RunbookException {
        Path file = resolve(name);
        RunbookSource.Text text = RunbookSource.read(file, maxBytes);
        Runbook runbook = new MarkdownParser().parse(text.text(), name);
        List<String> warnings = new ArrayList<>(text.warnings());
        warnings.addAll(runbook.warnings());
        return new Loaded(name, new Planner(registry).plan(runbook), warnings);
    }

    /** The file of a runbook name, checked to be inside the folder. */
    Path resolve(String name) throws RunbookException {
        if (!validName(name)) {
            throw new RunbookException("not a runbook name: use the file name without .md, no folders");
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
        return name != null && !name.isBlank() && name.length() <= 200 && !name.contains("/") && !name.contains("\\")
                && !name.contains("..") && !name.startsWith(".") && name.chars().noneMatch(c -> c < 0x20);
    }

    /** Steps with at least one command a probe can run. */
    public static int runnableSteps(RunbookPlan plan) {
        return (int) plan.blocks().stream().filter(b -> b.kind() == BlockKind.STEP)
                .filter(b -> b.commands().stream().anyMatch(PlannedCommand::runnable)).count();
    }
}

package dev.probebook.library;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The library's listing kept between visits: each runbook's entry (title, tags, owner, kind, steps, or the reason it
 * does not parse) with the file's stamp (size, modification time, file key) when it was read. A listing stats the
 * files and reads and parses only those whose stamp changed (a save, a pull, an edit on disk) or that are new, so a
 * library of thousands costs a directory read and a stat per file, not a read, hash and parse per file per visit.
 *
 * <p>New and changed files are read on two background threads, and a listing waits for them at most {@link #WAIT}:
 * a runbook that is slow to parse (a huge file using its whole parse budget) is listed as "still being read" rather
 * than holding up the list, and appears with its entry or its error on a later listing.
 *
 * <p>Thread-safe; the reader threads are daemons and end with the JVM.
 */
final class LibraryIndex {

    /** The longest a listing waits for files it has to read. */
    static final Duration WAIT = Duration.ofSeconds(2);

    /** The problem shown for a runbook whose reading has not finished. */
    static final String BEING_READ = "still being read (a large or slow file): refresh in a moment";

    private record Stamp(long size, long modifiedNanos, Object key) {}

    private record Indexed(Stamp stamp, RunbookStore.Entry entry) {}

    private record Reading(Stamp stamp, CompletableFuture<RunbookStore.Entry> entry) {}

    private final Map<String, Indexed> entries = new ConcurrentHashMap<>();
    private final Map<String, Reading> reading = new ConcurrentHashMap<>();
    private final ExecutorService readers = Executors.newFixedThreadPool(
            2, r -> Thread.ofPlatform().daemon().name("runbook-reader").unstarted(r));

    /**
     * The entries of the {@code .md} files in {@code folder}, sorted by title; {@code read} makes the entry of a file
     * that is new or changed (and must not throw: a runbook that does not parse is an entry with its problem).
     */
    List<RunbookStore.Entry> list(Path folder, Function<String, RunbookStore.Entry> read) {
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(f -> f.getFileName().toString().endsWith(".md"))
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
        Set<String> seen = new HashSet<>();
        List<RunbookStore.Entry> out = new ArrayList<>(files.size());
        Map<String, Reading> waiting = new LinkedHashMap<>();
        for (Path file : files) {
            BasicFileAttributes a;
            try {
                a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (IOException e) {
                continue; // gone since the directory was read
            }
            if (!a.isRegularFile()) {
                continue;
            }
            String name = file.getFileName().toString().replaceFirst("\\.md$", "");
            seen.add(name);
            Stamp stamp = new Stamp(
                    a.size(),
                    TimeUnit.SECONDS.toNanos(a.lastModifiedTime().toInstant().getEpochSecond())
                            + a.lastModifiedTime().toInstant().getNano(),
                    a.fileKey());
            Indexed known = entries.get(name);
            if (known != null && known.stamp().equals(stamp)) {
                out.add(known.entry());
                continue;
            }
            waiting.put(
                    name,
                    reading.compute(
                            name,
                            (n, old) -> old != null && old.stamp().equals(stamp)
                                    ? old
                                    : new Reading(stamp, CompletableFuture.supplyAsync(() -> read.apply(n), readers))));
        }
        long deadline = System.nanoTime() + WAIT.toNanos();
        for (Map.Entry<String, Reading> w : waiting.entrySet()) {
            String name = w.getKey();
            Reading r = w.getValue();
            try {
                RunbookStore.Entry entry =
                        r.entry().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                entries.put(name, new Indexed(r.stamp(), entry));
                reading.remove(name, r);
                out.add(entry);
            } catch (TimeoutException e) {
                out.add(new RunbookStore.Entry(name, name, List.of(), null, 0, BEING_READ, null, null, null));
            } catch (ExecutionException | RuntimeException e) {
                reading.remove(name, r);
                out.add(new RunbookStore.Entry(
                        name, name, List.of(), null, 0, String.valueOf(e.getCause()), null, null, null));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                out.add(new RunbookStore.Entry(name, name, List.of(), null, 0, BEING_READ, null, null, null));
            }
        }
        entries.keySet().retainAll(seen);
        reading.keySet().retainAll(seen);
        out.sort(Comparator.comparing(RunbookStore.Entry::title, String.CASE_INSENSITIVE_ORDER));
        return out;
    }

    /** Forgets a runbook's entry (the app changed its file): the next listing reads it again. */
    void forget(String name) {
        entries.remove(name);
        reading.remove(name);
    }
}

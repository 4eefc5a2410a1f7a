package dev.probebook.library;

import dev.probebook.files.FolderChanges;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
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
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/**
 * The library's listing kept between visits: each runbook's entry (title, tags, owner, kind, steps, or the reason it
 * does not parse) with the file's stamp (size, modification time, file key) when it was read.
 *
 * <p>The sorted listing itself is kept too, and given again while nothing in the folder changed: {@link FolderChanges}
 * tells from the kernel's events (a save, a pull, an edit on disk) without a stat of each file, so a visit to a library
 * of thousands costs nothing here. After a change, a listing stats every file and reads and parses only those whose
 * stamp changed or that are new. It also stats them all when the kept listing is older than
 * {@link FolderChanges#UNREPORTED}, for changes the kernel does not report.
 *
 * <p>New and changed files are read on two background threads, and a listing waits for them at most {@link #WAIT}:
 * a runbook that is slow to parse (a huge file using its whole parse budget) is listed as "still being read" rather
 * than holding up the list, and appears with its entry or its error on a later listing.
 *
 * <p>Thread-safe. Deciding and stat-ing hold the index's lock (milliseconds); waiting for files being read does not,
 * so visits at the same time wait together. A listing is kept only if no change was seen since it began (the
 * listing's generation), so a slower, older listing never replaces a newer one. The reader threads are daemons and
 * end with the JVM.
 */
final class LibraryIndex {

    /** The longest a listing waits for files it has to read. */
    static final Duration WAIT = Duration.ofSeconds(2);

    /** The problem shown for a runbook whose reading has not finished. */
    static final String BEING_READ = "still being read (a large or slow file): refresh in a moment";

    private record Stamp(long size, long modifiedNanos, Object key) {}

    private record Indexed(Stamp stamp, RunbookStore.Entry entry) {}

    private record Reading(Stamp stamp, CompletableFuture<RunbookStore.Entry> entry) {}

    /** A whole listing; {@code complete} when every entry was read (none still being read or failed unexpectedly). */
    private record Listing(List<RunbookStore.Entry> entries, boolean complete, long madeNanos) {}

    /** What a stat pass found: the entries already known, and the files still being read. */
    private record Pass(
            List<RunbookStore.Entry> known, Map<String, Reading> waiting, long generation, long madeNanos) {}

    private final Path folder;
    private final Function<String, RunbookStore.Entry> read;
    private final BooleanSupplier folderChanged;
    private final LongSupplier nanoTime;

    /** Guarded by this. */
    private Listing kept;
    /** Guarded by this: one more each time a change is seen; a listing begun before it is not kept. */
    private long generation;
    /** Set by {@link #forget}: the next listing looks at the files, whatever the events say. */
    private volatile boolean forgotten;

    private final Map<String, Indexed> entries = new ConcurrentHashMap<>();
    private final Map<String, Reading> reading = new ConcurrentHashMap<>();
    private final ExecutorService readers = Executors.newFixedThreadPool(
            2, r -> Thread.ofPlatform().daemon().name("runbook-reader").unstarted(r));

    /**
     * The index of the {@code .md} files in {@code folder}; {@code read} makes the entry of a file that is new or
     * changed (and must not throw: a runbook that does not parse is an entry with its problem). The folder is watched
     * from the first listing on (a folder that is never listed is never watched).
     */
    LibraryIndex(Path folder, Function<String, RunbookStore.Entry> read) {
        this(folder, read, firstListingWatches(folder), System::nanoTime);
    }

    /** With the folder's changes and the clock given, for tests. */
    LibraryIndex(
            Path folder,
            Function<String, RunbookStore.Entry> read,
            BooleanSupplier folderChanged,
            LongSupplier nanoTime) {
        this.folder = folder;
        this.read = read;
        this.folderChanged = folderChanged;
        this.nanoTime = nanoTime;
    }

    private static BooleanSupplier firstListingWatches(Path folder) {
        FolderChanges[] changes = new FolderChanges[1]; // confined to the index's lock
        return () -> {
            if (changes[0] == null) {
                changes[0] = FolderChanges.watch(folder);
            }
            return changes[0].changed();
        };
    }

    /** The entries of the runbooks in the folder, sorted by title; unmodifiable, and shared between callers. */
    List<RunbookStore.Entry> list() {
        Pass pass;
        synchronized (this) {
            // events are taken before the files are looked at: a change during the listing shows on the next one
            boolean changed = folderChanged.getAsBoolean();
            if (forgotten) {
                forgotten = false;
                changed = true;
            }
            if (changed) {
                generation++;
            }
            Listing last = kept;
            if (!changed
                    && last != null
                    && last.complete()
                    && nanoTime.getAsLong() - last.madeNanos() < FolderChanges.UNREPORTED.toNanos()) {
                return last.entries();
            }
            kept = null; // whatever happens below, the old listing is not given again
            pass = stat();
        }
        if (pass == null) {
            return List.of();
        }
        List<RunbookStore.Entry> out = new ArrayList<>(pass.known());
        boolean complete = waitFor(pass.waiting(), out);
        out.sort(Comparator.comparing(RunbookStore.Entry::title, String.CASE_INSENSITIVE_ORDER));
        Listing listing = new Listing(Collections.unmodifiableList(out), complete, pass.madeNanos());
        synchronized (this) {
            if (generation == pass.generation() && (kept == null || kept.madeNanos() < listing.madeNanos())) {
                kept = listing;
            }
        }
        return listing.entries();
    }

    /** Lists and stats the folder (under the lock); starts reading new and changed files. {@code null}: unreadable. */
    private Pass stat() {
        long made = nanoTime.getAsLong();
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(f -> f.getFileName().toString().endsWith(".md"))
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            return null;
        }
        Set<String> seen = new HashSet<>();
        List<RunbookStore.Entry> known = new ArrayList<>(files.size());
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
            String fileName = file.getFileName().toString();
            String name = fileName.substring(0, fileName.length() - ".md".length());
            seen.add(name);
            Stamp stamp = new Stamp(
                    a.size(),
                    TimeUnit.SECONDS.toNanos(a.lastModifiedTime().toInstant().getEpochSecond())
                            + a.lastModifiedTime().toInstant().getNano(),
                    a.fileKey());
            Indexed indexed = entries.get(name);
            if (indexed != null && indexed.stamp().equals(stamp)) {
                known.add(indexed.entry());
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
        entries.keySet().retainAll(seen);
        reading.keySet().retainAll(seen);
        return new Pass(known, waiting, generation, made);
    }

    /** Waits for the files being read (without the lock), adding their entries; whether all of them came. */
    private boolean waitFor(Map<String, Reading> waiting, List<RunbookStore.Entry> out) {
        boolean complete = true;
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
                complete = false;
                out.add(new RunbookStore.Entry(name, name, List.of(), null, 0, BEING_READ, null, null, null));
            } catch (ExecutionException | RuntimeException e) {
                complete = false;
                reading.remove(name, r);
                out.add(new RunbookStore.Entry(
                        name, name, List.of(), null, 0, String.valueOf(e.getCause()), null, null, null));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                complete = false;
                out.add(new RunbookStore.Entry(name, name, List.of(), null, 0, BEING_READ, null, null, null));
            }
        }
        return complete;
    }

    /** Forgets a runbook's entry (the app changed its file): the next listing reads it again. */
    void forget(String name) {
        entries.remove(name);
        reading.remove(name);
        forgotten = true;
    }
}

package dev.probebook.library;

import dev.probebook.files.AtomicFile;
import dev.probebook.files.ContentHash;
import dev.probebook.files.FileWriteException;
import dev.probebook.files.FolderChanges;
import dev.probebook.library.RunbookSaveException.Problem;
import dev.probebook.runbook.RunbookException;
import dev.probebook.runbook.RunbookSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runbooks as the app keeps them: files in a folder ({@link RunbookFolder}) that is a git repository
 * ({@link RunbookRepository}), optionally shared through a remote ({@link RunbookRemote}).
 *
 * <ul>
 *   <li>Every change (save, create, rename, delete, restore) is one commit by the person who made it, with their
 *       message. A change whose commit fails is undone on disk, so the files and the history never disagree.
 *   <li>Changes made to the files outside the app are committed as "outside Probebook" when the app next looks (at
 *       most every two seconds, and before every change).
 *   <li>With a remote: pulled in the background every {@code probebook.runbooks.pull-interval} and before every
 *       change; pushed after every change. When someone else pushed first, the local commit is undone, their work is
 *       pulled, and the change is tried again on top of it; if they changed the same runbook, the save is refused as
 *       a conflict with their text attached. Nothing is ever force-pushed.
 *   <li>When the repository cannot be opened (corrupt, locked, not writable) or the remote cannot be reached, the app
 *       keeps serving the files it has and {@link #problem} says what is wrong; changes are refused with the reason.
 * </ul>
 *
 * <p>Thread-safe: one lock serialises every change, the outside-change check and the remote sync; reads of the files
 * and of committed history run beside them.
 */
public final class GitRunbooks implements RunbookStore, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GitRunbooks.class);
    /** How often a read may look for files changed outside the app. */
    private static final Duration OUTSIDE_CHECK = Duration.ofSeconds(2);

    private static final int VERSIONS_SHOWN = 500;
    private static final int PUSH_ATTEMPTS = 3;

    private final RunbookFolder files;
    private final long maxBytes;
    private final LibrarySettings settings;
    private final RunbookRemote remote;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final RunbookRepository repo;
    private final String repoProblem;
    private volatile String remoteProblem;
    private volatile Instant lastOutsideCheck = Instant.MIN;
    /**
     * Whether the folder changed since the last status: a status of thousands of files costs tens to hundreds of
     * milliseconds of CPU, so it runs only after a change. Asked under {@link #lock}.
     */
    private final FolderChanges outsideEvents;
    /**
     * When a status last ran (under {@link #lock}); {@link Instant#MIN} makes the next check run one. A status runs at
     * least every {@link FolderChanges#UNREPORTED} whatever the events say: for changes the kernel does not report,
     * and for those made only in the repository ({@code git add} or {@code git reset --soft} by hand).
     */
    private Instant lastStatus = Instant.MIN;
    /** Statuses run, for tests. */
    private final AtomicLong statuses = new AtomicLong();

    private final ExecutorService outsideChecks = Executors.newSingleThreadExecutor(
            r -> Thread.ofPlatform().daemon().name("runbook-outside-changes").unstarted(r));
    private final AtomicBoolean outsideQueued = new AtomicBoolean();
    private ScheduledExecutorService puller;

    private GitRunbooks(
            RunbookFolder files,
            long maxBytes,
            LibrarySettings settings,
            Clock clock,
            RunbookRepository repo,
            String repoProblem,
            String remoteProblem) {
        this.files = files;
        this.maxBytes = maxBytes;
        this.settings = settings;
        this.remote = settings.hasRemote() ? new RunbookRemote(settings) : null;
        this.clock = clock;
        this.repo = repo;
        this.repoProblem = repoProblem;
        this.remoteProblem = remoteProblem;
        this.outsideEvents = FolderChanges.watch(files.folder());
    }

    /**
     * Opens the runbooks of {@code files}' folder: clones the remote into a missing or empty folder, makes a
     * repository of a plain folder, and pulls; never fails for a problem with git (it is kept for {@link #problem}).
     */
    public static GitRunbooks open(RunbookFolder files, long maxBytes, LibrarySettings settings, Clock clock) {
        Path folder = files.folder();
        RunbookRemote remote = settings.hasRemote() ? new RunbookRemote(settings) : null;
        String remoteProblem = null;
        RunbookRepository repo = null;
        String repoProblem = null;
        try {
            if (remote != null && !Files.exists(folder.resolve(".git")) && isEmpty(folder)) {
                try {
                    repo = RunbookRepository.of(folder, remote.cloneInto(folder));
                } catch (IOException e) {
                    remoteProblem = e.getMessage();
                }
            }
            if (repo == null) {
                repo = RunbookRepository.open(folder);
            }
        } catch (IOException e) {
            repoProblem = e.getMessage() + ": serving the files as they are; changes are refused until it is mended";
            LOG.warn("runbooks: {}", repoProblem);
        }
        if (repo != null && remote != null) {
            try {
                remote.configure(repo.git());
            } catch (IOException e) {
                remoteProblem = e.getMessage();
            }
        }
        GitRunbooks store = new GitRunbooks(files, maxBytes, settings, clock, repo, repoProblem, remoteProblem);
        if (repo != null && remote != null) {
            store.sync();
        }
        return store;
    }

    private static boolean isEmpty(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return true;
        }
        try (Stream<Path> list = Files.list(folder)) {
            return list.findAny().isEmpty();
        }
    }

    /** Pulls (and pushes what is unpublished) in the background, every {@code pull-interval}. */
    public GitRunbooks startPulling() {
        if (repo != null && remote != null && puller == null) {
            puller = Executors.newSingleThreadScheduledExecutor(
                    r -> Thread.ofPlatform().daemon().name("runbooks-pull").unstarted(r));
            long every = Math.max(1, settings.pullInterval().toMillis());
            puller.scheduleWithFixedDelay(this::sync, every, every, TimeUnit.MILLISECONDS);
        }
        return this;
    }

    /** One round with the remote: outside changes committed, the remote's work merged in, ours pushed. */
    public void sync() {
        lock.lock();
        try {
            repo.commitOutsideChanges();
            ObjectId theirs = remote.fetch(repo.git());
            remote.integrate(repo, theirs);
            ObjectId head = repo.head();
            if (head != null && !head.equals(theirs)) {
                remote.push(repo.git()); // rejected: someone pushed meanwhile; the next round merges and pushes
            }
            remoteProblem = null;
        } catch (IOException | RuntimeException e) {
            if (!e.getMessage().equals(remoteProblem)) {
                LOG.warn("runbooks: {}", e.getMessage());
            }
            remoteProblem = e.getMessage();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Path folder() {
        return files.folder();
    }

    @Override
    public List<Entry> list() {
        noticeOutsideChangesSoon();
        return files.list();
    }

    @Override
    public Loaded load(String name) throws RunbookException {
        noticeOutsideChangesSoon();
        return files.load(name);
    }

    @Override
    public Source source(String name) throws RunbookException {
        noticeOutsideChangesSoon();
        return files.source(name);
    }

    /**
     * For reads of the files (the library, a runbook page): commits files changed outside the app on a background
     * thread, since finding them is a status of the whole working tree (tens to hundreds of milliseconds at thousands
     * of runbooks) and the files read are the same either way.
     */
    private void noticeOutsideChangesSoon() {
        if (repo == null || clock.instant().isBefore(lastOutsideCheck.plus(OUTSIDE_CHECK))) {
            return;
        }
        if (outsideQueued.compareAndSet(false, true)) {
            outsideChecks.execute(() -> {
                try {
                    noticeOutsideChanges();
                } finally {
                    outsideQueued.set(false);
                }
            });
        }
    }

    /**
     * Commits files changed outside the app, at most every two seconds and only when the folder's events say
     * something changed (or a minute passed); for reads of the history, which must show them, so it waits for a
     * change in progress (or a background check) to end.
     */
    private void noticeOutsideChanges() {
        if (repo == null) {
            return;
        }
        lock.lock(); // first: a check in progress elsewhere has already moved lastOutsideCheck
        try {
            Instant now = clock.instant();
            if (now.isBefore(lastOutsideCheck.plus(OUTSIDE_CHECK))) {
                return; // done meanwhile, by the change or check we waited for
            }
            lastOutsideCheck = now;
            // the events are taken before the status: a change made during it shows at the next check
            if (!outsideEvents.changed() && now.isBefore(lastStatus.plus(FolderChanges.UNREPORTED))) {
                return;
            }
            lastStatus = Instant.MIN; // until this status has succeeded
            statuses.incrementAndGet();
            RevCommit outside = repo.commitOutsideChanges();
            lastStatus = now;
            if (outside != null && puller != null) {
                puller.execute(this::sync); // publish it without making this read wait for the network
            }
        } catch (IOException e) {
            LOG.warn("runbooks: {}", e.getMessage());
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Saved save(String name, String text, String expectedHash, Change change) throws RunbookSaveException {
        String file = name + ".md";
        return commitChange(change, "Edited " + file, () -> {
            byte[] before = current(name);
            Saved saved;
            try {
                saved = files.save(name, text, expectedHash);
            } catch (RunbookSaveException e) {
                throw withTheirs(e, name);
            }
            return new Applied(saved, Set.of(file), Set.of(), () -> put(saved.file(), before));
        });
    }

    @Override
    public Saved create(String name, String text, Change change) throws RunbookSaveException {
        return commitChange(change, null, () -> {
            Saved saved = files.create(name, text);
            return new Applied(saved, Set.of(saved.name() + ".md"), Set.of(), () -> Files.deleteIfExists(saved.file()));
        });
    }

    @Override
    public Saved rename(String name, String newName, String expectedHash, Change change) throws RunbookSaveException {
        return commitChange(change, null, () -> {
            Path moved = files.rename(name, newName, expectedHash);
            String to = moved.getFileName().toString();
            byte[] bytes = read(moved);
            Saved saved =
                    new Saved(to.substring(0, to.length() - 3), moved, null, bytes.length, ContentHash.sha256(bytes));
            Path back = moved.resolveSibling(name + ".md");
            return new Applied(saved, Set.of(to), Set.of(name + ".md"), () -> Files.move(moved, back));
        });
    }

    @Override
    public void delete(String name, String expectedHash, Change change) throws RunbookSaveException {
        commitChange(change, null, () -> {
            byte[] before = current(name);
            files.delete(name, expectedHash);
            Path file = files.folder().resolve(name + ".md");
            return new Applied(
                    new Saved(name, file, null, 0, null),
                    Set.of(),
                    Set.of(name + ".md"),
                    () -> Files.write(file, before));
        });
    }

    /** A change to the files, made: what it saved, which runbook files it changed and removed, how to undo it. */
    private record Applied(Saved saved, Set<String> changed, Set<String> removed, Undo undo) {}

    @FunctionalInterface
    private interface Undo {
        void run() throws IOException;
    }

    @FunctionalInterface
    private interface FileChange {
        Applied apply() throws RunbookSaveException;
    }

    /**
     * Makes one change as one commit, published to the remote when there is one; tried again on top of someone
     * else's newer work when the remote refuses it for that.
     */
    private Saved commitChange(Change change, String defaultMessage, FileChange op) throws RunbookSaveException {
        if (repo == null) {
            throw new RunbookSaveException(
                    Problem.HISTORY, repoProblem + ". Nothing was saved; your text is kept.", null);
        }
        lock.lock();
        try {
            prepare();
            for (int attempt = 1; ; attempt++) {
                ObjectId before = head();
                Applied applied = op.apply();
                RevCommit commit = commit(applied, change, defaultMessage);
                if (publish(before)) {
                    Saved s = applied.saved();
                    return new Saved(s.name(), s.file(), commit.getName(), s.bytes(), s.hash());
                }
                if (attempt == PUSH_ATTEMPTS) {
                    throw new RunbookSaveException(
                            Problem.REMOTE,
                            "the shared remote kept changing while this was saved (" + PUSH_ATTEMPTS
                                    + " tries). Nothing was saved; your text is kept: try again.",
                            null);
                }
                pull(); // their newer work, then the change again on top of it (a changed runbook is a conflict)
            }
        } finally {
            lock.unlock();
        }
    }

    /** Before a change: what changed outside is committed and, with a remote, the newest shared work is here. */
    private void prepare() throws RunbookSaveException {
        try {
            repo.commitOutsideChanges();
        } catch (IOException e) {
            throw new RunbookSaveException(
                    Problem.HISTORY, e.getMessage() + ". Nothing was saved; your text is kept.", e);
        }
        if (remote != null) {
            pull();
        }
    }

    private void pull() throws RunbookSaveException {
        try {
            remote.integrate(repo, remote.fetch(repo.git()));
            remoteProblem = null;
        } catch (IOException e) {
            remoteProblem = e.getMessage();
            throw new RunbookSaveException(
                    Problem.REMOTE, e.getMessage() + ". Nothing was saved; your text is kept.", e);
        }
    }

    private ObjectId head() throws RunbookSaveException {
        try {
            return repo.head();
        } catch (IOException e) {
            throw new RunbookSaveException(
                    Problem.HISTORY, e.getMessage() + ". Nothing was saved; your text is kept.", e);
        }
    }

    /** Commits the applied change, or undoes it on disk and says why. */
    private RevCommit commit(Applied applied, Change change, String defaultMessage) throws RunbookSaveException {
        String message = change.messageOr(defaultMessage != null ? defaultMessage : describe(applied));
        try {
            return repo.commit(
                    applied.changed(),
                    applied.removed(),
                    new PersonIdent(change.author(), change.email(), clock.instant(), clock.getZone()),
                    message);
        } catch (IOException e) {
            undo(applied);
            throw new RunbookSaveException(
                    Problem.HISTORY,
                    "the change could not be committed to the runbooks' history (" + e.getMessage()
                            + "), so it was undone. Nothing was saved; your text is kept.",
                    e);
        }
    }

    private static String describe(Applied applied) {
        if (applied.changed().isEmpty()) {
            return "Deleted " + String.join(", ", applied.removed());
        }
        if (applied.removed().isEmpty()) {
            return "Created " + String.join(", ", applied.changed());
        }
        return "Renamed " + String.join(", ", applied.removed()) + " to " + String.join(", ", applied.changed());
    }

    private void undo(Applied applied) {
        try {
            applied.undo().run();
        } catch (IOException e) {
            LOG.error("runbooks: a change that could not be committed could not be undone either: {}", e.getMessage());
        }
    }

    /**
     * Pushes the new commit. True when it is published (or there is no remote); false when someone else pushed
     * first, in which case the commit is undone (files and branch as {@code before}).
     */
    private boolean publish(ObjectId before) throws RunbookSaveException {
        if (remote == null) {
            return true;
        }
        RunbookRemote.Outcome outcome;
        try {
            outcome = remote.push(repo.git());
        } catch (IOException e) {
            remoteProblem = e.getMessage();
            resetTo(before);
            throw new RunbookSaveException(
                    Problem.REMOTE, e.getMessage() + ". Nothing was saved; your text is kept.", e);
        }
        if (outcome == RunbookRemote.Outcome.PUSHED) {
            remoteProblem = null;
            return true;
        }
        resetTo(before);
        return false;
    }

    /** Undoes an unpublished commit: the branch and the files back to {@code before}. */
    private void resetTo(ObjectId before) throws RunbookSaveException {
        try {
            repo.resetHard(before);
        } catch (IOException e) {
            throw new RunbookSaveException(
                    Problem.HISTORY, e.getMessage() + ". Your text is kept; reload before saving again.", e);
        }
    }

    /** A conflict carries the version that is there now, for the editor to show beside the person's text. */
    private RunbookSaveException withTheirs(RunbookSaveException e, String name) {
        if (e.problem() != Problem.CHANGED) {
            return e;
        }
        String theirs;
        try {
            theirs = files.source(name).text();
        } catch (RunbookException gone) {
            theirs = null;
        }
        return new RunbookSaveException(e.problem(), e.getMessage(), e.getCause(), theirs);
    }

    private byte[] current(String name) throws RunbookSaveException {
        try {
            return read(files.resolve(name));
        } catch (RunbookException e) {
            throw new RunbookSaveException(
                    Problem.GONE, "there is no runbook '" + name + "' any more. Your text is kept.", e);
        }
    }

    private static byte[] read(Path file) throws RunbookSaveException {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new RunbookSaveException(Problem.WRITE, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private void put(Path file, byte[] bytes) throws IOException {
        try {
            new AtomicFile().replace(file, bytes, null, clock);
        } catch (FileWriteException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    @Override
    public List<RunbookVersion> versions(String name) throws RunbookException {
        files.resolve(name); // the name rules, and that it exists
        if (repo == null) {
            return List.of();
        }
        noticeOutsideChanges();
        try {
            return repo.versions(name + ".md", VERSIONS_SHOWN);
        } catch (IOException e) {
            throw new RunbookException("cannot read the history of '" + name + "': " + e.getMessage());
        }
    }

    @Override
    public String textAt(String name, String versionId) throws RunbookException {
        RunbookVersion version = versions(name).stream()
                .filter(v -> v.id().equals(versionId))
                .findFirst()
                .orElseThrow(() -> new RunbookException("'" + name + "' has no version " + versionId));
        try {
            byte[] bytes = repo.contentAt(version.id(), version.path(), maxBytes);
            if (bytes == null) {
                throw new RunbookException("'" + name + "' was deleted in version " + version.shortId());
            }
            return RunbookSource.decode(bytes, name + " at " + version.shortId())
                    .text();
        } catch (IOException e) {
            throw new RunbookException("cannot read '" + name + "' at " + version.shortId() + ": " + e.getMessage());
        }
    }

    @Override
    public Map<String, RunbookVersion> lastChanges() {
        if (repo == null) {
            return Map.of();
        }
        try {
            Map<String, RunbookVersion> byName = new LinkedHashMap<>();
            repo.lastChanges().forEach((path, v) -> byName.put(path.substring(0, path.length() - 3), v));
            return byName;
        } catch (IOException e) {
            LOG.warn("runbooks: cannot read the last changes: {}", e.getMessage());
            return Map.of();
        }
    }

    @Override
    public Optional<String> problem() {
        if (repoProblem != null) {
            return Optional.of(repoProblem);
        }
        String remote = remoteProblem;
        return remote == null
                ? Optional.empty()
                : Optional.of(remote + ": serving this server's copy of the runbooks; changes are refused until the"
                        + " remote answers");
    }

    /** How many times the working tree's status was read to find outside changes. */
    long statusesRun() {
        return statuses.get();
    }

    @Override
    public void close() {
        outsideChecks.shutdown();
        try {
            outsideChecks.awaitTermination(5, TimeUnit.SECONDS); // a status in progress ends before the repository
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (puller != null) {
            puller.shutdownNow();
        }
        if (repo != null) {
            repo.close();
        }
        outsideEvents.close();
    }
}

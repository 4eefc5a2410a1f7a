package dev.probebook.library;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand;
import org.eclipse.jgit.api.Status;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.diff.DiffConfig;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.revwalk.FollowFilter;
import org.eclipse.jgit.revwalk.RenameCallback;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * The runbooks folder as a git repository, through JGit (no git binary). Only the top level's {@code *.md} files are
 * the library; anything else in the folder is left alone and never committed.
 *
 * <p>A plain folder becomes a repository on first open, its runbooks committed as they are ("Imported"); nothing in
 * it is moved or rewritten. Changes made to the files outside the app are committed by {@link #commitOutsideChanges}
 * under the name "outside Probebook", so the history shows them as such.
 *
 * <p>Not thread-safe: {@link GitRunbooks} holds its lock around every call that changes the repository; reads of
 * committed objects ({@link #versions}, {@link #contentAt}, {@link #lastChanges}) may run beside them.
 */
final class RunbookRepository implements AutoCloseable {

    static final String BRANCH = "main";
    static final PersonIdent PROBEBOOK = new PersonIdent("Probebook", "probebook@probebook.invalid");
    static final String OUTSIDE_NAME = "outside Probebook";
    static final String OUTSIDE_EMAIL = "outside@probebook.invalid";
    /** Walks no further back than this when looking for each runbook's last change. */
    private static final int LAST_CHANGE_DEPTH = 20_000;

    private final Path folder;
    private final Git git;
    private volatile LastChanges lastChanges;

    private record LastChanges(ObjectId head, Map<String, RunbookVersion> byPath) {}

    private RunbookRepository(Path folder, Git git) {
        this.folder = folder;
        this.git = git;
    }

    /**
     * Opens the repository of {@code folder}, making one of a plain folder (or of a missing one) and committing the
     * runbooks already there.
     *
     * @throws IOException the folder or its repository cannot be opened, or is not a repository of its own
     */
    static RunbookRepository open(Path folder) throws IOException {
        Files.createDirectories(folder);
        Path dotGit = folder.resolve(Constants.DOT_GIT);
        Git git;
        boolean created = false;
        try {
            if (Files.exists(dotGit)) {
                git = Git.open(folder.toFile());
            } else {
                git = Git.init()
                        .setDirectory(folder.toFile())
                        .setInitialBranch(BRANCH)
                        .call();
                created = true;
            }
        } catch (GitAPIException | RuntimeException e) {
            throw new IOException("cannot open the runbooks' git repository in " + folder + ": " + e.getMessage(), e);
        }
        RunbookRepository repo = new RunbookRepository(folder, git);
        repo.configure();
        if (created) {
            repo.commitAll(PROBEBOOK, "Imported the runbooks folder into history");
        }
        return repo;
    }

    /** Adopts a repository cloned from the shared remote. */
    static RunbookRepository of(Path folder, Git cloned) throws IOException {
        RunbookRepository repo = new RunbookRepository(folder, cloned);
        repo.configure();
        return repo;
    }

    private void configure() throws IOException {
        StoredConfig config = git.getRepository().getConfig();
        config.setString("user", null, "name", PROBEBOOK.getName());
        config.setString("user", null, "email", PROBEBOOK.getEmailAddress());
        config.setBoolean("core", null, "autocrlf", false);
        config.save();
    }

    Git git() {
        return git;
    }

    Repository repository() {
        return git.getRepository();
    }

    /** The current commit, or null in a repository without one. */
    ObjectId head() throws IOException {
        return repository().resolve(Constants.HEAD);
    }

    /** Commits every runbook file as it is (used once, on import). */
    private void commitAll(PersonIdent who, String message) throws IOException {
        Set<String> files = runbookFiles();
        if (files.isEmpty()) {
            try {
                git.commit()
                        .setAuthor(who)
                        .setCommitter(PROBEBOOK)
                        .setAllowEmpty(true)
                        .setMessage(message)
                        .call();
            } catch (GitAPIException e) {
                throw new IOException("cannot make the first commit: " + e.getMessage(), e);
            }
            return;
        }
        commit(files, Set.of(), who, message);
    }

    /** The top-level {@code *.md} files of the working folder. */
    Set<String> runbookFiles() throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            Set<String> names = new TreeSet<>();
            list.filter(p -> Files.isRegularFile(p))
                    .map(p -> p.getFileName().toString())
                    .filter(RunbookRepository::isRunbookFile)
                    .forEach(names::add);
            return names;
        }
    }

    static boolean isRunbookFile(String path) {
        return path.endsWith(".md") && !path.contains("/") && !path.startsWith(".");
    }

    /**
     * Commits what changed in the runbook files since the last commit without Probebook: edits by another editor,
     * files copied in or removed, the work tree of a {@code git pull} run by hand. Returns the commit, or null when
     * nothing had changed.
     */
    RevCommit commitOutsideChanges() throws IOException {
        Status status;
        try {
            status = git.status().call();
        } catch (GitAPIException | RuntimeException e) {
            throw new IOException("cannot read the runbooks' git status: " + e.getMessage(), e);
        }
        Set<String> changed = new TreeSet<>();
        Set<String> removed = new TreeSet<>();
        for (Set<String> paths :
                List.of(status.getModified(), status.getUntracked(), status.getAdded(), status.getChanged())) {
            paths.stream().filter(RunbookRepository::isRunbookFile).forEach(changed::add);
        }
        for (Set<String> paths : List.of(status.getMissing(), status.getRemoved())) {
            paths.stream().filter(RunbookRepository::isRunbookFile).forEach(removed::add);
        }
        if (changed.isEmpty() && removed.isEmpty()) {
            return null;
        }
        Set<String> all = new LinkedHashSet<>(changed);
        all.addAll(removed);
        PersonIdent outside = new PersonIdent(OUTSIDE_NAME, OUTSIDE_EMAIL);
        return commit(changed, removed, outside, "Changed outside Probebook: " + String.join(", ", all));
    }

    /**
     * Commits exactly these runbook files: {@code changed} as they are in the folder, {@code removed} as gone.
     *
     * @throws IOException nothing was committed (a locked or broken repository)
     */
    RevCommit commit(Set<String> changed, Set<String> removed, PersonIdent author, String message) throws IOException {
        try {
            // one add and one rm for all paths: each call rewrites the index, so one per file is quadratic
            if (!changed.isEmpty()) {
                var add = git.add();
                changed.forEach(add::addFilepattern);
                add.call();
            }
            if (!removed.isEmpty()) {
                var rm = git.rm().setCached(true);
                removed.forEach(rm::addFilepattern);
                rm.call();
            }
            return git.commit()
                    .setAuthor(author)
                    .setCommitter(PROBEBOOK)
                    .setMessage(message)
                    .call();
        } catch (GitAPIException | RuntimeException e) {
            throw new IOException("cannot commit " + String.join(", ", changed) + ": " + e.getMessage(), e);
        }
    }

    /** Puts the branch, the index and the runbook files back to {@code commit} (an unpublished commit undone). */
    void resetHard(ObjectId commit) throws IOException {
        try {
            git.reset()
                    .setMode(ResetCommand.ResetType.HARD)
                    .setRef(commit.name())
                    .call();
        } catch (GitAPIException | RuntimeException e) {
            throw new IOException("cannot reset the runbooks to " + commit.name() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The versions of one runbook file, newest first, following it through renames.
     *
     * @param path  the runbook's file name now
     * @param limit at most this many
     */
    List<RunbookVersion> versions(String path, int limit) throws IOException {
        ObjectId head = head();
        if (head == null) {
            return List.of();
        }
        List<RunbookVersion> out = new ArrayList<>();
        String[] current = {path};
        try (RevWalk walk = new RevWalk(repository())) {
            FollowFilter follow =
                    FollowFilter.create(path, repository().getConfig().get(DiffConfig.KEY));
            // the rename is reported while walking the commit that made it: older commits have the old name
            String[] pending = {null};
            follow.setRenameCallback(new RenameCallback() {
                @Override
                public void renamed(DiffEntry entry) {
                    pending[0] = entry.getOldPath();
                }
            });
            walk.setTreeFilter(follow);
            walk.markStart(walk.parseCommit(head));
            for (RevCommit c : walk) {
                out.add(version(c, current[0]));
                if (pending[0] != null) {
                    current[0] = pending[0];
                    pending[0] = null;
                }
                if (out.size() >= limit) {
                    break;
                }
            }
        }
        return out;
    }

    private static RunbookVersion version(RevCommit c, String path) {
        PersonIdent a = c.getAuthorIdent();
        return new RunbookVersion(
                c.getName(),
                a.getName(),
                a.getEmailAddress(),
                Instant.ofEpochSecond(c.getCommitTime()),
                c.getFullMessage().strip(),
                path,
                OUTSIDE_EMAIL.equals(a.getEmailAddress()));
    }

    /**
     * The bytes of {@code path} in commit {@code id}, or null when the commit does not have that file.
     *
     * @throws IOException no such commit, or the file is larger than {@code maxBytes}
     */
    byte[] contentAt(String id, String path, long maxBytes) throws IOException {
        ObjectId commitId = ObjectId.isId(id) ? ObjectId.fromString(id) : null;
        if (commitId == null) {
            throw new IOException("not a version id: " + id);
        }
        try (RevWalk walk = new RevWalk(repository())) {
            RevCommit commit = walk.parseCommit(commitId);
            try (TreeWalk tree = TreeWalk.forPath(repository(), path, commit.getTree())) {
                if (tree == null) {
                    return null;
                }
                ObjectLoader loader = repository().open(tree.getObjectId(0));
                if (loader.getSize() > maxBytes) {
                    throw new IOException(path + " is " + loader.getSize() + " bytes in " + id.substring(0, 7)
                            + ", over probebook.runbook.max-bytes");
                }
                return loader.getBytes();
            }
        }
    }

    /**
     * Each runbook file's last change, by file name: one walk back from the current commit, kept until the next
     * commit (a library of thousands of runbooks asks this on every visit).
     */
    Map<String, RunbookVersion> lastChanges() throws IOException {
        ObjectId head = head();
        LastChanges known = lastChanges;
        if (head == null) {
            return Map.of();
        }
        if (known != null && known.head().equals(head)) {
            return known.byPath();
        }
        Set<String> wanted = new TreeSet<>();
        Map<String, RunbookVersion> found = new HashMap<>();
        try (RevWalk walk = new RevWalk(repository())) {
            RevCommit start = walk.parseCommit(head);
            try (TreeWalk files = new TreeWalk(repository())) {
                files.addTree(start.getTree());
                while (files.next()) {
                    if (isRunbookFile(files.getPathString())) {
                        wanted.add(files.getPathString());
                    }
                }
            }
            walk.markStart(start);
            int depth = 0;
            for (RevCommit c : walk) {
                if (found.size() == wanted.size() || depth++ > LAST_CHANGE_DEPTH) {
                    break;
                }
                for (String path : changedIn(walk, c)) {
                    if (wanted.contains(path) && !found.containsKey(path)) {
                        found.put(path, version(c, path));
                    }
                }
            }
        }
        Map<String, RunbookVersion> byPath = Map.copyOf(found);
        lastChanges = new LastChanges(head, byPath);
        return byPath;
    }

    /** The top-level paths a commit changed against its first parent (all of them for a first commit). */
    private List<String> changedIn(RevWalk walk, RevCommit c) throws IOException {
        List<String> paths = new ArrayList<>();
        try (TreeWalk tw = new TreeWalk(repository())) {
            tw.setRecursive(false);
            if (c.getParentCount() == 0) {
                tw.addTree(c.getTree());
                while (tw.next()) {
                    paths.add(tw.getPathString());
                }
                return paths;
            }
            RevCommit parent = walk.parseCommit(c.getParent(0));
            tw.addTree(parent.getTree());
            tw.addTree(c.getTree());
            tw.setFilter(TreeFilter.ANY_DIFF);
            while (tw.next()) {
                paths.add(tw.getPathString());
            }
        }
        return paths;
    }

    @Override
    public void close() {
        git.close();
    }
}

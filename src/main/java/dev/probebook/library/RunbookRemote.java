package dev.probebook.library;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.MergeCommand;
import org.eclipse.jgit.api.MergeResult;
import org.eclipse.jgit.api.TransportCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.TransportException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/**
 * The runbooks' shared remote ({@code probebook.runbooks.remote}): fetched before serving and before every save,
 * pushed after every save. Never forces a push and never rewrites a published commit: a push the remote refuses
 * because someone else pushed first is reported as {@link Outcome#REJECTED}, for the caller to undo its own
 * unpublished commit and try again on top of theirs.
 *
 * <p>Not thread-safe: {@link GitRunbooks} calls it under its lock.
 */
final class RunbookRemote {

    static final String NAME = "origin";
    static final String TRACKING = "refs/remotes/" + NAME + "/" + RunbookRepository.BRANCH;

    /** How a push ended. */
    enum Outcome {
        PUSHED,
        /** Someone else pushed first: fetch, and redo the change on top of theirs. */
        REJECTED
    }

    private final LibrarySettings settings;

    RunbookRemote(LibrarySettings settings) {
        this.settings = settings;
    }

    String url() {
        return settings.remote();
    }

    /**
     * Clones the remote into {@code folder} (which must be empty or missing).
     *
     * @throws IOException the remote cannot be reached or read
     */
    Git cloneInto(Path folder) throws IOException {
        try {
            return authenticated(Git.cloneRepository()
                            .setURI(settings.remote())
                            .setDirectory(folder.toFile())
                            .setBranch(RunbookRepository.BRANCH)
                            .setRemote(NAME))
                    .setTimeout(timeoutSeconds())
                    .call();
        } catch (GitAPIException | RuntimeException e) {
            throw new IOException(unreachable(e), e);
        }
    }

    /** Points {@code origin} at the configured URL (a changed setting wins over the stored one). */
    void configure(Git git) throws IOException {
        try {
            new URIish(settings.remote());
        } catch (URISyntaxException e) {
            throw new IOException("probebook.runbooks.remote is not a git URL: " + settings.remote(), e);
        }
        StoredConfig config = git.getRepository().getConfig();
        config.setString("remote", NAME, "url", settings.remote());
        config.setString("remote", NAME, "fetch", "+refs/heads/*:refs/remotes/" + NAME + "/*");
        config.save();
    }

    /**
     * Fetches the remote's branch.
     *
     * @return the remote's commit, or null when the remote has no branch yet (a new, empty repository)
     * @throws IOException the remote cannot be reached or refused
     */
    ObjectId fetch(Git git) throws IOException {
        try {
            authenticated(git.fetch().setRemote(NAME))
                    .setTimeout(timeoutSeconds())
                    .call();
            return git.getRepository().resolve(TRACKING);
        } catch (GitAPIException | RuntimeException e) {
            throw new IOException(unreachable(e), e);
        }
    }

    /**
     * Brings the fetched remote branch into the local one: a fast-forward when nothing local is unpublished, else a
     * merge commit. A merge that conflicts is undone (the local branch stays as it was) and reported.
     *
     * @return true when the local branch moved
     * @throws IOException the merge conflicted or failed; nothing changed locally
     */
    boolean integrate(RunbookRepository repo, ObjectId remote) throws IOException {
        if (remote == null) {
            return false;
        }
        ObjectId before = repo.head();
        if (remote.equals(before)) {
            return false;
        }
        MergeResult result;
        try {
            result = repo.git()
                    .merge()
                    .include(remote)
                    .setFastForward(MergeCommand.FastForwardMode.FF)
                    .setCommit(true)
                    .setMessage("Merged the runbooks of " + NAME)
                    .call();
        } catch (GitAPIException | RuntimeException e) {
            if (before != null) {
                repo.resetHard(before);
            }
            throw new IOException("cannot merge the shared remote's runbooks: " + e.getMessage(), e);
        }
        if (!result.getMergeStatus().isSuccessful()) {
            if (before != null) {
                repo.resetHard(before);
            }
            throw new IOException("the shared remote's runbooks conflict with this server's ("
                    + (result.getConflicts() == null
                            ? result.getMergeStatus()
                            : String.join(", ", result.getConflicts().keySet()))
                    + "): serving this server's copy; resolve it in a clone with git and push");
        }
        return !repo.head().equals(before);
    }

    /**
     * Pushes the local branch to the remote, never forced.
     *
     * @throws IOException the remote cannot be reached or refused for another reason than someone else's push
     */
    Outcome push(Git git) throws IOException {
        Iterable<PushResult> results;
        try {
            results = authenticated(git.push().setRemote(NAME))
                    .setRefSpecs(new RefSpec(Constants.R_HEADS + RunbookRepository.BRANCH + ":" + Constants.R_HEADS
                            + RunbookRepository.BRANCH))
                    .setForce(false)
                    .setTimeout(timeoutSeconds())
                    .call();
        } catch (GitAPIException | RuntimeException e) {
            throw new IOException(unreachable(e), e);
        }
        for (PushResult result : results) {
            for (RemoteRefUpdate update : result.getRemoteUpdates()) {
                switch (update.getStatus()) {
                    case OK, UP_TO_DATE -> {}
                    case REJECTED_NONFASTFORWARD, REJECTED_REMOTE_CHANGED -> {
                        return Outcome.REJECTED;
                    }
                    default ->
                        throw new IOException("the shared remote refused the push (" + update.getStatus()
                                + (update.getMessage() == null ? "" : ": " + update.getMessage()) + ")");
                }
            }
        }
        return Outcome.PUSHED;
    }

    private <C extends TransportCommand<C, ?>> C authenticated(C command) {
        if (!settings.remoteUser().isBlank() || !settings.remotePassword().isBlank()) {
            command.setCredentialsProvider(
                    new UsernamePasswordCredentialsProvider(settings.remoteUser(), settings.remotePassword()));
        }
        return command;
    }

    private int timeoutSeconds() {
        return (int) Math.max(1, settings.remoteTimeout().toSeconds());
    }

    private String unreachable(Exception e) {
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String message =
                (e instanceof TransportException ? "the shared remote cannot be reached" : "the shared remote failed")
                        + " (" + redacted(settings.remote()) + "): " + redacted(why);
        return settings.remotePassword().isBlank() ? message : message.replace(settings.remotePassword(), "***");
    }

    /** A URL or message without a password in it ({@code https://user:secret@host} shows as {@code user:***}). */
    static String redacted(String text) {
        return text == null ? "" : text.replaceAll("(?<=://[^/:@\\s]{1,200}):[^@/\\s]+@", ":***@");
    }
}

package dev.probebook.library;

import dev.probebook.settings.SettingsSection;
import java.time.Duration;

/**
 * {@code probebook.runbooks.*}: the shared git remote of the runbooks folder, if any, and how it is used.
 *
 * @param remote         any git URL (ssh, https, file), or blank for a folder of this server only
 * @param remoteUser     user name for an https remote (a token's owner), or blank
 * @param remotePassword password or token for an https remote, or blank
 * @param pullInterval   how often the remote is pulled in the background (and before every save)
 * @param remoteTimeout  how long one fetch or push may take
 */
public record LibrarySettings(
        String remote, String remoteUser, String remotePassword, Duration pullInterval, Duration remoteTimeout) {

    public static final SettingsSection<LibrarySettings> SECTION = r -> new LibrarySettings(
            r.string("runbooks.remote", ""),
            r.string("runbooks.remote-user", ""),
            r.string("runbooks.remote-password", ""),
            r.duration("runbooks.pull-interval", "30s"),
            r.duration("runbooks.remote-timeout", "10s"));

    public boolean hasRemote() {
        return remote != null && !remote.isBlank();
    }
}

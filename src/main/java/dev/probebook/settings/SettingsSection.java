package dev.probebook.settings;

/**
 * The settings of one feature (a probe's timeouts, say), read from the {@code probebook.*} properties by that
 * feature's own code and kept beside it: {@code TcpSettings.SECTION}. A probe lists its sections
 * ({@code Probe#settings()}) so that a misspelt key of any of them is refused, and reads them through
 * {@link Settings#section}. One instance per section: it is the key its values are kept under.
 */
@FunctionalInterface
public interface SettingsSection<T> {

    /** Reads the section's keys (without the {@code probebook.} prefix), with their defaults. */
    T read(SettingsReader reader);
}

package dev.probebook.settings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Configuration shared by the CLI and the web app. Both read the same {@code probebook.*} properties through
 * {@link SettingsLoader}: the app from Spring's environment, the CLI from {@code --probebook.x=y} arguments and
 * {@code -Dprobebook.x=y} system properties.
 *
 * <p>This record holds what the engine, the shared network code and the web app read; each probe keeps its own
 * settings beside it as a {@link SettingsSection} ({@code TcpSettings}, {@code HttpSettings}, ...) and reads them
 * with {@link #section}, so a new probe setting never edits this record.
 *
 * @param properties the {@code probebook.*} properties everything was read from (for sections)
 * @param sections   sections read so far (at load for those the loader was given, else on first use)
 */
public record Settings(
        Path hostsFile,
        Path dataDir,
        Duration probeTimeout,
        int maxConcurrentProbes,
        int outputMaxLines,
        long outputMaxBytes,
        long runbookMaxBytes,
        Duration runbookParseBudget,
        Dns dns,
        PolicySettings policy,
        Limits limits,
        Roles roles,
        Map<String, String> properties,
        Map<SettingsSection<?>, Object> sections) {

    public Settings {
        properties = Map.copyOf(properties);
        sections = new ConcurrentHashMap<>(sections);
    }

    /** The values of a feature's section, read from {@link #properties} once. */
    @SuppressWarnings("unchecked") // each section is stored under itself by computeIfAbsent below
    public <T> T section(SettingsSection<T> section) {
        return (T) sections.computeIfAbsent(section, s -> s.read(new SettingsReader(properties)));
    }

    /** Name resolution for every probe: servers as {@code host[:port]}; empty means the system configuration. */
    public record Dns(List<String> servers, Duration timeout) {}

    /** Target policy lists (see {@code dev.probebook.policy.TargetPolicy}). */
    public record PolicySettings(List<String> allow, List<String> deny) {}

    /**
     * What one user may start in the web app: runs at once, runs per minute, and how many steps one
     * Run all starts. The server-wide bound is {@link #maxConcurrentProbes()}.
     */
    public record Limits(int perUserConcurrent, int perUserRunsPerMinute, int runAllMaxSteps) {}

    /**
     * The least role each guarded action needs in the web app ({@code viewer < operator < editor < admin}):
     * running probes, packet capture, hosts-file writes, changing runbooks, reading the audit log, and sending at
     * flood rates (iputils allows {@code ping -i} below 0.2 s and {@code -s} above 1472 bytes to root only), and
     * deleting reports.
     */
    public record Roles(
            String run, String capture, String hostsWrite, String edit, String audit, String flood, String manage) {
        public static final List<String> NAMES = List.of("viewer", "operator", "editor", "admin");
    }

    public static Settings defaults() {
        return SettingsLoader.load(Map.of());
    }
}

package dev.probebook.settings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Engine configuration shared by the CLI and the web app. Both read the same {@code probebook.*}
 * properties through {@link SettingsLoader}: the app from Spring's environment, the CLI from
 * {@code --probebook.x=y} arguments and {@code -Dprobebook.x=y} system properties.
 */
public record Settings(
        Path hostsFile,
        Path dataDir,
        Duration probeTimeout,
        int maxConcurrentProbes,
        int outputMaxLines,
        long outputMaxBytes,
        long runbookMaxBytes,
        Dns dns,
        Tcp tcp,
        Http http,
        PublicIp publicIp,
        Ping ping,
        Capture capture,
        PolicySettings policy,
        Limits limits,
        Roles roles) {

    /** DNS: servers as {@code host[:port]}; empty means the system resolver configuration. */
    public record Dns(List<String> servers, Duration timeout) {}

    /** TCP checks: default connect timeout for telnet/nc, per-probe timeout for tcping, banner wait for telnet. */
    public record Tcp(Duration connectTimeout, Duration tcpingTimeout, Duration bannerWait) {}

    /** HTTP: cap on a request, extra trusted CA certificates (PEM), user agent. */
    public record Http(Duration maxTime, Path caFile, String userAgent) {}

    /** Public IP echo service: overrides the URL written in the runbook when set. */
    public record PublicIp(String url, Duration timeout) {}

    /** Ping: how long to wait for each reply by default. */
    public record Ping(Duration replyTimeout) {}

    /** Packet capture bounds. {@code iface} empty: the first up, non-loopback interface, as tcpdump picks. */
    public record Capture(String iface, Duration maxDuration, int maxPackets, long maxBytes) {}

    /** Target policy lists (see {@code dev.probebook.policy.TargetPolicy}). */
    public record PolicySettings(List<String> allow, List<String> deny) {}

    /**
     * What one user may start in the web app: runs at once, runs per minute, and how many steps one
     * Run all starts. The server-wide bound is {@link #maxConcurrentProbes()}.
     */
    public record Limits(int perUserConcurrent, int perUserRunsPerMinute, int runAllMaxSteps) {}

    /**
     * The least role each guarded action needs in the web app ({@code viewer < operator < editor < admin}):
     * running probes, packet capture, hosts-file writes, changing runbooks, reading the audit log.
     */
    public record Roles(String run, String capture, String hostsWrite, String edit, String audit) {
        public static final List<String> NAMES = List.of("viewer", "operator", "editor", "admin");
    }

    public static Settings defaults() {
        return SettingsLoader.load(java.util.Map.of());
    }
}

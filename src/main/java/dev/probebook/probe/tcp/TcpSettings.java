package dev.probebook.probe.tcp;

import dev.probebook.settings.SettingsSection;
import java.time.Duration;

/**
 * {@code probebook.tcp.*}: the connect timeout of telnet and nc ({@code nc -w} overrides it), tcping's per-probe
 * timeout ({@code -w} overrides it), how long telnet and nc wait for a greeting, and how long a port of an nmap scan
 * may stay silent before it counts as filtered.
 */
public record TcpSettings(Duration connectTimeout, Duration tcpingTimeout, Duration bannerWait, Duration scanTimeout) {

    public static final SettingsSection<TcpSettings> SECTION = r -> new TcpSettings(
            r.duration("tcp.connect-timeout", "10s"),
            r.duration("tcp.tcping-timeout", "2s"),
            r.duration("tcp.banner-wait", "1s"),
            r.duration("tcp.scan-timeout", "2s"));
}

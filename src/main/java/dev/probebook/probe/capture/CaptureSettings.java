package dev.probebook.probe.capture;

import dev.probebook.settings.SettingsSection;
import java.time.Duration;

/**
 * {@code probebook.capture.*}: the default interface (empty: the first up, non-loopback one, as tcpdump picks),
 * and the bounds every capture keeps whatever the command says.
 */
public record CaptureSettings(String iface, Duration maxDuration, int maxPackets, long maxBytes) {

    public static final SettingsSection<CaptureSettings> SECTION = r -> new CaptureSettings(
            r.string("capture.interface", ""),
            r.duration("capture.max-duration", "30s"),
            r.integer("capture.max-packets", 1000),
            r.size("capture.max-bytes", "64MB"));
}

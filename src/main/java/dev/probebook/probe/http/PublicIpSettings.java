package dev.probebook.probe.http;

import dev.probebook.settings.SettingsSection;
import java.time.Duration;

/** {@code probebook.public-ip.*}: the echo service to ask instead of the one written (blank: as written), and the wait. */
public record PublicIpSettings(String url, Duration timeout) {

    public static final SettingsSection<PublicIpSettings> SECTION =
            r -> new PublicIpSettings(r.string("public-ip.url", ""), r.duration("public-ip.timeout", "5s"));
}

package dev.probebook.probe.http;

import dev.probebook.settings.SettingsSection;
import java.nio.file.Path;
import java.time.Duration;

/** {@code probebook.http.*}: the cap on a curl run, extra trusted CA certificates (PEM, or null), the user agent. */
public record HttpSettings(Duration maxTime, Path caFile, String userAgent) {

    public static final SettingsSection<HttpSettings> SECTION = r -> new HttpSettings(
            r.duration("http.max-time", "30s"),
            r.path("http.ca-file", null),
            r.string("http.user-agent", "curl/8.5.0 (probebook)"));
}

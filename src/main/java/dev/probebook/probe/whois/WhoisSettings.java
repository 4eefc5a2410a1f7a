package dev.probebook.probe.whois;

import dev.probebook.settings.SettingsSection;
import java.time.Duration;

/**
 * {@code probebook.whois.*}: the server asked first when a command names none (IANA's, which refers each query to
 * the registry that holds it), the port every whois server is asked on, and how long one server may take to answer.
 */
public record WhoisSettings(String server, int port, Duration timeout) {

    public static final SettingsSection<WhoisSettings> SECTION = r -> new WhoisSettings(
            r.string("whois.server", "whois.iana.org"),
            r.integer("whois.port", 43),
            r.duration("whois.timeout", "10s"));
}

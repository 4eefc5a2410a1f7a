package dev.probebook.probe.ping;

import dev.probebook.settings.SettingsSection;
import java.time.Duration;

/** {@code probebook.ping.*}: how long to wait for each reply when {@code -W} is not given. */
public record PingSettings(Duration replyTimeout) {

    public static final SettingsSection<PingSettings> SECTION =
            r -> new PingSettings(r.duration("ping.reply-timeout", "2s"));
}

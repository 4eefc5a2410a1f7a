package dev.probebook.history;

import dev.probebook.settings.SettingsSection;
import java.time.Duration;

/**
 * {@code probebook.runs.*} and {@code probebook.freshness.*}: how long runs are kept and how many at most (pruned
 * daily; reports are kept until an admin deletes them), when a runbook counts as stale, and whether the CLI records
 * its runs without {@code --record}.
 */
public record HistorySettings(Duration maxAge, long maxCount, Duration freshnessMaxAge, boolean recordCli) {

    public static final SettingsSection<HistorySettings> SECTION = r -> new HistorySettings(
            r.duration("runs.max-age", "365d"),
            r.count("runs.max-count", 1_000_000),
            r.duration("freshness.max-age", "90d"),
            r.bool("runs.record-cli", false));
}

package dev.probebook.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.probebook.history.Freshness;
import dev.probebook.library.RunbookStore;
import dev.probebook.library.RunbookVersion;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class LibraryCardTest {

    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
    private static final LibraryCard.Texts KEYS = (key, args) -> key + Arrays.toString(args);

    private static RunbookStore.Entry entry(String name, String title, List<String> tags, String owner) {
        return new RunbookStore.Entry(name, title, tags, "2026-11-30", 4, null, owner, null, "hash");
    }

    @Test
    void everyTextIsEscapedSoARunbookCannotInjectMarkup() {
        RunbookStore.Entry e = entry(
                "a b&c",
                "<img src=x onerror=alert(1)> \"quoted\"",
                List.of("x\" onclick=\"alert(1)", "<b>"),
                "o'wner\"><script>");
        Document card = Jsoup.parseBodyFragment(
                LibraryCard.html(e, null, Freshness.neverRun("a b&c"), null, NOW, Duration.ofDays(30), KEYS));

        assertThat(card.select("img, script, b")).isEmpty();
        assertThat(card.select("[onclick], [onerror]")).isEmpty();
        assertThat(card.selectFirst("a.runbook-title").text()).isEqualTo("<img src=x onerror=alert(1)> \"quoted\"");
        assertThat(card.selectFirst("a.runbook-title").attr("href")).isEqualTo("runbook/a%20b%26c");
        assertThat(card.selectFirst("a.runbook-title").hasAttr("router-link")).isTrue();
        assertThat(card.select("[data-tag]").eachAttr("data-tag")).containsExactly("x\" onclick=\"alert(1)", "<b>");
        assertThat(card.selectFirst("[data-owner]").attr("data-owner")).isEqualTo("o'wner\"><script>");
    }

    @Test
    void freshnessLastChangeAndFailingStepsKeepTheirMarkers() {
        RunbookStore.Entry e = entry("dns", "DNS", List.of("dns"), null);
        Freshness stale = new Freshness(
                "dns",
                NOW.minus(Duration.ofDays(40)),
                NOW.minus(Duration.ofDays(40)),
                "kim",
                "10.0.0.5:53",
                List.of(2, 5));
        RunbookVersion last =
                new RunbookVersion("0123456789abcdef", "lee", "lee@example.test", NOW, "fix the port", "dns.md", false);
        Document card = Jsoup.parseBodyFragment(LibraryCard.html(e, last, stale, null, NOW, Duration.ofDays(30), KEYS));

        assertThat(card.selectFirst("[data-freshness]").attr("data-freshness")).isEqualTo("stale");
        assertThat(card.selectFirst("[data-freshness]").hasAttr("data-failing")).isTrue();
        assertThat(card.selectFirst(".freshness-state").attr("title")).isEqualTo("10.0.0.5:53");
        assertThat(card.selectFirst(".verdict-fail").text()).isEqualTo("library.failing[2, 5]");
        assertThat(card.selectFirst("[data-last-change]").attr("data-last-change"))
                .isEqualTo("lee");
        assertThat(card.selectFirst("[data-last-change]").attr("title")).isEqualTo("fix the port");
        assertThat(card.select("[data-owner]")).isEmpty();
        assertThat(card.select("[data-snippet]")).isEmpty();
    }
}

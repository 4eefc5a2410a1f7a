package dev.probebook.notebook;

import dev.probebook.history.Freshness;
import dev.probebook.library.RunbookStore;
import dev.probebook.library.RunbookVersion;
import dev.probebook.search.SearchHit;
import dev.probebook.search.Snippet;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.jsoup.nodes.Entities;

/**
 * One runbook's card in the library as HTML: title (an in-app link), date, runnable steps, owner, last change,
 * freshness, tags and, for a search, the best section's snippet.
 *
 * <p>Why HTML and not components: a card is one element for Vaadin to send and the browser to build, instead of
 * twenty-odd nodes each with its own state tree entry and listeners (the library's first screen was mostly that).
 * Every text is escaped here; tag clicks are handled once on the list ({@code data-tag}), and the title carries
 * {@code router-link} so Vaadin navigates within the app as with a RouterLink.
 *
 * <p>Test contract as before: {@code data-owner}, {@code data-last-change}, {@code data-freshness},
 * {@code data-failing}, {@code data-tag}, {@code data-snippet} (matches in {@code mark}), {@code a.runbook-title}.
 */
final class LibraryCard {

    /** The page's texts: {@code getTranslation} of the view. */
    interface Texts {
        String text(String key, Object... args);
    }

    private LibraryCard() {}

    static String html(
            RunbookStore.Entry e,
            RunbookVersion last,
            Freshness f,
            SearchHit hit,
            Instant now,
            Duration maxAge,
            Texts t) {
        StringBuilder h = new StringBuilder(1024);
        String href = "runbook/" + path(e.name());
        h.append("<a class=\"runbook-title\" router-link href=\"")
                .append(escape(href))
                .append("\">")
                .append(escape(e.title()))
                .append("</a>");
        h.append("<div class=\"meta\">");
        if (e.date() != null) {
            span(h, e.date());
        }
        span(h, t.text("library.steps", e.runnableSteps()));
        if (e.owner() != null) {
            h.append("<span data-owner=\"")
                    .append(escape(e.owner()))
                    .append("\">")
                    .append(escape(t.text("library.owned-by", e.owner())))
                    .append("</span>");
        }
        if (last != null) {
            h.append("<span data-last-change=\"")
                    .append(escape(last.author()))
                    .append("\" title=\"")
                    .append(escape(last.subject()))
                    .append("\">")
                    .append(escape(t.text("library.last-change", VersionsView.WHEN.format(last.time()), last.author())))
                    .append("</span>");
        }
        h.append("</div>");
        freshness(h, f, now, maxAge, t);
        h.append("<div class=\"tags\">");
        for (String tag : e.tags()) {
            // a plain element, not a vaadin-button: a page of cards holds hundreds of tags
            h.append("<span class=\"tag\" role=\"button\" tabindex=\"0\" data-tag=\"")
                    .append(escape(tag))
                    .append("\">")
                    .append(escape(tag))
                    .append("</span>");
        }
        h.append("</div>");
        if (e.problem() != null) {
            h.append("<div class=\"problem\">").append(escape(e.problem())).append("</div>");
        }
        if (hit != null) {
            snippet(h, href, hit);
        }
        return h.toString();
    }

    /** Verified when and by whom, or stale, never verified, never run; and steps failing for a week. */
    private static void freshness(StringBuilder h, Freshness f, Instant now, Duration maxAge, Texts t) {
        String state;
        String text;
        String title = null;
        if (f.neverRan()) {
            state = "never";
            text = t.text("library.never-run");
        } else if (f.verifiedAt() == null) {
            state = "unverified";
            text = t.text("library.unverified");
        } else {
            boolean stale = f.stale(now, maxAge);
            state = stale ? "stale" : "verified";
            text = (stale ? t.text("library.stale") + ": " : "")
                    + t.text("library.verified", StepHistory.WHEN.format(f.verifiedAt()), f.verifiedBy());
            title = f.verifiedTargets();
        }
        h.append("<div class=\"freshness\" data-freshness=\"").append(state).append('"');
        if (!f.failingSteps().isEmpty()) {
            h.append(" data-failing");
        }
        h.append("><span class=\"freshness-state\"");
        if (title != null) {
            h.append(" title=\"").append(escape(title)).append('"');
        }
        h.append('>').append(escape(text)).append("</span>");
        if (!f.failingSteps().isEmpty()) {
            String steps = String.join(
                    ", ", f.failingSteps().stream().map(String::valueOf).toList());
            h.append("<span class=\"badge verdict-fail\">")
                    .append(escape(t.text("library.failing", steps)))
                    .append("</span>");
        }
        h.append("</div>");
    }

    /** Where the words matched: the section (a link to it) and the text around them, matches marked. */
    private static void snippet(StringBuilder h, String href, SearchHit hit) {
        h.append("<div class=\"snippet\" data-snippet>");
        if (hit.sectionHeading() != null && !hit.sectionHeading().isBlank()) {
            h.append("<a class=\"snippet-section\" href=\"")
                    .append(escape(href + "#" + hit.sectionAnchor()))
                    .append("\">")
                    .append(escape(hit.sectionHeading()))
                    .append("</a>");
        }
        h.append("<div class=\"snippet-text\">");
        for (Snippet.Part part : hit.snippet().parts()) {
            if (part.match()) {
                h.append("<mark>").append(escape(part.text())).append("</mark>");
            } else {
                h.append(escape(part.text()));
            }
        }
        h.append("</div></div>");
    }

    private static void span(StringBuilder h, String text) {
        h.append("<span>").append(escape(text)).append("</span>");
    }

    /** A runbook name as one path segment. */
    static String path(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Text and attribute values (jsoup escapes quotes too, so a value is safe inside {@code "..."}). */
    static String escape(String text) {
        return text == null ? "" : Entities.escape(text);
    }
}

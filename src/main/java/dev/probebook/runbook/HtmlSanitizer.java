package dev.probebook.runbook;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * Keeps a safe subset of HTML from runbook prose (runbooks are user content): text formatting,
 * {@code <mark>}, {@code <kbd>}, {@code <br>}, lists, tables, links (http, https, mailto, in-page
 * anchors) and images (http, https). Scripts, styles, event handlers, {@code javascript:} and
 * {@code data:} URLs, SVG, iframes and forms never survive.
 */
public final class HtmlSanitizer {

    private static final Safelist SAFE = Safelist.relaxed()
            .addTags("mark", "kbd", "samp", "var", "del", "s", "ins", "hr", "details", "summary", "abbr", "small", "div", "span")
            .addAttributes("div", "data-block-line")
            .addAttributes("a", "title")
            .addAttributes("abbr", "title")
            .addAttributes(":all", "id")
            .removeProtocols("img", "src", "http", "https")
            .addProtocols("img", "src", "http", "https")
            .addProtocols("a", "href", "http", "https", "mailto", "#")
            .preserveRelativeLinks(true);

    private HtmlSanitizer() {
    }

    public static String sanitize(String html) {
        Document.OutputSettings settings = new Document.OutputSettings().prettyPrint(false);
        return Jsoup.clean(html, "https://runbook.invalid/", SAFE, settings);
    }

    /** Plain text of an HTML fragment (for captions). */
    public static String text(String html) {
        return Jsoup.parseBodyFragment(html).text().strip();
    }
}

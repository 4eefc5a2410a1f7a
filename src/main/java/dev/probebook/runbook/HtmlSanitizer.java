package dev.probebook.runbook;

import java.util.ArrayDeque;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Keeps a safe subset of HTML from runbook prose (runbooks are user content): text formatting,
 * {@code <mark>}, {@code <kbd>}, {@code <br>}, lists, tables, links (http, https, mailto, in-page
 * anchors) and images (http, https). Scripts, styles, event handlers, {@code javascript:} and
 * {@code data:} URLs, SVG, iframes and forms never survive.
 */
public final class HtmlSanitizer {

    /** The parser's marker of a code block nested in prose, replaced by its widget on the page. */
    public static final String BLOCK_LINE = "data-block-line";

    /** The per-parse secret a real marker carries; a runbook's own HTML cannot know it. */
    static final String BLOCK_NONCE = "data-block-nonce";

    private static final Safelist SAFE = Safelist.relaxed()
            .addTags(
                    "mark", "kbd", "samp", "var", "del", "s", "ins", "hr", "details", "summary", "abbr", "small", "div",
                    "span")
            .addAttributes("div", BLOCK_LINE, BLOCK_NONCE)
            .addAttributes("a", "title")
            .addAttributes("abbr", "title")
            .removeProtocols("img", "src", "http", "https")
            .addProtocols("img", "src", "http", "https")
            .addProtocols("a", "href", "http", "https", "mailto", "#")
            .preserveRelativeLinks(true);

    private HtmlSanitizer() {}

    /** Deeper element nesting than this is hostile (thousands of unclosed tags): shown as plain text. */
    static final int MAX_DEPTH = 64;

    /** Sanitises prose that carries no nested-block markers (any it claims to carry are dropped). */
    public static String sanitize(String html) {
        return sanitize(html, null);
    }

    /**
     * Sanitises prose in which the parser marked nested code blocks with {@code markerNonce}: a marker without it
     * (written into the runbook to place a step's widget somewhere else) loses its meaning.
     */
    static String sanitize(String html, String markerNonce) {
        Document dirty = Jsoup.parseBodyFragment(html, "https://runbook.invalid/");
        if (depth(dirty.body()) > MAX_DEPTH) {
            // jsoup's cleaner is quadratic in nesting depth; such input is not prose anyway
            return paragraphOf(dirty.body().text());
        }
        Document clean = new Cleaner(SAFE).clean(dirty);
        for (Element marker : clean.body().select("[" + BLOCK_LINE + "], [" + BLOCK_NONCE + "]")) {
            boolean ours = markerNonce != null && markerNonce.equals(marker.attr(BLOCK_NONCE));
            marker.removeAttr(BLOCK_NONCE);
            if (!ours) {
                marker.removeAttr(BLOCK_LINE);
            }
        }
        clean.outputSettings(new Document.OutputSettings().prettyPrint(false));
        return clean.body().html();
    }

    private static int depth(Element root) {
        int max = 0;
        ArrayDeque<Element> stack = new ArrayDeque<>();
        ArrayDeque<Integer> depths = new ArrayDeque<>();
        stack.push(root);
        depths.push(0);
        while (!stack.isEmpty()) {
            Element e = stack.pop();
            int d = depths.pop();
            max = Math.max(max, d);
            if (max > MAX_DEPTH) {
                return max;
            }
            for (Element child : e.children()) {
                stack.push(child);
                depths.push(d + 1);
            }
        }
        return max;
    }

    /** Text shown as it is, in one paragraph: for what cannot be rendered. */
    static String paragraphOf(String text) {
        return "<p>" + Entities.escape(text) + "</p>";
    }

    /** Plain text of an HTML fragment (for captions). */
    public static String text(String html) {
        return Jsoup.parseBodyFragment(html).text().strip();
    }
}

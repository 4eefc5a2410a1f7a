package dev.probebook.notebook;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.dom.Element;
import dev.probebook.runbook.HtmlSanitizer;
import java.util.Optional;
import java.util.function.IntFunction;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Prose that contains code blocks nested in lists or quotes: the (already sanitised) HTML is rebuilt as a
 * Vaadin element tree, and each {@code <div data-block-line="N">} marker is replaced in place by the
 * component for line N (a step widget or a collapsed example), so a step inside a list item stays inside
 * that list item. Markers for lines that are not blocks of the plan are dropped. Prose without markers is
 * cheaper as {@code innerHTML} and does not come here.
 *
 * <p>The HTML must come from the parser's sanitiser: attributes are copied as they are.
 */
final class ProseWithBlocks {

    static final String MARKER_ATTRIBUTE = HtmlSanitizer.BLOCK_LINE;

    private ProseWithBlocks() {}

    /**
     * A prose paragraph as a page shows it: the parser's sanitised HTML (HtmlSanitizer: no scripts, handlers or
     * javascript: links), with the component for each code block nested in its lists or quotes in place of its marker.
     *
     * @param blockAt the component for a source line, empty when the line is no block of the plan
     */
    static Div div(String html, IntFunction<Optional<Component>> blockAt) {
        Div prose = new Div();
        prose.addClassName("prose");
        if (hasMarkers(html)) {
            appendTo(prose.getElement(), html, blockAt);
        } else {
            prose.getElement().setProperty("innerHTML", html);
        }
        return prose;
    }

    /** True when the HTML has at least one nested-block marker. */
    static boolean hasMarkers(String html) {
        return html.contains(MARKER_ATTRIBUTE + "=");
    }

    /**
     * Appends the prose to {@code target}, with the component for each marker's line in its place.
     *
     * @param blockAt the component for a source line, empty when the line is no block of the plan
     */
    static void appendTo(Element target, String html, IntFunction<Optional<Component>> blockAt) {
        for (Node n : Jsoup.parseBodyFragment(html).body().childNodes()) {
            append(target, n, blockAt);
        }
    }

    private static void append(Element parent, Node node, IntFunction<Optional<Component>> blockAt) {
        switch (node) {
            case TextNode text -> parent.appendChild(Element.createText(text.getWholeText()));
            case org.jsoup.nodes.Element e
            when e.hasAttr(MARKER_ATTRIBUTE) -> {
                try {
                    blockAt.apply(Integer.parseInt(e.attr(MARKER_ATTRIBUTE)))
                            .ifPresent(c -> parent.appendChild(c.getElement()));
                } catch (NumberFormatException notALine) {
                    // not a marker the parser wrote: drop it
                }
            }
            case org.jsoup.nodes.Element e -> {
                Element copy = new Element(e.tagName());
                for (Attribute a : e.attributes()) {
                    copy.setAttribute(a.getKey(), a.getValue());
                }
                for (Node child : e.childNodes()) {
                    append(copy, child, blockAt);
                }
                parent.appendChild(copy);
            }
            default -> {
                // comments and data nodes: nothing to show
            }
        }
    }
}

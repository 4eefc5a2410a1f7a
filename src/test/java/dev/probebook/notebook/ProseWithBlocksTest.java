package dev.probebook.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.dom.Element;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProseWithBlocksTest {

    private static Optional<Component> widgetFor(int line) {
        if (line != 7) {
            return Optional.empty();
        }
        Div w = new Div("widget 7");
        w.setId("w7");
        return Optional.of(w);
    }

    @Test
    void aNestedBlockIsPlacedInsideItsListItem() {
        String html =
                "<ol><li><p>Check the port:</p><div data-block-line=\"7\"></div></li><li>Then &amp; <mark>this</mark></li></ol>";
        Element root = new Div().getElement();
        ProseWithBlocks.appendTo(root, html, ProseWithBlocksTest::widgetFor);
        Element ol = root.getChild(0);
        assertThat(ol.getTag()).isEqualTo("ol");
        Element firstItem = ol.getChild(0);
        assertThat(firstItem.getChild(0).getTextRecursively()).isEqualTo("Check the port:");
        assertThat(firstItem.getChild(1).getAttribute("id")).isEqualTo("w7");
        assertThat(ol.getChild(1).getTextRecursively()).isEqualTo("Then & this");
        assertThat(ol.getChild(1).getChild(1).getTag()).isEqualTo("mark");
    }

    @Test
    void markersForLinesThatAreNoBlocksOfThePlanAreDropped() {
        Element root = new Div().getElement();
        ProseWithBlocks.appendTo(
                root,
                "<blockquote><div data-block-line=\"3\"></div><p>quoted</p></blockquote>",
                ProseWithBlocksTest::widgetFor);
        Element quote = root.getChild(0);
        assertThat(quote.getChildCount()).isEqualTo(1);
        assertThat(quote.getChild(0).getTextRecursively()).isEqualTo("quoted");
    }

    @Test
    void onlyProseWithMarkersIsRebuilt() {
        assertThat(ProseWithBlocks.hasMarkers("<p>plain</p>")).isFalse();
        assertThat(ProseWithBlocks.hasMarkers("<ul><li><div data-block-line=\"4\"></div></li></ul>"))
                .isTrue();
    }
}

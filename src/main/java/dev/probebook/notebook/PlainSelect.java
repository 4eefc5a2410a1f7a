package dev.probebook.notebook;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.dom.Element;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A labelled native {@code <select>}: one element for the browser to lay out, no web component to fetch and upgrade
 * (a Vaadin select costs the library's first screen a lazily loaded chunk and a second round trip). Styled like the
 * variables bar's fields ({@code .plain-field}).
 *
 * <p>Threading: used on the UI thread only, like any component. The value is one of the option values given.
 */
final class PlainSelect extends Div {

    private final Element select = new Element("select");
    private String value;

    /**
     * @param marker the data attribute the select carries for tests and scripts ({@code data-sort})
     * @param label what the field is, shown above it
     * @param values the option values, the first chosen at the start
     * @param text each value's text as shown
     * @param changed called with the new value when the user picks another
     */
    PlainSelect(
            String marker, String label, List<String> values, Function<String, String> text, Consumer<String> changed) {
        addClassName("plain-field");
        Element caption = new Element("label");
        caption.setText(label);
        String id = "field-" + marker.replace("data-", "");
        caption.setAttribute("for", id);
        select.setAttribute("id", id);
        select.setAttribute(marker, "");
        for (String v : values) {
            select.appendChild(new Element("option").setAttribute("value", v).setText(text.apply(v)));
        }
        value = values.isEmpty() ? "" : values.get(0);
        select.setProperty("value", value);
        select.addPropertyChangeListener("value", "change", e -> {
            String picked = Objects.toString(e.getValue(), "");
            if (e.isUserOriginated() && values.contains(picked) && !picked.equals(value)) {
                value = picked;
                changed.accept(picked);
            }
        });
        getElement().appendChild(caption, select);
    }

    String value() {
        return value;
    }
}

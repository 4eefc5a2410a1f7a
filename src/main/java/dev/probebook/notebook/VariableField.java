package dev.probebook.notebook;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Input;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.dom.Element;
import dev.probebook.plan.CommandBinder;
import dev.probebook.plan.Variable;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Entities;

/**
 * The field of one runbook variable, as the runbook page and guided mode show it: named by its canonical variable,
 * the runbook's own placeholder words as the hint, its value kept in the page's {@code values} (a blank value removes
 * it) and {@code changed} run after each change.
 *
 * <p>A value is checked as it is typed ({@link CommandBinder#valueProblem}: an option-like value, a space in a host,
 * a port that is no port) and the problem shows under the field until it is mended. The value is kept either way
 * (steps that use it then say the same when run), so what was typed is never lost.
 *
 * <p>Test contract: the box carries {@code data-variable} (the name) and holds the {@code <input>}; a problem is
 * {@code [data-variable-problem]} and the input gets {@code aria-invalid}.
 *
 * <p>Plain elements, not a Vaadin text field: the page's first screen is cheaper that way.
 */
final class VariableField {

    private VariableField() {}

    static Div of(Variable v, Map<String, String> values, Runnable changed) {
        Div box = new Div();
        box.addClassName("variable");
        box.getElement().setAttribute("data-variable", v.name());
        Element label = new Element("label");
        // the runbook's own word for it next to the canonical name: "host · IP또는도메인"
        List<String> ownWords = v.placeholders().stream()
                .filter(p -> !p.startsWith("{{") && !p.equals(v.name()))
                .limit(2)
                .toList();
        label.setProperty(
                "innerHTML",
                Entities.escape(v.name())
                        + (ownWords.isEmpty()
                                ? ""
                                : " <span class=\"own-word\">· " + Entities.escape(String.join(", ", ownWords))
                                        + "</span>"));
        Input input = new Input(ValueChangeMode.EAGER);
        String id = "variable-" + v.name().replaceAll("[^A-Za-z0-9_-]", "_");
        input.setId(id);
        label.setAttribute("for", id);
        input.setPlaceholder(String.join(" / ", v.placeholders()));
        input.setValue(values.getOrDefault(v.name(), ""));
        input.getElement().setAttribute("maxlength", String.valueOf(VariableQuery.MAX_VALUE));
        input.getElement().setAttribute("spellcheck", "false");
        input.getElement().setAttribute("autocapitalize", "off");
        Span problem = new Span();
        problem.addClassName("variable-problem");
        problem.getElement().setAttribute("data-variable-problem", "");
        problem.setVisible(false);
        input.addValueChangeListener(e -> {
            String value = e.getValue() == null ? "" : e.getValue().strip();
            String why = CommandBinder.valueProblem(v.name(), value);
            problem.setText(why == null ? "" : why);
            problem.setVisible(why != null);
            if (why == null) {
                input.getElement().removeAttribute("aria-invalid");
            } else {
                input.getElement().setAttribute("aria-invalid", "true");
            }
            if (value.isEmpty()) {
                values.remove(v.name());
            } else {
                values.put(v.name(), value);
            }
            changed.run();
        });
        box.getElement().appendChild(label, input.getElement(), problem.getElement());
        return box;
    }
}

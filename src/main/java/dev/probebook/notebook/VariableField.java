package dev.probebook.notebook;

import com.vaadin.flow.component.textfield.TextField;
import dev.probebook.plan.Variable;
import java.util.Map;

/**
 * The text field of one runbook variable, as the runbook page and guided mode show it: named by its canonical
 * variable, the runbook's own placeholder words as the hint, its value kept in the page's {@code values} (a blank
 * value removes it) and {@code changed} run after each change.
 */
final class VariableField {

    private VariableField() {}

    static TextField of(Variable v, Map<String, String> values, Runnable changed) {
        TextField field = new TextField(v.name());
        field.getElement().setAttribute("data-variable", v.name());
        field.setPlaceholder(String.join(" / ", v.placeholders()));
        field.setValue(values.getOrDefault(v.name(), ""));
        field.setMaxLength(VariableQuery.MAX_VALUE);
        field.setClearButtonVisible(true);
        field.addValueChangeListener(e -> {
            String value = e.getValue() == null ? "" : e.getValue().strip();
            if (value.isEmpty()) {
                values.remove(v.name());
            } else {
                values.put(v.name(), value);
            }
            changed.run();
        });
        return field;
    }
}

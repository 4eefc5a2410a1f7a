package dev.probebook.notebook;

import com.vaadin.flow.component.Component;
import dev.probebook.probe.ProbeDetails;
import java.util.Optional;

/**
 * Renders one type of structured result ({@link ProbeDetails} record) under a widget's output. Registered with
 * {@link DetailViews} by the details type, so no view asks which probe produced what.
 */
@FunctionalInterface
interface DetailView<D extends ProbeDetails> {

    /** The component for these details, or empty when they add nothing to the text. */
    Optional<Component> render(D details, DetailContext context);
}

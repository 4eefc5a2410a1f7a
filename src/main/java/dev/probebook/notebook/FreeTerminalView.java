package dev.probebook.notebook;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.probebook.engine.ProbeRunner;
import dev.probebook.plan.CommandBinder;

/** {@code /terminal}: one prompt for any command the engine understands, with history. */
@Route("terminal")
@PageTitle("Terminal · Probebook")
public class FreeTerminalView extends Div {

    public FreeTerminalView(ProbeRunner runner, CommandBinder binder) {
        addClassName("page");
        Main main = new Main();
        main.addClassName("free-terminal");
        main.add(new H1(getTranslation("terminal.title")), new Paragraph(getTranslation("terminal.hint")),
                TerminalWidget.free(runner, binder));
        add(new NotebookHeader(), main);
    }
}

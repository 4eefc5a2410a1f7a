package dev.probebook.notebook;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.probebook.access.Action;
import dev.probebook.access.HostsWrites;
import dev.probebook.access.ProbeGate;
import dev.probebook.plan.CommandBinder;
import dev.probebook.security.CurrentUser;
import dev.probebook.step.RunPlace;
import dev.probebook.step.StepRunner;
import jakarta.annotation.security.PermitAll;

/** {@code /terminal}: one prompt for any command the engine understands, with history. */
@Route("terminal")
@PageTitle("Terminal · Probebook")
@PermitAll
public class FreeTerminalView extends Div {

    public FreeTerminalView(ProbeGate gate, StepRunner steps, CommandBinder binder, HostsWrites hostsWrites) {
        addClassName("page");
        Main main = new Main();
        main.addClassName("free-terminal");
        var actor = CurrentUser.orNobody();
        TerminalWidget terminal = TerminalWidget.free(
                        StepStarter.of(
                                steps, gate.admission(actor), actor.name(), actor.displayName(), RunPlace.terminal()),
                        binder)
                .hostsWrites(hostsWrites, actor);
        if (!gate.rules().allows(actor, Action.RUN)) {
            terminal.readOnly(gate.rules().needed(Action.RUN).label());
        }
        main.add(new H1(getTranslation("terminal.title")), new Paragraph(getTranslation("terminal.hint")), terminal);
        add(new NotebookHeader(), main);
    }
}

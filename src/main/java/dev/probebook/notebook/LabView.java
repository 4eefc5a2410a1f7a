package dev.probebook.notebook;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import dev.probebook.access.Action;
import dev.probebook.access.Actor;
import dev.probebook.access.ProbeGate;
import dev.probebook.audit.AuditAction;
import dev.probebook.audit.AuditEvent;
import dev.probebook.audit.AuditLog;
import dev.probebook.lab.LabTarget;
import dev.probebook.library.RunbookStore;
import dev.probebook.practice.LabControl;
import dev.probebook.security.CurrentUser;
import jakarta.annotation.security.PermitAll;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The practice lab page ({@code /lab}): whether the lab runs, its scenario targets, and links to follow runbooks and
 * drills in it. Starting and stopping it takes the manage role (admin by default); everyone signed in sees it.
 */
@Route("lab")
@PermitAll
public class LabView extends Div implements BeforeEnterObserver {

    private final LabControl lab;
    private final ProbeGate gate;
    private final RunbookStore library;
    private final AuditLog audit;
    private final Actor actor;

    public LabView(LabControl lab, ProbeGate gate, RunbookStore library, AuditLog audit) {
        this.lab = lab;
        this.gate = gate;
        this.library = library;
        this.audit = audit;
        this.actor = CurrentUser.orNobody();
        addClassName("page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        render(null);
    }

    private void render(String problem) {
        removeAll();
        add(new NotebookHeader());
        Main main = new Main();
        main.addClassName("runbook");
        main.addClassName("lab");
        main.add(new H1(getTranslation("lab.title")));
        main.add(new Div(getTranslation("lab.intro")));
        add(main);
        Optional<LabControl.Running> running = lab.current();
        Div state = new Div(running.map(
                        r -> getTranslation("lab.running", r.lab().startedAt().toString()))
                .orElse(getTranslation("lab.stopped")));
        state.getElement().setAttribute("data-lab-state", running.isPresent() ? "running" : "stopped");
        main.add(state);
        if (problem != null) {
            Div p = new Div(problem);
            p.addClassName("warning");
            p.getElement().setAttribute("data-lab-problem", "");
            main.add(p);
        }
        boolean manage = gate.rules().allows(actor, Action.MANAGE);
        if (manage) {
            Button start = new Button(getTranslation("lab.start"), e -> start());
            start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            start.getElement().setAttribute("data-lab-start", "");
            start.setEnabled(running.isEmpty());
            Button stop = new Button(getTranslation("lab.stop"), e -> {
                lab.stop();
                audit.record(AuditEvent.of(Instant.now(), actor.name(), AuditAction.LAB_STOP));
                render(null);
            });
            stop.getElement().setAttribute("data-lab-stop", "");
            stop.setEnabled(running.isPresent());
            main.add(new Div(start, stop));
        } else {
            main.add(new Div(getTranslation(
                    "lab.ask-admin", gate.rules().needed(Action.MANAGE).label())));
        }
        running.ifPresent(r -> {
            r.lab().notes().forEach(n -> {
                Div note = new Div(n);
                note.addClassName("run-note");
                note.getElement().setAttribute("data-lab-note", "");
                main.add(note);
            });
            main.add(new H2(getTranslation("lab.targets")));
            main.add(targets(r, manage));
            main.add(new H2(getTranslation("lab.follow")));
            main.add(links());
        });
    }

    private void start() {
        try {
            LabControl.Running r = lab.start();
            // recorded after the fact: the lab only listens on loopback and reaches nothing
            audit.record(AuditEvent.of(Instant.now(), actor.name(), AuditAction.LAB_START)
                    .withDetail(r.lab().properties().toString()));
            render(null);
        } catch (IOException | RuntimeException e) {
            render(getTranslation("lab.start-failed", String.valueOf(e.getMessage())));
        }
    }

    /** Where each scenario listens is for admins: to a learner a port would name a drill's fault. */
    private Div targets(LabControl.Running r, boolean withAddresses) {
        Element table = new Element("table");
        table.getClassList().add("data-table");
        Element head = new Element("tr");
        for (String key : new String[] {"lab.scenario", "lab.target", "lab.shows"}) {
            head.appendChild(new Element("th").setText(getTranslation(key)));
        }
        table.appendChild(head);
        for (LabTarget t : r.lab().targets()) {
            Element row = new Element("tr");
            row.setAttribute("data-scenario", t.scenario().id());
            row.appendChild(new Element("td").setText(t.scenario().title()));
            String where = t.url() != null ? t.url() : t.host() + (t.port() > 0 ? ":" + t.port() : "");
            row.appendChild(
                    new Element("td").appendChild(new Element("code").setText(withAddresses ? where : t.host())));
            row.appendChild(new Element("td").setText(t.description()));
            table.appendChild(row);
        }
        Div wrap = new Div();
        wrap.getElement().appendChild(table);
        return wrap;
    }

    /** Guided runbooks (each scenario's values bound) and drills. */
    private Div links() {
        Div box = new Div();
        box.addClassName("lab-links");
        for (RunbookStore.Entry e : library.list()) {
            if ("track".equalsIgnoreCase(e.kind()) || e.runnableSteps() == 0 && e.kind() == null) {
                continue;
            }
            if ("drill".equalsIgnoreCase(e.kind())) {
                RouterLink drill = new RouterLink(e.title(), DrillView.class, e.name());
                drill.getElement().setAttribute("data-drill-link", e.name());
                box.add(new Div(new Span(getTranslation("lab.drill") + " "), drill));
            } else {
                RouterLink guided = new RouterLink(e.title(), GuideView.class, e.name());
                guided.setQueryParameters(QueryParameters.simple(Map.of("lab", "open")));
                guided.getElement().setAttribute("data-lab-guide", e.name());
                box.add(new Div(new Span(getTranslation("lab.guided") + " "), guided));
            }
        }
        return box;
    }
}

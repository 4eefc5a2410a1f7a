package dev.probebook.notebook;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import dev.probebook.access.Action;
import dev.probebook.access.Actor;
import dev.probebook.access.ProbeGate;
import dev.probebook.guide.Drill;
import dev.probebook.library.RunbookDiff;
import dev.probebook.library.RunbookEdits;
import dev.probebook.library.RunbookStore;
import dev.probebook.library.RunbookVersion;
import dev.probebook.registry.ProbeRegistry;
import dev.probebook.runbook.RunbookException;
import dev.probebook.security.CurrentUser;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * {@code /versions/{name}}: a runbook's history (author, date, message; changes made outside Probebook marked), a
 * rendered diff between any two versions (the text and the commands that became or stopped being steps), and, for
 * editors, Restore: an old version saved as the newest, as a new commit (history is never undone).
 *
 * <p>Test contract: each version {@code data-version} (its id), the selects {@code data-diff-from} and
 * {@code data-diff-to}, the diff {@code data-diff}, a restore button {@code data-restore} (the version's id).
 */
@Route("versions")
@PermitAll
public class VersionsView extends Div implements HasUrlParameter<String>, HasDynamicTitle {

    static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final RunbookStore library;
    private final RunbookEdits edits;
    private final ProbeGate gate;
    private final ProbeRegistry registry;
    private final Actor actor = CurrentUser.orNobody();
    private final Div diff = new Div();
    private final Div problem = new Div();
    private String name;
    private String title = "Probebook";

    public VersionsView(RunbookStore library, RunbookEdits edits, ProbeGate gate, ProbeRegistry registry) {
        this.library = library;
        this.edits = edits;
        this.gate = gate;
        this.registry = registry;
        addClassName("page");
    }

    @Override
    public void setParameter(BeforeEvent event, String parameter) {
        name = parameter;
        removeAll();
        Main main = new Main();
        main.addClassName("versions-page");
        add(new NotebookHeader(), main);
        title = getTranslation("versions.title", name);
        main.add(new H1(title), new RouterLink(name, RunbookView.class, name));
        if (!gate.rules().allows(CurrentUser.orNobody(), Action.EDIT) && isDrill(name)) {
            Div hidden = new Div(getTranslation(
                    "versions.drill", gate.rules().needed(Action.EDIT).label()));
            hidden.getElement().setAttribute("data-drill-hidden", "");
            main.add(hidden); // a drill's file holds its answer
            return;
        }
        List<RunbookVersion> versions;
        try {
            versions = library.versions(name);
        } catch (RunbookException e) {
            main.add(new Div(e.getMessage()));
            return;
        }
        problem.addClassName("warning");
        problem.setVisible(false);
        main.add(problem);
        if (versions.isEmpty()) {
            main.add(new Div(getTranslation("versions.none")));
            return;
        }
        main.add(table(versions));
        if (versions.size() > 1) {
            Select<RunbookVersion> from = picker("versions.from", versions, versions.get(1), "data-diff-from");
            Select<RunbookVersion> to = picker("versions.to", versions, versions.get(0), "data-diff-to");
            from.addValueChangeListener(e -> showDiff(from.getValue(), to.getValue()));
            to.addValueChangeListener(e -> showDiff(from.getValue(), to.getValue()));
            Div pickers = new Div(from, to);
            pickers.addClassName("history-filters");
            main.add(pickers, diff);
            showDiff(from.getValue(), to.getValue());
        }
    }

    private Select<RunbookVersion> picker(
            String label, List<RunbookVersion> versions, RunbookVersion value, String attribute) {
        Select<RunbookVersion> s = new Select<>();
        s.setLabel(getTranslation(label));
        s.setItems(versions);
        s.setItemLabelGenerator(v -> v.shortId() + " · " + WHEN.format(v.time()) + " · " + v.author());
        s.setValue(value);
        s.setWidth("24em");
        s.getElement().setAttribute(attribute, "");
        return s;
    }

    private Div table(List<RunbookVersion> versions) {
        boolean editor = gate.rules().allows(actor, Action.EDIT);
        Element t = new Element("table");
        t.getClassList().add("data-table");
        Element head = new Element("tr");
        for (String h : List.of("versions.when", "versions.who", "versions.message", "versions.id")) {
            head.appendChild(new Element("th").setText(getTranslation(h)));
        }
        head.appendChild(new Element("th"));
        t.appendChild(head);
        for (int i = 0; i < versions.size(); i++) {
            RunbookVersion v = versions.get(i);
            Element tr = new Element("tr");
            tr.setAttribute("data-version", v.id());
            tr.appendChild(new Element("td").setText(WHEN.format(v.time())));
            Element who = new Element("td").setText(v.outside() ? "" : v.author());
            if (v.outside()) {
                Span badge = new Span(getTranslation("versions.outside"));
                badge.addClassNames("badge", "verdict-warn");
                who.appendChild(badge.getElement());
            }
            tr.appendChild(who);
            tr.appendChild(new Element("td").setText(v.subject()));
            tr.appendChild(new Element("td").appendChild(new Element("code").setText(v.shortId())));
            Element actions = new Element("td");
            if (editor && i > 0) {
                Button restore = new Button(getTranslation("versions.restore"), e -> restore(v));
                restore.addThemeVariants(ButtonVariant.LUMO_SMALL);
                restore.getElement().setAttribute("data-restore", v.id());
                actions.appendChild(restore.getElement());
            }
            tr.appendChild(actions);
            t.appendChild(tr);
        }
        Div wrap = new Div();
        wrap.addClassName("table-wrap");
        wrap.getElement().appendChild(t);
        return wrap;
    }

    private void showDiff(RunbookVersion from, RunbookVersion to) {
        diff.removeAll();
        if (from == null || to == null) {
            return;
        }
        try {
            diff.add(DiffView.of(
                    RunbookDiff.of(library.textAt(name, from.id()), library.textAt(name, to.id()), registry),
                    this::getTranslation));
        } catch (RunbookException e) {
            diff.add(new Div(e.getMessage()));
        }
    }

    private void restore(RunbookVersion v) {
        try {
            String current = library.source(name).hash();
            edits.restore(actor, name, v.id(), current);
            UI.getCurrent().navigate(RunbookView.class, name);
        } catch (Exception e) {
            problem.setText(getTranslation("versions.not-restored", e.getMessage()));
            problem.setVisible(true);
        }
    }

    @Override
    public String getPageTitle() {
        return title + " · Probebook";
    }

    private boolean isDrill(String name) {
        try {
            return Drill.isDrill(library.load(name).plan().runbook().frontMatter());
        } catch (RunbookException e) {
            return false;
        }
    }
}

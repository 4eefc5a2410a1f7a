package dev.probebook.notebook;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.probebook.access.Action;
import dev.probebook.access.ProbeGate;
import dev.probebook.audit.AuditAction;
import dev.probebook.audit.AuditEvent;
import dev.probebook.audit.AuditException;
import dev.probebook.audit.AuditLog;
import dev.probebook.audit.AuditQuery;
import dev.probebook.library.RunbookStore;
import dev.probebook.plan.RunbookPlan;
import dev.probebook.runbook.RunbookException;
import jakarta.annotation.security.PermitAll;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /audit}: the audit log, newest first, filtered by user, action and text. Only for the role
 * {@code probebook.roles.audit} (admin by default), checked here on the server before anything renders.
 */
@Route("audit")
@PageTitle("Audit log · Probebook")
@PermitAll
public class AuditView extends Div implements BeforeEnterObserver {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private final AuditLog log;
    private final ProbeGate gate;
    private final RunbookStore library;
    private final TextField user = new TextField();
    private final Select<String> action = new Select<>();
    private final TextField text = new TextField();
    private final Div table = new Div();
    private final Span status = new Span();

    public AuditView(AuditLog log, ProbeGate gate, RunbookStore library) {
        this.log = log;
        this.gate = gate;
        this.library = library;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!RoleRequired.check(event, this, gate, Action.AUDIT, "nav.audit")) {
            return;
        }
        if (getChildren().findAny().isEmpty()) {
            build();
        }
    }

    private void build() {
        addClassName("page");
        Main main = new Main();
        main.addClassName("audit");
        user.setPlaceholder(getTranslation("audit.user"));
        user.setAriaLabel(getTranslation("audit.user"));
        user.getElement().setAttribute("data-audit-filter", "user");
        text.setPlaceholder(getTranslation("audit.text"));
        text.setAriaLabel(getTranslation("audit.text"));
        text.getElement().setAttribute("data-audit-filter", "text");
        List<String> actions = new ArrayList<>(List.of(""));
        actions.addAll(
                Arrays.stream(AuditAction.values()).map(AuditAction::label).toList());
        action.setItems(actions);
        action.setItemLabelGenerator(a -> a.isEmpty() ? getTranslation("audit.any-action") : a);
        action.setValue("");
        action.setAriaLabel(getTranslation("audit.action"));
        for (var f : List.of(user, text)) {
            f.setValueChangeMode(ValueChangeMode.LAZY);
            f.setClearButtonVisible(true);
            f.addValueChangeListener(e -> refresh());
        }
        action.addValueChangeListener(e -> refresh());
        Div filters = new Div(user, action, text, status);
        filters.addClassName("audit-filters");
        table.addClassName("audit-table");
        main.add(new H1(getTranslation("nav.audit")), filters, table);
        add(new NotebookHeader(), main);
        refresh();
    }

    private void refresh() {
        table.removeAll();
        table.getElement().removeAllChildren();
        AuditQuery q = AuditQuery.all().limit(500);
        if (!user.getValue().isBlank()) {
            q = q.user(user.getValue().strip());
        }
        if (!action.getValue().isEmpty()) {
            q = q.action(AuditAction.fromLabel(action.getValue()));
        }
        if (!text.getValue().isBlank()) {
            q = q.text(text.getValue().strip());
        }
        List<AuditEvent> events;
        try {
            events = log.query(q);
        } catch (AuditException e) {
            status.setText(e.getMessage());
            return;
        }
        if (action.getValue().isEmpty()) {
            events = OneRowPerRun.of(events);
        }
        status.setText(getTranslation("audit.count", events.size()));
        Element t = new Element("table");
        t.getClassList().add("data-table");
        Element head = new Element("tr");
        for (String h : List.of(
                "audit.time",
                "audit.user",
                "audit.action",
                "audit.where",
                "audit.command",
                "audit.target",
                "runbook.verdict",
                "audit.ms",
                "audit.detail")) {
            head.appendChild(new Element("th").setText(getTranslation(h)));
        }
        t.appendChild(head);
        Map<String, Optional<RunbookPlan>> plans = new HashMap<>();
        for (AuditEvent e : events) {
            Element row = new Element("tr");
            row.setAttribute("data-audit-row", e.action().label());
            row.appendChild(cell(TIME.format(e.time()), "time"));
            row.appendChild(cell(e.user(), null));
            row.appendChild(cell(e.action().label(), null));
            row.appendChild(where(e, plans));
            row.appendChild(cell(e.command(), "command"));
            for (String text : new String[] {
                e.target(), e.verdict(), e.durationMs() == null ? "" : String.valueOf(e.durationMs()), e.detail()
            }) {
                row.appendChild(cell(text, null));
            }
            t.appendChild(row);
        }
        table.getElement().appendChild(t);
    }

    private static Element cell(String text, String className) {
        Element td = new Element("td").setText(text == null ? "" : text);
        if (className != null) {
            td.getClassList().add(className);
        }
        return td;
    }

    /**
     * Where a run happened: the step by its heading in the runbook as it is now, linked to it; the runbook and line
     * when the runbook is gone or the line no longer holds a step (it was edited since).
     */
    private Element where(AuditEvent e, Map<String, Optional<RunbookPlan>> plans) {
        if (e.runbook() == null) {
            return cell("", null);
        }
        String plain = e.runbook() + (e.step() == null ? "" : ":" + e.step());
        if (e.step() == null) {
            return cell(plain, null);
        }
        Optional<String> heading = plans.computeIfAbsent(e.runbook(), this::plan)
                .flatMap(p -> p.blockAt(e.step()))
                .map(b -> b.code().section())
                .filter(h -> h != null && !h.isBlank());
        Element link = new Element("a")
                .setAttribute(
                        "href",
                        "runbook/"
                                + URLEncoder.encode(e.runbook(), StandardCharsets.UTF_8)
                                        .replace("+", "%20") + "#step-" + e.step())
                .setText(heading.orElse(plain));
        link.setAttribute("title", plain);
        return new Element("td").appendChild(link);
    }

    private Optional<RunbookPlan> plan(String runbook) {
        try {
            return Optional.of(library.load(runbook).plan());
        } catch (RunbookException | RuntimeException e) {
            return Optional.empty();
        }
    }
}

package dev.probebook.notebook;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import dev.probebook.access.Action;
import dev.probebook.access.Actor;
import dev.probebook.access.ProbeGate;
import dev.probebook.history.Report;
import dev.probebook.history.RunQuery;
import dev.probebook.history.RunRecord;
import dev.probebook.history.RunStore;
import dev.probebook.history.StoreException;
import dev.probebook.report.Reports;
import dev.probebook.security.CurrentUser;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code /history/{runbook}}: a runbook's run history, newest first, filtered by person, verdict and target; runs
 * can be chosen and made into a report. Everyone signed in reads it (a viewer reads past results).
 *
 * <p>Test contract: the table rows carry {@code data-run-row} (the run's id), the filters {@code data-filter} (user,
 * verdict, target), the report button {@code data-report-selected}.
 */
@Route("history")
@PermitAll
public class HistoryView extends Div implements HasUrlParameter<String>, HasDynamicTitle {

    static final int SHOWN = 200;

    private final RunStore store;
    private final Reports reports;
    private final ProbeGate gate;
    private final Actor actor = CurrentUser.orNobody();
    private final TextField user = new TextField();
    private final Select<String> verdict = new Select<>();
    private final TextField target = new TextField();
    private final Div table = new Div();
    private final Div problem = new Div();
    private final Set<String> selected = new LinkedHashSet<>();
    private String runbook;

    public HistoryView(RunStore store, Reports reports, ProbeGate gate) {
        this.store = store;
        this.reports = reports;
        this.gate = gate;
        addClassName("page");
    }

    @Override
    public void setParameter(BeforeEvent event, String parameter) {
        runbook = parameter;
        removeAll();
        Main main = new Main();
        main.addClassName("history-page");
        main.getElement().setAttribute("data-history-page", runbook);
        RouterLink back = new RouterLink(runbook, RunbookView.class, runbook);
        main.add(new H1(getTranslation("history.page-title", runbook)), back);
        user.setLabel(getTranslation("history.person"));
        user.getElement().setAttribute("data-filter", "user");
        target.setLabel(getTranslation("history.target"));
        target.getElement().setAttribute("data-filter", "target");
        for (TextField f : List.of(user, target)) {
            f.setValueChangeMode(ValueChangeMode.LAZY);
            f.setClearButtonVisible(true);
            f.addValueChangeListener(e -> load());
        }
        verdict.setLabel(getTranslation("history.verdict"));
        verdict.setItems("", "ok", "warn", "fail", "error", "skipped");
        verdict.setItemLabelGenerator(v -> v.isEmpty() ? getTranslation("history.any") : v);
        verdict.setValue("");
        verdict.getElement().setAttribute("data-filter", "verdict");
        verdict.addValueChangeListener(e -> load());
        Div filters = new Div(user, verdict, target);
        filters.addClassName("history-filters");
        problem.addClassName("warning");
        problem.setVisible(false);
        main.add(filters, problem, table);
        if (gate.rules().allows(actor, Action.RUN)) {
            Button report = new Button(getTranslation("history.selected-report"), e -> report());
            report.getElement().setAttribute("data-report-selected", "");
            main.add(report);
        }
        add(new NotebookHeader(), main);
        load();
    }

    private void load() {
        table.removeAll();
        selected.clear();
        List<RunRecord> runs;
        try {
            runs = store.runs(RunQuery.latest(SHOWN)
                    .runbook(runbook)
                    .user(blank(user.getValue()))
                    .verdict(blank(verdict.getValue()))
                    .target(blank(target.getValue())));
            problem.setVisible(false);
        } catch (StoreException e) {
            problem.setText(getTranslation("history.unavailable", e.getMessage()));
            problem.setVisible(true);
            return;
        }
        if (runs.isEmpty()) {
            table.add(new Div(getTranslation("history.no-runs")));
            return;
        }
        Element t = new Element("table");
        t.getClassList().add("data-table");
        Element head = new Element("tr");
        head.appendChild(new Element("th"));
        for (String h : List.of(
                "history.when",
                "history.who",
                "history.step",
                "history.verdict",
                "history.summary",
                "history.target")) {
            head.appendChild(new Element("th").setText(getTranslation(h)));
        }
        t.appendChild(head);
        for (RunRecord r : runs) {
            Element tr = new Element("tr");
            tr.setAttribute("data-run-row", r.id());
            Checkbox pick = new Checkbox();
            pick.setAriaLabel(r.id());
            pick.addValueChangeListener(e -> {
                if (e.getValue()) {
                    selected.add(r.id());
                } else {
                    selected.remove(r.id());
                }
            });
            tr.appendChild(new Element("td").appendChild(pick.getElement()));
            tr.appendChild(new Element("td").setText(StepHistory.WHEN.format(r.startedAt())));
            tr.appendChild(new Element("td").setText(r.userName()));
            Element step = new Element("td");
            step.appendChild(new Element("div").setText(r.stepHeading() == null ? "" : r.stepHeading()));
            Element command = new Element("code").setText(r.commandRun());
            step.appendChild(command);
            tr.appendChild(step);
            Span badge = new Span(r.verdict());
            badge.addClassNames("badge", "verdict-" + r.verdict());
            tr.appendChild(new Element("td").appendChild(badge.getElement()));
            tr.appendChild(new Element("td").setText(KoreanSummaries.forPage(getLocale(), r.summary())));
            tr.appendChild(new Element("td").setText(r.targets() == null ? "" : r.targets()));
            t.appendChild(tr);
        }
        Div wrap = new Div();
        wrap.addClassName("table-wrap");
        wrap.getElement().appendChild(t);
        table.add(wrap);
    }

    private void report() {
        if (selected.isEmpty()) {
            return;
        }
        try {
            Report report = reports.ofRuns(actor, new ArrayList<>(selected), null);
            UI.getCurrent().navigate(ReportView.class, report.id());
        } catch (Exception e) {
            problem.setText(getTranslation("report.failed", e.getMessage()));
            problem.setVisible(true);
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("history.page-title", runbook) + " · Probebook";
    }
}

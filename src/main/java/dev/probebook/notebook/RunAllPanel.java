package dev.probebook.notebook;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.dom.Element;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Run all: runs the page's runnable steps one after another (the next starts from the previous one's
 * finish, never by waiting on the UI thread), shows "n of m", and ends with a summary table linking to
 * each step. Steps with unbound variables end as skipped, naming the variable. Detaching stops the chain.
 */
final class RunAllPanel extends Composite<Div> {

    private final List<TerminalWidget> widgets;
    /** Puts every step of the runbook on the page (a long one arrives in parts). */
    private final Runnable allOnPage;

    private final NativeButton runAll = new NativeButton();
    private final Span progress = new Span();
    private final Div summary = new Div();
    private final Span limitNote = new Span();
    private final int maxSteps;
    private final Consumer<String> report;
    private final Div problem = new Div();
    private volatile boolean cancelled;
    private String session;

    /**
     * {@code maxSteps}: how many steps one Run all starts ({@code probebook.limits.run-all-max-steps});
     * {@code allOnPage}: puts every step on the page before the run starts; {@code report}: makes a report of a finished Run all's session, or null when there is no run history.
     */
    RunAllPanel(List<TerminalWidget> widgets, Runnable allOnPage, int maxSteps, Consumer<String> report) {
        this.widgets = widgets;
        this.allOnPage = allOnPage;
        this.maxSteps = maxSteps;
        this.report = report;
        Div root = getContent();
        root.addClassName("run-all");
        runAll.setText(getTranslation("runbook.run-all"));
        runAll.getElement().setAttribute("aria-label", "Run all");
        runAll.addClassNames("pb-button", "contrast");
        runAll.addClickListener(e -> start());
        progress.addClassName("progress");
        progress.getElement().setAttribute("data-progress", "");
        summary.addClassName("run-all-summary");
        limitNote.addClassName("limit-note");
        limitNote.getElement().setAttribute("data-run-all-limit", "");
        problem.addClassName("warning");
        root.add(runAll, progress, limitNote, summary, problem);
        addDetachListener(e -> cancelled = true);
    }

    private void start() {
        allOnPage.run();
        List<TerminalWidget> all =
                widgets.stream().filter(TerminalWidget::runnable).toList();
        if (all.isEmpty()) {
            return;
        }
        List<TerminalWidget> steps = all.size() > maxSteps ? all.subList(0, maxSteps) : all;
        limitNote.setText(
                all.size() > maxSteps ? getTranslation("runbook.run-all-limit", maxSteps, all.size() - maxSteps) : "");
        cancelled = false;
        session = UUID.randomUUID().toString();
        problem.setText("");
        runAll.setEnabled(false);
        summary.removeAll();
        summary.getElement().removeAttribute("data-summary");
        List<Row> rows = new ArrayList<>();
        next(UI.getCurrent(), steps, 0, rows);
    }

    /** Says why something around Run all did not work (a report that could not be made). */
    void problem(String text) {
        problem.setText(text);
    }

    private record Row(int line, String command, String verdict, String summary) {}

    private void next(UI ui, List<TerminalWidget> steps, int index, List<Row> rows) {
        if (index >= steps.size() || cancelled) {
            finish(rows);
            return;
        }
        progress.setText(getTranslation("runbook.progress", index + 1, steps.size()));
        TerminalWidget w = steps.get(index);
        String command = w.commandText();
        w.start(session)
                .whenComplete((outcome, error) -> OutputBatcher.access(ui, () -> {
                    rows.add(new Row(
                            w.step().line(),
                            command,
                            outcome == null ? "error" : outcome.verdict().label(),
                            outcome == null ? String.valueOf(error) : outcome.summary()));
                    next(ui, steps, index + 1, rows);
                }));
    }

    private void finish(List<Row> rows) {
        runAll.setEnabled(true);
        progress.setText(getTranslation("runbook.progress", rows.size(), rows.size()));
        Element table = new Element("table");
        table.getClassList().add("data-table");
        Element head = new Element("tr");
        for (String h : List.of("runbook.step", "runbook.verdict", "runbook.result")) {
            head.appendChild(new Element("th").setText(getTranslation(h)));
        }
        table.appendChild(head);
        for (Row r : rows) {
            Element tr = new Element("tr");
            Element link =
                    new Element("a").setAttribute("href", "#step-" + r.line()).setText(r.command());
            tr.appendChild(new Element("td").appendChild(link));
            Element badge = new Element("span").setText(r.verdict());
            badge.getClassList().add("badge");
            badge.getClassList().add("verdict-" + r.verdict());
            tr.appendChild(new Element("td").appendChild(badge));
            tr.appendChild(new Element("td").setText(r.summary()));
            table.appendChild(tr);
        }
        Div title = new Div(getTranslation("runbook.summary"));
        title.addClassName("details-heading");
        summary.add(title);
        summary.getElement().appendChild(table);
        summary.getElement().setAttribute("data-summary", String.valueOf(rows.size()));
        if (report != null && !rows.isEmpty()) {
            String ran = session;
            Button make = new Button(getTranslation("report.make"), e -> report.accept(ran));
            make.getElement().setAttribute("data-make-report", "");
            summary.add(make);
        }
    }
}

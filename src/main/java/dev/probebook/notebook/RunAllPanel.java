package dev.probebook.notebook;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.dom.Element;
import dev.probebook.step.StepOutcome;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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
        List<TerminalWidget> all = widgets.stream()
                .filter(TerminalWidget::runnable)
                .filter(TerminalWidget::included)
                .toList();
        long left = widgets.stream()
                .filter(TerminalWidget::runnable)
                .filter(w -> !w.included())
                .count();
        if (all.isEmpty()) {
            progress.setText(getTranslation("runbook.run-all-none"));
            return;
        }
        List<TerminalWidget> steps = all.size() > maxSteps ? all.subList(0, maxSteps) : all;
        String limit =
                all.size() > maxSteps ? getTranslation("runbook.run-all-limit", maxSteps, all.size() - maxSteps) : "";
        String excluded = left > 0 ? getTranslation("runbook.run-all-excluded", left) : "";
        limitNote.setText((limit + " " + excluded).strip());
        cancelled = false;
        session = UUID.randomUUID().toString();
        problem.setText("");
        runAll.setEnabled(false);
        summary.removeAll();
        summary.getElement().removeAttribute("data-summary");
        next(UI.getCurrent(), steps, 0, new Row[steps.size()], new ArrayList<>());
    }

    /** Says why something around Run all did not work (a report that could not be made). */
    void problem(String text) {
        problem.setText(text);
    }

    /** One line of the summary: the step by its heading, the command as it ran, and how it ended. */
    private record Row(int line, String heading, String command, String verdict, String summary) {}

    /** How long Run all waits for a background capture to start listening before it goes on. */
    private static final long LISTENING_WAIT_MS = 3_000;

    /**
     * Starts step {@code index}. A capture step runs in the background: the chain goes on once it prints its
     * first line (it is listening then) and the summary waits for it at the end; any other step is waited for.
     */
    private void next(UI ui, List<TerminalWidget> steps, int index, Row[] rows, List<CompletableFuture<?>> background) {
        if (index >= steps.size() || cancelled) {
            if (background.isEmpty()) {
                finish(rows);
            } else {
                progress.setText(getTranslation("runbook.run-all-waiting"));
                CompletableFuture.allOf(background.toArray(CompletableFuture[]::new))
                        .whenComplete((v, e) -> OutputBatcher.access(ui, () -> finish(rows)));
            }
            return;
        }
        progress.setText(getTranslation("runbook.progress", index + 1, steps.size()));
        TerminalWidget w = steps.get(index);
        String shown = w.commandText();
        CompletableFuture<StepOutcome> outcome = w.start(session);
        CompletableFuture<StepOutcome> recorded = outcome.whenComplete((o, error) -> OutputBatcher.access(ui, () -> {
            String command = o == null || o.runs().isEmpty() ? shown : o.command();
            rows[index] = new Row(
                    w.step().line(),
                    w.step().code().section(),
                    command,
                    o == null ? "error" : o.verdict().label(),
                    o == null ? String.valueOf(error) : KoreanSummaries.forPage(getLocale(), o.summary()));
        }));
        if (w.background() && !outcome.isDone()) {
            background.add(recorded);
            w.firstOutput()
                    .completeOnTimeout(null, LISTENING_WAIT_MS, TimeUnit.MILLISECONDS)
                    .whenComplete(
                            (v, e) -> OutputBatcher.access(ui, () -> next(ui, steps, index + 1, rows, background)));
        } else {
            recorded.whenComplete(
                    (o, e) -> OutputBatcher.access(ui, () -> next(ui, steps, index + 1, rows, background)));
        }
    }

    private void finish(Row[] byStep) {
        List<Row> rows = Arrays.stream(byStep).filter(Objects::nonNull).toList();
        runAll.setEnabled(true);
        progress.setText(getTranslation("runbook.progress", rows.size(), rows.size()));
        Element table = new Element("table");
        table.getClassList().add("data-table");
        Element head = new Element("tr");
        for (String h : List.of("runbook.step", "runbook.command-run", "runbook.verdict", "runbook.result")) {
            head.appendChild(new Element("th").setText(getTranslation(h)));
        }
        table.appendChild(head);
        for (Row r : rows) {
            Element tr = new Element("tr");
            tr.setAttribute("data-summary-step", String.valueOf(r.line()));
            String heading = r.heading() == null || r.heading().isBlank()
                    ? getTranslation("runbook.line", r.line())
                    : r.heading();
            Element link =
                    new Element("a").setAttribute("href", "#step-" + r.line()).setText(heading);
            tr.appendChild(new Element("td").appendChild(link));
            Element code = new Element("code").setText(r.command());
            tr.appendChild(new Element("td").appendChild(code));
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

package dev.probebook.notebook;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.router.RouteConfiguration;
import dev.probebook.history.RecordedRuns;
import dev.probebook.history.RunComparison;
import dev.probebook.history.RunQuery;
import dev.probebook.history.RunRecord;
import dev.probebook.history.RunStore;
import dev.probebook.history.StepKey;
import dev.probebook.history.StoreException;
import dev.probebook.report.Visibility;
import dev.probebook.step.StepOutcome;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jsoup.nodes.Entities;

/**
 * A step's memory under its terminal: its last runs (verdict, when, who, against what), any of which opens beside the
 * live output, and after a run "Compare with the last good run", which says what changed by meaning (the verdict and
 * each fact the probe states: answers, ports, status, days left, timings), not as a text diff.
 *
 * <p>Test contract: the box carries {@code data-history}, each run {@code data-history-run} (its id), an opened run
 * {@code data-earlier}, the comparison {@code data-compare} ({@code same} or {@code changed}).
 *
 * <p>Reads the history on the UI thread, one small indexed query at a time; a history that cannot be read says so
 * here and nowhere else.
 */
final class StepHistory extends Composite<Div> {

    static final int SHOWN = 5;
    static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final RunStore store;
    private final String runbook;
    private final StepKey step;
    private final Visibility visibility;
    private final Element head = new Element("div");
    private final Div list = new Div();
    private final Div earlier = new Div();
    private final Div comparison = new Div();

    StepHistory(RunStore store, String runbook, StepKey step, Visibility visibility, List<RunRecord> recent) {
        this.store = store;
        this.runbook = runbook;
        this.step = step;
        this.visibility = visibility;
        Div root = getContent();
        root.addClassName("step-history");
        root.getElement().setAttribute("data-history", "");
        // Under every step of a page, so few nodes: the head is one element of (escaped) HTML that also says when the
        // step has never run; the list of runs and the comparison and earlier-run boxes join the page when needed.
        head.getClassList().add("history-head");
        list.addClassName("history-runs");
        earlier.addClassName("earlier-run");
        comparison.addClassName("comparison");
        root.getElement().appendChild(head);
        show(recent);
    }

    /** The head: title, "not run yet" when there are no runs, and the link to all runs of the runbook. */
    private void head(boolean none) {
        head.setProperty(
                "innerHTML",
                "<span class=\"history-title\">" + Entities.escape(getTranslation("history.title")) + "</span> "
                        + (none
                                ? "<span class=\"history-none\">" + Entities.escape(getTranslation("history.none"))
                                        + "</span> "
                                : "")
                        + "<a class=\"history-all\" href=\""
                        + Entities.escape(
                                RouteConfiguration.forApplicationScope().getUrl(HistoryView.class, runbook))
                        + "\">" + Entities.escape(getTranslation("history.all")) + "</a>");
    }

    /** Adds the comparison or earlier-run box to the history the first time it is needed. */
    private Div inPage(Div box) {
        if (box.getParent().isEmpty()) {
            getContent().add(box);
        }
        return box;
    }

    private void show(List<RunRecord> recent) {
        list.removeAll();
        head(recent.isEmpty());
        if (recent.isEmpty()) {
            return;
        }
        if (list.getParent().isEmpty()) {
            getContent().addComponentAtIndex(1, list);
        }
        for (RunRecord r : recent) {
            NativeButton row = new NativeButton();
            row.addClassName("history-run");
            row.getElement().setAttribute("data-history-run", r.id());
            Span badge = new Span(r.verdict());
            badge.addClassNames("badge", "verdict-" + r.verdict());
            row.getElement().appendChild(badge.getElement());
            row.getElement()
                    .appendChild(Element.createText(" " + WHEN.format(r.startedAt()) + " · " + r.userName()
                            + (r.targets() == null ? "" : " · " + r.targets())));
            row.addClickListener(e -> open(r.id()));
            list.add(row);
        }
    }

    /** After a run of this step: the list again, and the comparison with the last good run before it. */
    void afterRun(String runId, StepOutcome outcome) {
        inPage(comparison).removeAll();
        try {
            show(store.runs(RunQuery.latest(SHOWN).runbook(runbook).step(step)));
        } catch (StoreException e) {
            unavailable(e);
            return;
        }
        if (outcome.refusal() != null || outcome.runs().isEmpty()) {
            return;
        }
        Button compare = new Button(getTranslation("history.compare"), e -> compare(runId, outcome));
        compare.addThemeVariants(ButtonVariant.LUMO_SMALL);
        compare.getElement().setAttribute("data-compare-button", "");
        comparison.add(compare);
    }

    private void compare(String runId, StepOutcome outcome) {
        comparison.removeAll();
        Optional<RunRecord> good;
        try {
            good = store.lastGood(runbook, step, runId);
        } catch (StoreException e) {
            unavailable(e);
            return;
        }
        if (good.isEmpty()) {
            Div none = new Div(getTranslation("history.no-good"));
            none.getElement().setAttribute("data-compare", "none");
            comparison.add(none);
            return;
        }
        RunRecord before = good.get();
        RunComparison c =
                RunComparison.of(RecordedRuns.facts(outcome), outcome.verdict().label(), outcome.elapsedMs(), before);
        String when = WHEN.format(before.startedAt());
        if (c.same()) {
            Div same = new Div(getTranslation("history.same", when, before.userName()));
            same.getElement().setAttribute("data-compare", "same");
            comparison.add(same);
            return;
        }
        Div head = new Div(getTranslation("history.changed", when, before.userName()));
        head.addClassName("details-heading");
        List<List<String>> rows = new ArrayList<>();
        if (c.verdictChanged()) {
            rows.add(List.of(getTranslation("history.verdict"), c.verdictBefore(), c.verdictNow(), ""));
        }
        for (RunComparison.Change change : c.changes()) {
            rows.add(List.of(change.fact(), nz(change.before()), nz(change.now()), nz(change.delta())));
        }
        rows.add(List.of(
                getTranslation("history.time"),
                String.valueOf(before.elapsedMs()),
                String.valueOf(outcome.elapsedMs()),
                (c.elapsedDeltaMs() > 0 ? "+" : "") + c.elapsedDeltaMs()));
        Div table = (Div) DetailViews.table(
                List.of(
                        getTranslation("history.fact"),
                        getTranslation("history.then"),
                        getTranslation("history.now"),
                        getTranslation("history.change")),
                rows);
        Div box = new Div(head, table);
        box.getElement().setAttribute("data-compare", "changed");
        comparison.add(box);
    }

    /** Opens an earlier run beside the live output. */
    private void open(String id) {
        inPage(earlier).removeAll();
        RunRecord r;
        try {
            Optional<RunRecord> found = store.run(id);
            if (found.isEmpty()) {
                return;
            }
            r = found.get();
        } catch (StoreException e) {
            unavailable(e);
            return;
        }
        Span title = new Span(getTranslation("history.earlier", WHEN.format(r.startedAt()), r.userName()));
        title.addClassName("details-heading");
        NativeButton close = new NativeButton(getTranslation("history.close"), e -> earlier.setVisible(false));
        close.addClassNames("pb-button", "inline");
        Span badge = new Span(r.verdict());
        badge.addClassNames("badge", "verdict-" + r.verdict());
        Div status = new Div(badge, new Span(" " + KoreanSummaries.forPage(getLocale(), r.summary())));
        status.addClassName("status");
        earlier.add(new Div(title, close), status);
        if (visibility.mayRead(r)) {
            Pre output = new Pre("$ " + r.commandRun().replace("\n", "\n$ ") + "\n" + nz(r.output()));
            output.addClassName("output");
            earlier.add(output);
        } else {
            earlier.add(new Div(getTranslation("history.hidden")));
        }
        earlier.getElement().setAttribute("data-earlier", id);
        earlier.setVisible(true);
    }

    private void unavailable(StoreException e) {
        inPage(comparison).removeAll();
        Div note = new Div(getTranslation("history.unavailable", e.getMessage()));
        note.addClassName("warning");
        comparison.add(note);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}

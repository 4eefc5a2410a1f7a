package dev.probebook.notebook;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import dev.probebook.access.Action;
import dev.probebook.access.ProbeGate;
import dev.probebook.history.Freshness;
import dev.probebook.history.HistorySettings;
import dev.probebook.history.RunStore;
import dev.probebook.history.StoreException;
import dev.probebook.library.RunbookStore;
import dev.probebook.security.CurrentUser;
import dev.probebook.settings.Settings;
import jakarta.annotation.security.PermitAll;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code /}: every runbook in the runbooks folder with title, tags, date and runnable steps, with search. */
@Route("")
@PermitAll
public class LibraryView extends Div implements HasDynamicTitle {

    private final List<RunbookStore.Entry> entries;
    private final Div list = new Div();
    private final Div empty = new Div();
    private final Map<String, Freshness> freshness;
    private final Duration maxAge;
    private final Instant now = Instant.now();
    private final Select<String> sort = new Select<>();
    private final Select<String> show = new Select<>();
    private String query = "";

    public LibraryView(RunbookStore library, ProbeGate gate, RunStore history, Settings settings) {
        addClassName("page");
        entries = library.list();
        maxAge = settings.section(HistorySettings.SECTION).freshnessMaxAge();
        Map<String, Freshness> known;
        String problem = null;
        try {
            known = history.freshness(
                    entries.stream().map(RunbookStore.Entry::name).toList(), now);
        } catch (StoreException e) {
            known = Map.of();
            problem = e.getMessage();
        }
        freshness = known;
        Main main = new Main();
        main.addClassName("library");
        TextField search = new TextField();
        search.setPlaceholder(getTranslation("library.search"));
        search.setAriaLabel(getTranslation("library.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.getElement().setAttribute("data-search", "");
        search.addValueChangeListener(e -> {
            query = e.getValue();
            filter();
        });
        sort.setLabel(getTranslation("library.sort"));
        sort.setItems("title", "fresh");
        sort.setItemLabelGenerator(v -> getTranslation("library.sort-" + v));
        sort.setValue("title");
        sort.getElement().setAttribute("data-sort", "");
        sort.addValueChangeListener(e -> filter());
        show.setLabel(getTranslation("library.show"));
        show.setItems("all", "stale", "never", "failing");
        show.setItemLabelGenerator(v -> getTranslation("library.show-" + v));
        show.setValue("all");
        show.getElement().setAttribute("data-show", "");
        show.addValueChangeListener(e -> filter());
        list.addClassName("runbook-list");
        empty.addClassName("empty");
        Div title = new Div(new H1(getTranslation("nav.library")));
        title.addClassName("library-title");
        if (gate.rules().allows(CurrentUser.orNobody(), Action.EDIT)) { // the editor checks again
            Button create = new Button(
                    getTranslation("library.new"), e -> UI.getCurrent().navigate(RunbookEditorView.class));
            create.getElement().setAttribute("data-new-runbook", "");
            title.add(create);
        }
        Div controls = new Div(search, sort, show);
        controls.addClassName("library-controls");
        main.add(title, controls);
        if (problem != null) {
            Div warn = new Div(getTranslation("history.unavailable", problem));
            warn.addClassName("warning");
            main.add(warn);
        }
        main.add(list, empty);
        add(new NotebookHeader(), main);
        if (entries.isEmpty()) {
            empty.setText(getTranslation("library.empty", library.folder()));
        }
        filter();
    }

    private void filter() {
        list.removeAll();
        String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        int shown = 0;
        List<RunbookStore.Entry> ordered = new ArrayList<>(entries);
        if ("fresh".equals(sort.getValue())) {
            // never verified first, then the longest ago
            ordered.sort(Comparator.comparing(
                    (RunbookStore.Entry e) -> fresh(e).verifiedAt(), Comparator.nullsFirst(Comparator.naturalOrder())));
        }
        for (RunbookStore.Entry e : ordered) {
            if (!wanted(fresh(e))) {
                continue;
            }
            String haystack = (e.name() + " " + e.title() + " " + String.join(" ", e.tags())).toLowerCase(Locale.ROOT);
            if (!q.isEmpty() && !haystack.contains(q)) {
                continue;
            }
            list.add(card(e));
            shown++;
        }
        if (!entries.isEmpty()) {
            empty.setText(shown == 0 ? getTranslation("library.none-match") : "");
        }
    }

    private Div card(RunbookStore.Entry e) {
        Div card = new Div();
        card.addClassName("runbook-card");
        card.getElement().setAttribute("data-runbook", e.name());
        RouterLink title = new RouterLink(e.title(), RunbookView.class, e.name());
        title.addClassName("runbook-title");
        Div meta = new Div();
        meta.addClassName("meta");
        if (e.date() != null) {
            meta.add(new Span(e.date()));
        }
        meta.add(new Span(getTranslation("library.steps", e.runnableSteps())));
        Div tags = new Div();
        tags.addClassName("tags");
        e.tags().forEach(t -> {
            Span tag = new Span(t);
            tag.addClassName("tag");
            tags.add(tag);
        });
        card.add(title, meta, freshnessBadge(fresh(e)), tags);
        if (e.problem() != null) {
            Div p = new Div(e.problem());
            p.addClassName("problem");
            card.add(p);
        }
        return card;
    }

    private Freshness fresh(RunbookStore.Entry e) {
        return freshness.getOrDefault(e.name(), Freshness.neverRun(e.name()));
    }

    private boolean wanted(Freshness f) {
        return switch (show.getValue() == null ? "all" : show.getValue()) {
            case "stale" -> f.stale(now, maxAge);
            case "never" -> f.neverRan();
            case "failing" -> !f.failingSteps().isEmpty();
            default -> true;
        };
    }

    /** Verified when and by whom, or stale, never verified, never run; and steps failing for a week. */
    private Div freshnessBadge(Freshness f) {
        Div box = new Div();
        box.addClassName("freshness");
        Span state;
        if (f.neverRan()) {
            state = new Span(getTranslation("library.never-run"));
            box.getElement().setAttribute("data-freshness", "never");
        } else if (f.verifiedAt() == null) {
            state = new Span(getTranslation("library.unverified"));
            box.getElement().setAttribute("data-freshness", "unverified");
        } else {
            String text = getTranslation("library.verified", StepHistory.WHEN.format(f.verifiedAt()), f.verifiedBy());
            boolean stale = f.stale(now, maxAge);
            state = new Span((stale ? getTranslation("library.stale") + ": " : "") + text);
            box.getElement().setAttribute("data-freshness", stale ? "stale" : "verified");
            if (f.verifiedTargets() != null) {
                state.getElement().setAttribute("title", f.verifiedTargets());
            }
        }
        state.addClassName("freshness-state");
        box.add(state);
        if (!f.failingSteps().isEmpty()) {
            Span failing = new Span(getTranslation(
                    "library.failing",
                    String.join(
                            ", ", f.failingSteps().stream().map(String::valueOf).toList())));
            failing.addClassNames("badge", "verdict-fail");
            box.getElement().setAttribute("data-failing", "");
            box.add(failing);
        }
        return box;
    }

    @Override
    public String getPageTitle() {
        return "Probebook";
    }
}

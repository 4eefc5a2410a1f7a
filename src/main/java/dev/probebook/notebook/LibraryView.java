package dev.probebook.notebook;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import dev.probebook.access.Action;
import dev.probebook.access.ProbeGate;
import dev.probebook.history.Freshness;
import dev.probebook.history.HistorySettings;
import dev.probebook.history.RunStore;
import dev.probebook.history.StoreException;
import dev.probebook.library.RunbookSearch;
import dev.probebook.library.RunbookStore;
import dev.probebook.library.RunbookVersion;
import dev.probebook.search.SearchFilter;
import dev.probebook.search.SearchHit;
import dev.probebook.search.Snippet;
import dev.probebook.security.CurrentUser;
import dev.probebook.settings.Settings;
import jakarta.annotation.security.PermitAll;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code /}: every runbook with its title, owner, tags, date, runnable steps, last change and freshness; full-text
 * search over titles, headings, prose and commands (Korean and English) with a snippet of the best section linking
 * to it; tags and owners are filters.
 *
 * <p>Test contract: the search {@code data-search}, each card {@code data-runbook} (its name), a hit's snippet
 * {@code data-snippet} with matches in {@code mark}, a tag {@code data-tag}, the active tag filter
 * {@code data-tag-filter}, the owner filter {@code data-owner-filter}, a card's owner {@code data-owner} and last
 * change {@code data-last-change}, the store's problem {@code data-library-problem}, the cards shown of those
 * matching {@code data-shown="50/2000"} and the button for the next ones {@code data-more}.
 */
@Route("")
@PermitAll
public class LibraryView extends Div implements HasDynamicTitle {

    private final List<RunbookStore.Entry> entries;
    private final RunbookSearch search;
    private final Map<String, RunbookVersion> lastChanges;
    private final Select<String> owner = new Select<>();
    private final Div tagFilter = new Div();
    private String tag;
    private final Div list = new Div();
    private final Div empty = new Div();
    private final Map<String, Freshness> freshness;
    private final Duration maxAge;
    private final Instant now = Instant.now();
    private final Select<String> sort = new Select<>();
    private final Select<String> show = new Select<>();
    private String query = "";

    private static final int RESULTS = 200;

    /** Cards rendered at a time. */
    static final int PAGE = 20;

    private List<RunbookStore.Entry> matching = List.of();
    private Map<String, SearchHit> currentHits = Map.of();
    private int rendered;

    public LibraryView(
            RunbookStore library, ProbeGate gate, RunStore history, Settings settings, RunbookSearch search) {
        addClassName("page");
        this.search = search;
        entries = library.list();
        lastChanges = library.lastChanges();
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
        TextField searchField = new TextField();
        searchField.setPlaceholder(getTranslation("library.search"));
        searchField.setAriaLabel(getTranslation("library.search"));
        searchField.setPrefixComponent(VaadinIcon.SEARCH.create());
        searchField.setClearButtonVisible(true);
        searchField.setValueChangeMode(ValueChangeMode.LAZY);
        searchField.setValueChangeTimeout(300);
        searchField.getElement().setAttribute("data-search", "");
        searchField.addValueChangeListener(e -> {
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
        owner.setLabel(getTranslation("library.owner"));
        List<String> owners = new ArrayList<>(List.of(""));
        entries.stream()
                .map(RunbookStore.Entry::owner)
                .filter(o -> o != null && !o.isBlank())
                .distinct()
                .sorted(String.CASE_INSENSITIVE_ORDER)
                .forEach(owners::add);
        owner.setItems(owners);
        owner.setItemLabelGenerator(o -> o.isEmpty() ? getTranslation("library.anyone") : o);
        owner.setValue("");
        owner.getElement().setAttribute("data-owner-filter", "");
        owner.addValueChangeListener(e -> filter());
        tagFilter.addClassName("tag-filter");
        Div controls = new Div(searchField, sort, show, owner, tagFilter);
        controls.addClassName("library-controls");
        main.add(title, controls);
        library.problem().ifPresent(p -> {
            Div warn = new Div(getTranslation("library.problem", p));
            warn.addClassName("warning");
            warn.getElement().setAttribute("data-library-problem", "");
            main.add(warn);
        });
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
        String q = query == null ? "" : query.strip();
        String who = owner.getValue() == null || owner.getValue().isEmpty() ? null : owner.getValue();
        showTagFilter();
        List<RunbookStore.Entry> ordered = new ArrayList<>(entries);
        Map<String, SearchHit> hits = new LinkedHashMap<>();
        if (!q.isEmpty()) {
            for (SearchHit h : search.search(q, new SearchFilter(tag, who), RESULTS)) {
                hits.put(h.name(), h);
            }
            // ranked full-text hits first, then names, titles and tags that hold the text as typed so far
            // (the index matches whole words: "tcpd" finds "tcpdump" only here)
            String typed = q.toLowerCase(Locale.ROOT);
            List<String> rank = new ArrayList<>(hits.keySet());
            for (RunbookStore.Entry e : entries) {
                String haystack =
                        (e.name() + " " + e.title() + " " + String.join(" ", e.tags())).toLowerCase(Locale.ROOT);
                if (!hits.containsKey(e.name()) && haystack.contains(typed)) {
                    rank.add(e.name());
                }
            }
            ordered.removeIf(e -> !rank.contains(e.name()));
            ordered.sort(Comparator.comparingInt(e -> rank.indexOf(e.name())));
        } else if ("fresh".equals(sort.getValue())) {
            // never verified first, then the longest ago
            ordered.sort(Comparator.comparing(
                    (RunbookStore.Entry e) -> fresh(e).verifiedAt(), Comparator.nullsFirst(Comparator.naturalOrder())));
        }
        matching = new ArrayList<>();
        for (RunbookStore.Entry e : ordered) {
            if (!wanted(fresh(e))
                    || (tag != null && e.tags().stream().noneMatch(t -> t.equalsIgnoreCase(tag)))
                    || (who != null && (e.owner() == null || !e.owner().equalsIgnoreCase(who)))) {
                continue;
            }
            matching.add(e);
        }
        currentHits = hits;
        rendered = 0;
        more();
        if (!entries.isEmpty()) {
            empty.setText(matching.isEmpty() ? getTranslation("library.none-match") : "");
        }
    }

    /**
     * Renders the next {@link #PAGE} matching cards: the first screen never waits for a library of thousands (each
     * card is a handful of components on the server and in the browser); filters, sort and search run over all.
     */
    private void more() {
        list.getChildren()
                .filter(c -> c.getElement().hasAttribute("data-more"))
                .toList()
                .forEach(list::remove);
        int end = Math.min(matching.size(), rendered + PAGE);
        for (RunbookStore.Entry e : matching.subList(rendered, end)) {
            Div card = card(e);
            SearchHit hit = currentHits.get(e.name());
            if (hit != null) {
                card.add(snippet(e, hit));
            }
            list.add(card);
        }
        rendered = end;
        list.getElement().setAttribute("data-shown", rendered + "/" + matching.size());
        if (rendered < matching.size()) {
            Button next = new Button(
                    getTranslation(
                            "library.more", Math.min(PAGE, matching.size() - rendered), matching.size() - rendered),
                    e -> more());
            next.getElement().setAttribute("data-more", "");
            next.addClassName("library-more");
            list.add(next);
        }
    }

    /** Where the words matched: the section (a link to it) and the text around them, matches marked. */
    private Div snippet(RunbookStore.Entry e, SearchHit hit) {
        Div box = new Div();
        box.addClassName("snippet");
        box.getElement().setAttribute("data-snippet", "");
        if (hit.sectionHeading() != null && !hit.sectionHeading().isBlank()) {
            Anchor section = new Anchor(
                    "runbook/"
                            + URLEncoder.encode(e.name(), StandardCharsets.UTF_8)
                                    .replace("+", "%20") + "#" + hit.sectionAnchor(),
                    hit.sectionHeading());
            section.addClassName("snippet-section");
            box.add(section);
        }
        Element text = new Element("div");
        text.getClassList().add("snippet-text");
        for (Snippet.Part part : hit.snippet().parts()) {
            text.appendChild(part.match() ? new Element("mark").setText(part.text()) : Element.createText(part.text()));
        }
        box.getElement().appendChild(text);
        return box;
    }

    private void showTagFilter() {
        tagFilter.removeAll();
        if (tag != null) {
            Button clear = new Button(getTranslation("library.tag-filter", tag), e -> {
                tag = null;
                filter();
            });
            clear.addThemeVariants(ButtonVariant.LUMO_SMALL);
            clear.getElement().setAttribute("data-tag-filter", tag);
            tagFilter.add(clear);
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
        if (e.owner() != null) {
            Span owned = new Span(getTranslation("library.owned-by", e.owner()));
            owned.getElement().setAttribute("data-owner", e.owner());
            meta.add(owned);
        }
        RunbookVersion last = lastChanges.get(e.name());
        if (last != null) {
            Span changed = new Span(
                    getTranslation("library.last-change", VersionsView.WHEN.format(last.time()), last.author()));
            changed.getElement().setAttribute("data-last-change", last.author());
            changed.getElement().setAttribute("title", last.subject());
            meta.add(changed);
        }
        Div tags = new Div();
        tags.addClassName("tags");
        e.tags().forEach(t -> {
            // a plain element, not a vaadin-button: a page of cards holds hundreds of tags, and each web component
            // costs the browser an upgrade
            Span chip = new Span(t);
            chip.addClassName("tag");
            chip.getElement().setAttribute("data-tag", t);
            chip.getElement().setAttribute("role", "button");
            chip.getElement().setAttribute("tabindex", "0");
            Runnable pick = () -> {
                tag = t;
                filter();
            };
            chip.getElement().addEventListener("click", ev -> pick.run());
            chip.getElement().addEventListener("keydown", ev -> pick.run()).setFilter("event.key === 'Enter'");
            tags.add(chip);
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

package dev.probebook.notebook;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Input;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
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
import dev.probebook.search.SnippetsFor;
import dev.probebook.security.CurrentUser;
import dev.probebook.settings.Settings;
import jakarta.annotation.security.PermitAll;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code /}: every runbook with its title, owner, tags, date, runnable steps, last change and freshness; full-text
 * search over titles, headings, prose and commands (Korean and English) with a snippet of the best section linking
 * to it; tags and owners are filters.
 *
 * <p>Test contract: the search {@code data-search}, each card {@code data-runbook} (its name), a hit's snippet
 * {@code data-snippet} with matches in {@code mark}, a tag {@code data-tag}, the active tag filter
 * {@code data-tag-filter}, the owner filter {@code data-owner-filter}, a card's owner {@code data-owner} and last
 * change {@code data-last-change}, the store's problem {@code data-library-problem}, the cards shown of those
 * matching {@code data-shown="20/2000"} and the button for the next ones {@code data-more}.
 */
@Route("")
@PermitAll
public class LibraryView extends Div implements HasDynamicTitle {

    private final List<RunbookStore.Entry> entries;
    private final RunbookSearch search;
    private final Map<String, RunbookVersion> lastChanges;
    private final PlainSelect owner;
    private final Div tagFilter = new Div();
    private String tag;
    private final Div list = new Div();
    private final Div empty = new Div();
    private final Map<String, Freshness> freshness;
    private final Duration maxAge;
    private final Instant now = Instant.now();
    private final PlainSelect sort;
    private final PlainSelect show;
    private String query = "";

    private static final int RESULTS = 200;

    /** The tag of the element clicked in the list ({@code data-tag}), if it is a tag. */
    private static final String TAG_OF_TARGET = "event.target.dataset.tag";

    /** Cards rendered at a time. */
    static final int PAGE = 20;

    private List<RunbookStore.Entry> matching = List.of();
    private Map<String, SearchHit> currentHits = Map.of();
    private SearchFilter searchFilter = SearchFilter.NONE;
    /** The hits whose snippet was made (the others' snippets are made when their page is shown). */
    private final Set<String> withSnippet = new HashSet<>();

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
        // plain elements, not Vaadin fields: no chunk to fetch and no web component to upgrade on the first screen
        Input searchField = new Input(ValueChangeMode.LAZY);
        searchField.setValueChangeTimeout(300);
        searchField.setType("search");
        searchField.setPlaceholder(getTranslation("library.search"));
        searchField.setAriaLabel(getTranslation("library.search"));
        searchField.getElement().setAttribute("spellcheck", "false");
        searchField.getElement().setAttribute("autocomplete", "off");
        searchField.addValueChangeListener(e -> {
            query = e.getValue();
            filter();
        });
        Div searchBox = new Div(searchField);
        searchBox.addClassNames("plain-field", "library-search");
        searchBox.getElement().setAttribute("data-search", "");
        sort = new PlainSelect(
                "data-sort",
                getTranslation("library.sort"),
                List.of("title", "fresh"),
                v -> getTranslation("library.sort-" + v),
                v -> filter());
        show = new PlainSelect(
                "data-show",
                getTranslation("library.show"),
                List.of("all", "stale", "never", "failing"),
                v -> getTranslation("library.show-" + v),
                v -> filter());
        list.addClassName("runbook-list");
        // a tag in any card filters by it: one listener for the list, not two per tag
        list.getElement()
                .addEventListener(
                        "click",
                        e -> pickTag(e.getEventData().get(TAG_OF_TARGET).asString()))
                .addEventData(TAG_OF_TARGET)
                .setFilter(TAG_OF_TARGET + " != null");
        list.getElement()
                .addEventListener(
                        "keydown",
                        e -> pickTag(e.getEventData().get(TAG_OF_TARGET).asString()))
                .addEventData(TAG_OF_TARGET)
                .setFilter("event.key === 'Enter' && " + TAG_OF_TARGET + " != null");
        empty.addClassName("empty");
        Div title = new Div(new H1(getTranslation("nav.library")));
        title.addClassName("library-title");
        if (gate.rules().allows(CurrentUser.orNobody(), Action.EDIT)) { // the editor checks again
            NativeButton create = new NativeButton(
                    getTranslation("library.new"), e -> UI.getCurrent().navigate(RunbookEditorView.class));
            create.addClassNames("pb-button", "primary");
            create.getElement().setAttribute("data-new-runbook", "");
            title.add(create);
        }
        List<String> owners = new ArrayList<>(List.of(""));
        entries.stream()
                .map(RunbookStore.Entry::owner)
                .filter(o -> o != null && !o.isBlank())
                .distinct()
                .sorted(String.CASE_INSENSITIVE_ORDER)
                .forEach(owners::add);
        owner = new PlainSelect(
                "data-owner-filter",
                getTranslation("library.owner"),
                owners,
                o -> o.isEmpty() ? getTranslation("library.anyone") : o,
                o -> filter());
        tagFilter.addClassName("tag-filter");
        Div controls = new Div(searchBox, sort, show, owner, tagFilter);
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
        String who = owner.value().isEmpty() ? null : owner.value();
        showTagFilter();
        List<RunbookStore.Entry> ordered = new ArrayList<>(entries);
        Map<String, SearchHit> hits = new LinkedHashMap<>();
        withSnippet.clear();
        if (!q.isEmpty()) {
            // ranked now with the first page's snippets (the first cards are the first hits unless a filter on
            // freshness takes some out); other pages' snippets when they are shown
            searchFilter = new SearchFilter(tag, who);
            for (SearchHit h : search.search(q, searchFilter, RESULTS, SnippetsFor.first(PAGE))) {
                hits.put(h.name(), h);
                if (withSnippet.size() < PAGE) {
                    withSnippet.add(h.name());
                }
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
            Map<String, Integer> position = new HashMap<>();
            for (String name : rank) {
                position.putIfAbsent(name, position.size());
            }
            ordered.removeIf(e -> !position.containsKey(e.name()));
            ordered.sort(Comparator.comparingInt(e -> position.get(e.name())));
        } else if ("fresh".equals(sort.value())) {
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
        Set<String> needSnippets = matching.subList(rendered, end).stream()
                .map(RunbookStore.Entry::name)
                .filter(name -> currentHits.containsKey(name) && !withSnippet.contains(name))
                .collect(Collectors.toSet());
        if (!needSnippets.isEmpty()) {
            for (SearchHit h : search.snippets(query.strip(), searchFilter, RESULTS, needSnippets)) {
                currentHits.put(h.name(), h);
            }
            withSnippet.addAll(needSnippets);
        }
        for (RunbookStore.Entry e : matching.subList(rendered, end)) {
            Div card = new Div();
            card.addClassName("runbook-card");
            card.getElement().setAttribute("data-runbook", e.name());
            card.getElement()
                    .setProperty(
                            "innerHTML",
                            LibraryCard.html(
                                    e,
                                    lastChanges.get(e.name()),
                                    fresh(e),
                                    currentHits.get(e.name()),
                                    now,
                                    maxAge,
                                    this::getTranslation));
            list.add(card);
        }
        rendered = end;
        list.getElement().setAttribute("data-shown", rendered + "/" + matching.size());
        if (rendered < matching.size()) {
            NativeButton next = new NativeButton(
                    getTranslation(
                            "library.more", Math.min(PAGE, matching.size() - rendered), matching.size() - rendered),
                    e -> more());
            next.getElement().setAttribute("data-more", "");
            next.addClassNames("pb-button", "library-more");
            list.add(next);
        }
    }

    private void pickTag(String picked) {
        tag = picked;
        filter();
    }

    private void showTagFilter() {
        tagFilter.removeAll();
        if (tag != null) {
            NativeButton clear = new NativeButton(getTranslation("library.tag-filter", tag), e -> {
                tag = null;
                filter();
            });
            clear.addClassNames("pb-button", "small");
            clear.getElement().setAttribute("data-tag-filter", tag);
            tagFilter.add(clear);
        }
    }

    private Freshness fresh(RunbookStore.Entry e) {
        return freshness.getOrDefault(e.name(), Freshness.neverRun(e.name()));
    }

    private boolean wanted(Freshness f) {
        return switch (show.value()) {
            case "stale" -> f.stale(now, maxAge);
            case "never" -> f.neverRan();
            case "failing" -> !f.failingSteps().isEmpty();
            default -> true;
        };
    }

    @Override
    public String getPageTitle() {
        return "Probebook";
    }
}

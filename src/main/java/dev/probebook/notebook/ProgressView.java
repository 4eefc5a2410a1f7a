package dev.probebook.notebook;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import dev.probebook.access.Action;
import dev.probebook.access.ProbeGate;
import dev.probebook.guide.Track;
import dev.probebook.history.Progress;
import dev.probebook.history.RunStore;
import dev.probebook.history.StoreException;
import dev.probebook.library.RunbookStore;
import dev.probebook.runbook.RunbookException;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The progress board ({@code /progress}, editor role and up): for each track in the library, a row per person and a
 * column per guided runbook or drill, saying how far they got, when they completed it, how many attempts and hints
 * it took; then whatever people followed outside any track. Read from the run history, so it survives restarts and
 * is the same on every instance sharing one database.
 */
@Route("progress")
@PermitAll
public class ProgressView extends Div implements BeforeEnterObserver {

    /** Rows read at most: a board for a team, not an export. */
    static final int MAX_ROWS = 5000;

    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private final RunStore history;
    private final RunbookStore library;
    private final ProbeGate gate;
    private final Map<String, String> titles = new LinkedHashMap<>();
    private final Map<String, Progress.Kind> kinds = new LinkedHashMap<>();

    public ProgressView(RunStore history, RunbookStore library, ProbeGate gate) {
        this.history = history;
        this.library = library;
        this.gate = gate;
        addClassName("page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!RoleRequired.check(event, this, gate, Action.EDIT, "nav.progress")) {
            return;
        }
        removeAll();
        build();
    }

    private void build() {
        add(new NotebookHeader());
        Main main = new Main();
        main.addClassName("runbook");
        main.addClassName("progress-board");
        main.add(new H1(getTranslation("progress.title")));
        add(main);
        List<Progress> all;
        try {
            all = history.allProgress(MAX_ROWS);
        } catch (StoreException e) {
            Div warn = new Div(getTranslation("guide.progress-unavailable", e.getMessage()));
            warn.addClassName("warning");
            warn.getElement().setAttribute("data-progress-unavailable", "");
            main.add(warn);
            return;
        }
        Map<String, Map<String, Progress>> byPerson = new LinkedHashMap<>(); // person -> item -> progress
        Map<String, String> names = new LinkedHashMap<>();
        for (Progress p : all) {
            byPerson.computeIfAbsent(p.userKey(), k -> new LinkedHashMap<>()).putIfAbsent(key(p.kind(), p.name()), p);
            names.putIfAbsent(p.userKey(), p.userName());
        }
        Set<String> inTracks = new LinkedHashSet<>();
        titles.clear();
        List<Track> tracks = tracks();
        for (Track track : tracks) {
            inTracks.addAll(track.items());
            Div section = new Div(new H2(track.title()));
            section.getElement().setAttribute("data-track", track.name());
            section.add(table(track.items(), byPerson, names));
            main.add(section);
        }
        List<String> others = new ArrayList<>();
        all.stream()
                .map(Progress::name)
                .filter(n -> !inTracks.contains(n))
                .distinct()
                .forEach(others::add);
        if (!others.isEmpty()) {
            Div section = new Div(new H2(getTranslation("progress.other")));
            section.getElement().setAttribute("data-track", "");
            section.add(table(others, byPerson, names));
            main.add(section);
        }
        if (all.isEmpty()) {
            main.add(new Div(getTranslation("progress.none")));
        }
    }

    /** A track item's progress: a drill's if the item is a drill, else the guided runbook's. */
    private String key(String item) {
        return key(kinds.getOrDefault(item, Progress.Kind.GUIDE), item);
    }

    private static String key(Progress.Kind kind, String name) {
        return kind.id() + ":" + name;
    }

    private List<Track> tracks() {
        List<Track> out = new ArrayList<>();
        for (RunbookStore.Entry e : library.list()) {
            titles.put(e.name(), e.title());
            kinds.put(e.name(), "drill".equalsIgnoreCase(e.kind()) ? Progress.Kind.DRILL : Progress.Kind.GUIDE);
            if (!"track".equalsIgnoreCase(e.kind())) {
                continue;
            }
            try {
                out.add(Track.of(e.name(), library.load(e.name()).plan().runbook()));
            } catch (RunbookException ignored) {
                // listed a moment ago, gone or broken now: the library page says why
            }
        }
        return out;
    }

    private Div table(List<String> items, Map<String, Map<String, Progress>> byPerson, Map<String, String> names) {
        Element table = new Element("table");
        table.getClassList().add("data-table");
        Element head = new Element("tr");
        head.appendChild(new Element("th").setText(getTranslation("progress.person")));
        items.forEach(i -> head.appendChild(
                new Element("th").setText(titles.getOrDefault(i, i)).setAttribute("title", i)));
        table.appendChild(head);
        int rows = 0;
        for (Map.Entry<String, Map<String, Progress>> person : byPerson.entrySet()) {
            if (items.stream().noneMatch(i -> person.getValue().containsKey(key(i)))) {
                continue;
            }
            Element row = new Element("tr");
            row.setAttribute("data-person", person.getKey());
            row.appendChild(new Element("td").setText(names.get(person.getKey())));
            for (String item : items) {
                Progress p = person.getValue().get(key(item));
                Element cell = new Element("td");
                cell.setAttribute("data-item", item);
                if (p == null) {
                    cell.setText("—");
                    cell.setAttribute("data-state", "not-started");
                } else {
                    cell.setAttribute("data-state", p.completed() ? "completed" : "started");
                    cell.setText(cellText(p));
                }
                row.appendChild(cell);
            }
            table.appendChild(row);
            rows++;
        }
        Div wrap = new Div();
        wrap.getElement().appendChild(table);
        if (rows == 0) {
            wrap.add(new Div(getTranslation("progress.nobody")));
        }
        return wrap;
    }

    private String cellText(Progress p) {
        String state = p.completed()
                ? getTranslation("progress.completed", DAY.format(p.completedAt()))
                : getTranslation("progress.started", DAY.format(p.startedAt()));
        String steps = p.kind() == Progress.Kind.GUIDE
                ? getTranslation("progress.steps", p.stepsDone(), p.stepsTotal())
                        + (p.stepsSkipped() > 0 ? " " + getTranslation("progress.skipped", p.stepsSkipped()) : "")
                : "";
        return state + (steps.isEmpty() ? "" : " · " + steps) + " · "
                + getTranslation("progress.attempts", p.attempts()) + " · "
                + getTranslation("progress.hints", p.hintsUsed());
    }
}

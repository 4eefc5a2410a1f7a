package dev.probebook.notebook;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import dev.probebook.access.Action;
import dev.probebook.access.ProbeGate;
import dev.probebook.library.RunbookStore;
import dev.probebook.security.CurrentUser;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Locale;

/** {@code /}: every runbook in the runbooks folder with title, tags, date and runnable steps, with search. */
@Route("")
@PermitAll
public class LibraryView extends Div implements HasDynamicTitle {

    private final List<RunbookStore.Entry> entries;
    private final Div list = new Div();
    private final Div empty = new Div();

    public LibraryView(RunbookStore library, ProbeGate gate) {
        addClassName("page");
        entries = library.list();
        Main main = new Main();
        main.addClassName("library");
        TextField search = new TextField();
        search.setPlaceholder(getTranslation("library.search"));
        search.setAriaLabel(getTranslation("library.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.getElement().setAttribute("data-search", "");
        search.addValueChangeListener(e -> filter(e.getValue()));
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
        main.add(title, search, list, empty);
        add(new NotebookHeader(), main);
        if (entries.isEmpty()) {
            empty.setText(getTranslation("library.empty", library.folder()));
        }
        filter("");
    }

    private void filter(String query) {
        list.removeAll();
        String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        int shown = 0;
        for (RunbookStore.Entry e : entries) {
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
        card.add(title, meta, tags);
        if (e.problem() != null) {
            Div p = new Div(e.problem());
            p.addClassName("problem");
            card.add(p);
        }
        return card;
    }

    @Override
    public String getPageTitle() {
        return "Probebook";
    }
}

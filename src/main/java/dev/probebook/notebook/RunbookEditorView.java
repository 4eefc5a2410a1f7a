package dev.probebook.notebook;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.OptionalParameter;
import com.vaadin.flow.router.Route;
import dev.probebook.access.Action;
import dev.probebook.access.Actor;
import dev.probebook.access.ProbeGate;
import dev.probebook.audit.AuditException;
import dev.probebook.library.RunbookEdits;
import dev.probebook.library.RunbookSaveException;
import dev.probebook.library.RunbookStore;
import dev.probebook.runbook.RunbookException;
import dev.probebook.security.CurrentUser;
import jakarta.annotation.security.PermitAll;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * {@code /edit/{name}}: a runbook's Markdown in a text area, saved through {@link RunbookStore#save};
 * {@code /edit} starts a new runbook ({@link RunbookStore#create}). Only for the role
 * {@code probebook.roles.edit} (editor by default), checked here on the server before anything renders and
 * again on every save.
 *
 * <p>No edit is lost: whatever goes wrong, the page stays with the user's text untouched in the text area
 * and says why. A save counts as done only once it is audited; when the audit log cannot be written the
 * page says so, and that the file is saved.
 */
@Route("edit")
@PermitAll
public class RunbookEditorView extends Div implements HasUrlParameter<String>, BeforeEnterObserver, HasDynamicTitle {

    private final RunbookStore library;
    private final ProbeGate gate;
    private final RunbookEdits edits;
    private final TextField nameField = new TextField();
    private final TextArea editor = new TextArea();
    private final Div error = new Div();
    /** The runbook being edited; null while a new one has not been saved yet. */
    private String name;
    /** The version on disk the text was opened from (what {@link RunbookStore#save} expects). */
    private String hash;

    private String title = "Probebook";

    public RunbookEditorView(RunbookStore library, RunbookEdits edits, ProbeGate gate) {
        this.library = library;
        this.edits = edits;
        this.gate = gate;
        addClassName("page");
    }

    @Override
    public void setParameter(BeforeEvent event, @OptionalParameter String parameter) {
        name = parameter == null || parameter.isBlank() ? null : parameter;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!gate.rules().allows(CurrentUser.orNobody(), Action.EDIT)) {
            event.rerouteToError(
                    AccessDeniedException.class,
                    getTranslation(
                            "denied.role",
                            getTranslation("denied.editing"),
                            gate.rules().needed(Action.EDIT).label()));
            return;
        }
        build();
    }

    private void build() {
        removeAll();
        Main main = new Main();
        main.addClassName("runbook-editor");
        add(new NotebookHeader(), main);
        String text = "";
        if (name == null) {
            title = getTranslation("editor.new-title");
            main.add(new H1(title));
            nameField.setLabel(getTranslation("editor.name"));
            nameField.getElement().setAttribute("data-editor-name", "");
            main.add(nameField);
        } else {
            RunbookStore.Source source;
            try {
                source = library.source(name);
            } catch (RunbookException e) {
                title = getTranslation("runbook.not-found");
                main.add(new H1(title), new Div(e.getMessage()));
                return;
            }
            hash = source.hash();
            text = source.text();
            title = getTranslation("editor.title", name);
            main.add(new H1(title));
            for (String w : source.warnings()) {
                Div warn = new Div(getTranslation("runbook.warning") + ": " + w);
                warn.addClassName("warning");
                main.add(warn);
            }
        }
        Button save = new Button(getTranslation("editor.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setDisableOnClick(true); // no second save of the same text while the first one runs
        save.addClickListener(e -> {
            try {
                save();
            } finally {
                save.setEnabled(true);
            }
        });
        Button cancel = new Button(getTranslation("editor.cancel"), e -> leave());
        Div actions = new Div(save, cancel);
        actions.addClassName("editor-actions");
        error.addClassName("save-error");
        error.getElement().setAttribute("data-save-error", "");
        error.getElement().setAttribute("role", "alert");
        error.setVisible(false);
        editor.setLabel(getTranslation("editor.text"));
        editor.addClassName("markdown-editor");
        editor.getElement().setAttribute("data-editor", "");
        editor.setValue(text);
        main.add(actions, error, editor);
    }

    private void save() {
        Actor actor = CurrentUser.orNobody();
        RunbookStore.Saved saved;
        try {
            saved = name == null
                    ? edits.save(actor, nameField.getValue(), editor.getValue(), null)
                    : edits.save(actor, name, editor.getValue(), hash);
        } catch (
                dev.probebook.access.AccessDeniedException
                        e) { // the role may have been taken away since the page opened
            showError(getTranslation(
                    "editor.not-allowed", gate.rules().needed(Action.EDIT).label()));
            return;
        } catch (AuditException e) {
            showError(getTranslation("editor.not-audited", e.getMessage()));
            return;
        } catch (RunbookSaveException e) {
            showError(
                    e.problem() == RunbookSaveException.Problem.CHANGED
                            ? getTranslation("editor.changed")
                            : getTranslation("editor.not-saved", e.getMessage()));
            return;
        }
        opened(saved);
        UI.getCurrent().navigate(RunbookView.class, saved.name());
    }

    /** From now on the page edits what was just written: a further save expects this version. */
    private void opened(RunbookStore.Saved saved) {
        hash = saved.hash();
        if (name == null) {
            name = saved.name();
            nameField.setReadOnly(true);
            String path =
                    "edit/" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
            UI.getCurrent().getPage().executeJs("window.history.replaceState(window.history.state, '', $0)", path);
        }
    }

    private void showError(String message) {
        error.setText(message);
        error.setVisible(true);
    }

    private void leave() {
        if (name == null) {
            UI.getCurrent().navigate(LibraryView.class);
        } else {
            UI.getCurrent().navigate(RunbookView.class, name);
        }
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}

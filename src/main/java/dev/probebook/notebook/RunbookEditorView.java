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
import dev.probebook.audit.AuditAction;
import dev.probebook.audit.AuditEvent;
import dev.probebook.audit.AuditException;
import dev.probebook.library.RunbookLibrary;
import dev.probebook.library.RunbookSaveException;
import dev.probebook.runbook.RunbookException;
import dev.probebook.security.CurrentUser;
import jakarta.annotation.security.PermitAll;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * {@code /edit/{name}}: a runbook's Markdown in a text area, saved through {@link RunbookLibrary#save};
 * {@code /edit} starts a new runbook ({@link RunbookLibrary#create}). Only for the role
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

    private final RunbookLibrary library;
    private final ProbeGate gate;
    private final TextField nameField = new TextField();
    private final TextArea editor = new TextArea();
    private final Div error = new Div();
    /** The runbook being edited; null while a new one has not been saved yet. */
    private String name;
    /** The version on disk the text was opened from (what {@link RunbookLibrary#save} expects). */
    private String hash;

    private String title = "Probebook";

    public RunbookEditorView(RunbookLibrary library, ProbeGate gate) {
        this.library = library;
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
            RunbookLibrary.Source source;
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
        if (!gate.rules().allows(actor, Action.EDIT)) { // the role may have been taken away since the page opened
            showError(getTranslation(
                    "editor.not-allowed", gate.rules().needed(Action.EDIT).label()));
            return;
        }
        // nothing changes unaudited: the intent is on disk before the file is touched (no audit, no save)
        String target = name == null ? nameField.getValue() : name;
        String size = editor.getValue().getBytes(StandardCharsets.UTF_8).length + " bytes";
        try {
            gate.recordOrThrow(AuditEvent.of(Instant.now(), actor.name(), AuditAction.RUNBOOK_SAVE)
                    .withStep(target, null)
                    .withOutcome("pending", null)
                    .withDetail(size));
        } catch (AuditException e) {
            showError(getTranslation("editor.not-audited", e.getMessage()));
            return;
        }
        RunbookLibrary.Saved saved;
        try {
            saved = name == null
                    ? library.create(nameField.getValue(), editor.getValue())
                    : library.save(name, editor.getValue(), hash);
        } catch (RunbookSaveException e) {
            gate.record(AuditEvent.of(Instant.now(), actor.name(), AuditAction.RUNBOOK_SAVE)
                    .withStep(target, null)
                    .withOutcome("error", null)
                    .withDetail(e.getMessage()));
            showError(
                    e.problem() == RunbookSaveException.Problem.CHANGED
                            ? getTranslation("editor.changed")
                            : getTranslation("editor.not-saved", e.getMessage()));
            return;
        }
        opened(saved);
        gate.record(AuditEvent.of(Instant.now(), actor.name(), AuditAction.RUNBOOK_SAVE)
                .withStep(saved.name(), null)
                .withOutcome("ok", null)
                .withDetail(detail(saved)));
        UI.getCurrent().navigate(RunbookView.class, saved.name());
    }

    /** From now on the page edits what was just written: a further save expects this version. */
    private void opened(RunbookLibrary.Saved saved) {
        hash = saved.hash();
        if (name == null) {
            name = saved.name();
            nameField.setReadOnly(true);
            String path =
                    "edit/" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
            UI.getCurrent().getPage().executeJs("window.history.replaceState(window.history.state, '', $0)", path);
        }
    }

    static String detail(RunbookLibrary.Saved saved) {
        return saved.bytes() + " bytes to " + saved.file()
                + (saved.backup() == null ? " (new runbook)" : ", previous version in " + saved.backup());
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

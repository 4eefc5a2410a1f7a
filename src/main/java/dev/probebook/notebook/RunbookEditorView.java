package dev.probebook.notebook;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.OptionalParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import dev.probebook.access.Action;
import dev.probebook.access.Actor;
import dev.probebook.access.ProbeGate;
import dev.probebook.audit.AuditException;
import dev.probebook.library.RunbookDiff;
import dev.probebook.library.RunbookEdits;
import dev.probebook.library.RunbookPreview;
import dev.probebook.library.RunbookSaveException;
import dev.probebook.library.RunbookStore;
import dev.probebook.registry.ProbeRegistry;
import dev.probebook.runbook.RunbookException;
import dev.probebook.security.CurrentUser;
import dev.probebook.settings.Settings;
import jakarta.annotation.security.PermitAll;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * {@code /edit/{name}}: a runbook's Markdown beside a preview of what the page will make of it (which blocks became
 * steps, with their probe, and which are examples; a warning for every line that looks like a command but will not
 * run), saved as one commit with the message typed; rename and delete (also commits); {@code /edit} starts a new
 * runbook. Only for the role {@code probebook.roles.edit} (editor by default), checked here on the server before
 * anything renders and again on every change.
 *
 * <p>No edit is lost: whatever goes wrong, the page stays with the user's text untouched and says why. When someone
 * else saved first, their version is shown beside the typed text with what differs, and "Save mine over theirs"
 * saves the typed text on top of theirs (theirs stays in the history). Cancel asks before it throws typed text away.
 *
 * <p>Test contract: the text {@code data-editor}, the preview {@code data-preview} with each block
 * {@code data-preview-block} (its kind) and warnings {@code data-preview-warning}, the error {@code data-save-error},
 * the conflict {@code data-conflict}.
 */
@Route("edit")
@PermitAll
public class RunbookEditorView extends Div implements HasUrlParameter<String>, BeforeEnterObserver, HasDynamicTitle {

    private final RunbookStore library;
    private final ProbeGate gate;
    private final RunbookEdits edits;
    private final ProbeRegistry registry;
    private final Settings settings;
    private final TextField nameField = new TextField();
    private final TextField message = new TextField();
    private final TextArea editor = new TextArea();
    private final Div preview = new Div();
    private final Div error = new Div();
    private final Div conflict = new Div();
    /** The runbook being edited; null while a new one has not been saved yet. */
    private String name;
    /** The version on disk the text was opened from (what {@link RunbookStore#save} expects). */
    private String hash;
    /** The text as opened or last saved: Cancel asks before leaving anything else. */
    private String savedText = "";

    private String title = "Probebook";

    public RunbookEditorView(
            RunbookStore library, RunbookEdits edits, ProbeGate gate, ProbeRegistry registry, Settings settings) {
        this.library = library;
        this.edits = edits;
        this.gate = gate;
        this.registry = registry;
        this.settings = settings;
        addClassName("page");
    }

    @Override
    public void setParameter(BeforeEvent event, @OptionalParameter String parameter) {
        name = parameter == null || parameter.isBlank() ? null : parameter;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!RoleRequired.check(event, this, gate, Action.EDIT, "denied.editing")) {
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
        savedText = text;
        main.add(actions(), messageField(), error, conflict, workArea(text));
        error.addClassName("save-error");
        error.getElement().setAttribute("data-save-error", "");
        error.getElement().setAttribute("role", "alert");
        error.setVisible(false);
        conflict.addClassName("conflict");
        conflict.getElement().setAttribute("data-conflict", "");
        conflict.setVisible(false);
        showPreview();
    }

    private Div actions() {
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
        Button cancel = new Button(getTranslation("editor.cancel"), e -> cancel());
        cancel.getElement().setAttribute("data-cancel", "");
        Div actions = new Div(save, cancel);
        actions.addClassName("editor-actions");
        if (name != null) {
            Button rename = new Button(getTranslation("editor.rename"), e -> renameDialog());
            rename.getElement().setAttribute("data-rename", "");
            Button delete = new Button(getTranslation("editor.delete"), e -> deleteDialog());
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
            delete.getElement().setAttribute("data-delete", "");
            RouterLink history = new RouterLink(getTranslation("versions.link"), VersionsView.class, name);
            actions.add(rename, delete, history);
        }
        return actions;
    }

    private TextField messageField() {
        message.setLabel(getTranslation("editor.message"));
        message.setPlaceholder(getTranslation("editor.message-hint"));
        message.setMaxLength(500);
        message.getElement().setAttribute("data-commit-message", "");
        message.addClassName("commit-message");
        return message;
    }

    private Div workArea(String text) {
        editor.setLabel(getTranslation("editor.text"));
        editor.addClassName("markdown-editor");
        editor.getElement().setAttribute("data-editor", "");
        editor.setValue(text);
        editor.setValueChangeMode(ValueChangeMode.TIMEOUT);
        editor.setValueChangeTimeout(500);
        editor.addValueChangeListener(e -> showPreview());
        preview.addClassName("editor-preview");
        preview.getElement().setAttribute("data-preview", "");
        Div work = new Div(editor, preview);
        work.addClassName("editor-work");
        return work;
    }

    /** The page's reading of the text: steps and examples, and what will not run. */
    private void showPreview() {
        preview.removeAll();
        Div heading = new Div(getTranslation("editor.preview"));
        heading.addClassName("details-heading");
        preview.add(heading);
        RunbookPreview p = RunbookPreview.of(
                editor.getValue(), name == null ? "new" : name, registry, settings.runbookParseBudget());
        if (p.problem() != null) {
            Div problem = new Div(getTranslation("editor.preview-problem", p.problem()));
            problem.addClassName("warning");
            problem.getElement().setAttribute("data-preview-warning", "");
            preview.add(problem);
            return;
        }
        for (String w : p.warnings()) {
            Div warn = new Div(w);
            warn.addClassName("warning");
            warn.getElement().setAttribute("data-preview-warning", "");
            preview.add(warn);
        }
        if (p.blocks().isEmpty()) {
            preview.add(new Div(getTranslation("editor.preview-empty")));
        }
        for (RunbookPreview.Block b : p.blocks()) {
            Div box = new Div();
            box.addClassName("preview-block");
            box.getElement().setAttribute("data-preview-block", b.kind().label());
            Span kind = new Span(getTranslation("editor.kind-" + b.kind().label()));
            kind.addClassNames(
                    "badge", b.kind() == dev.probebook.plan.BlockKind.STEP ? "verdict-ok" : "verdict-skipped");
            Div head = new Div(
                    kind,
                    new Span(" " + getTranslation("editor.at-line", b.line())
                            + (b.section() == null ? "" : " · " + b.section())));
            box.add(head);
            for (RunbookPreview.Line l : b.lines()) {
                Div line = new Div();
                line.addClassName("preview-line");
                Span code = new Span(l.text());
                code.addClassName("mono");
                line.add(code);
                line.add(new Span(
                        l.probe() != null ? " → " + l.probe() : " — " + getTranslation("editor.not-run", l.notRun())));
                box.add(line);
            }
            preview.add(box);
        }
    }

    private void save() {
        save(hash);
    }

    private void save(String expected) {
        Actor actor = CurrentUser.orNobody();
        RunbookStore.Saved saved;
        try {
            saved = name == null
                    ? edits.save(actor, nameField.getValue(), editor.getValue(), null, message.getValue())
                    : edits.save(actor, name, editor.getValue(), expected, message.getValue());
        } catch (dev.probebook.access.AccessDeniedException e) { // the role may have been taken away meanwhile
            showError(getTranslation(
                    "editor.not-allowed", gate.rules().needed(Action.EDIT).label()));
            return;
        } catch (AuditException e) {
            showError(getTranslation("editor.not-audited", e.getMessage()));
            return;
        } catch (RunbookSaveException e) {
            if (e.problem() == RunbookSaveException.Problem.CHANGED) {
                showError(getTranslation("editor.changed"));
                showConflict(e.theirs());
            } else {
                showError(getTranslation("editor.not-saved", e.getMessage()));
            }
            return;
        }
        opened(saved);
        UI.getCurrent().navigate(RunbookView.class, saved.name());
    }

    /** Their version beside the typed text, what differs, and the way to save the typed text on top of theirs. */
    private void showConflict(String theirs) {
        conflict.removeAll();
        if (theirs == null || name == null) {
            conflict.setVisible(false);
            return;
        }
        Div heading = new Div(getTranslation("editor.conflict"));
        heading.addClassName("details-heading");
        TextArea their = new TextArea(getTranslation("editor.theirs"));
        their.setValue(theirs);
        their.setReadOnly(true);
        their.addClassName("markdown-editor");
        their.getElement().setAttribute("data-theirs", "");
        Div diff = DiffView.of(RunbookDiff.of(theirs, editor.getValue(), registry), this::getTranslation);
        Button mine = new Button(getTranslation("editor.save-mine"), e -> {
            try {
                save(library.source(name).hash());
            } catch (RunbookException gone) {
                showError(getTranslation("editor.not-saved", gone.getMessage()));
            }
        });
        mine.getElement().setAttribute("data-save-mine", "");
        conflict.add(heading, new Div(getTranslation("editor.conflict-diff")), diff, their, mine);
        conflict.setVisible(true);
    }

    private void renameDialog() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("editor.rename"));
        TextField to = new TextField(getTranslation("editor.new-name"));
        to.setValue(name);
        to.getElement().setAttribute("data-rename-to", "");
        Button ok = new Button(getTranslation("editor.rename"), e -> {
            dialog.close();
            try {
                RunbookStore.Saved saved =
                        edits.rename(CurrentUser.orNobody(), name, to.getValue(), hash, message.getValue());
                UI.getCurrent().navigate(RunbookEditorView.class, saved.name());
            } catch (dev.probebook.access.AccessDeniedException | AuditException | RunbookSaveException ex) {
                showError(getTranslation("editor.not-renamed", ex.getMessage()));
            }
        });
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        ok.getElement().setAttribute("data-rename-confirm", "");
        dialog.add(to);
        dialog.getFooter().add(new Button(getTranslation("editor.keep-editing"), e -> dialog.close()), ok);
        dialog.open();
    }

    private void deleteDialog() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("editor.delete-title", name));
        dialog.add(new Div(getTranslation("editor.delete-text")));
        Button ok = new Button(getTranslation("editor.delete"), e -> {
            dialog.close();
            try {
                edits.delete(CurrentUser.orNobody(), name, hash, message.getValue());
                UI.getCurrent().navigate(LibraryView.class);
            } catch (dev.probebook.access.AccessDeniedException | AuditException | RunbookSaveException ex) {
                showError(getTranslation("editor.not-deleted", ex.getMessage()));
            }
        });
        ok.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        ok.getElement().setAttribute("data-delete-confirm", "");
        dialog.getFooter().add(new Button(getTranslation("editor.keep-editing"), e -> dialog.close()), ok);
        dialog.open();
    }

    /** From now on the page edits what was just written: a further save expects this version. */
    private void opened(RunbookStore.Saved saved) {
        hash = saved.hash();
        savedText = editor.getValue();
        if (name == null) {
            name = saved.name();
            nameField.setReadOnly(true);
            String path =
                    "edit/" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
            UI.getCurrent().getPage().executeJs("window.history.replaceState(window.history.state, '', $0)", path);
        }
    }

    private void showError(String text) {
        error.setText(text);
        error.setVisible(true);
    }

    /** Leaves at once when nothing was typed; otherwise asks first. */
    private void cancel() {
        if (editor.getValue().equals(savedText)) {
            leave();
            return;
        }
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("editor.discard-title"));
        dialog.add(new Div(getTranslation("editor.discard-text")));
        Button discard = new Button(getTranslation("editor.discard"), e -> {
            dialog.close();
            leave();
        });
        discard.addThemeVariants(ButtonVariant.LUMO_ERROR);
        discard.getElement().setAttribute("data-discard", "");
        Button keep = new Button(getTranslation("editor.keep-editing"), e -> dialog.close());
        keep.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        keep.getElement().setAttribute("data-keep-editing", "");
        dialog.getFooter().add(discard, keep);
        dialog.open();
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

package dev.probebook.notebook;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Pre;
import dev.probebook.access.AccessDeniedException;
import dev.probebook.access.Actor;
import dev.probebook.access.HostsWrites;
import dev.probebook.audit.AuditException;
import dev.probebook.net.HostsEdit;
import dev.probebook.net.HostsWriteException;
import dev.probebook.net.HostsWriteResult;
import dev.probebook.probe.hosts.HostsDetails;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Under a hosts step's dry run, for those allowed to write the hosts file: "Apply to hosts file…" opens
 * the exact preview (lines removed and added, computed by the server from the current file) and writes
 * it only on confirmation. The preview object never leaves the server; the browser only says "apply".
 */
final class HostsApplyButton extends Composite<Div> {

    private final HostsWrites writes;
    private final Actor actor;
    private final HostsDetails details;
    private final Div result = new Div();

    /** Under a dry run that proposes a change, for a viewer who may write the hosts file; else nothing. */
    static Optional<Component> render(HostsDetails details, DetailContext c) {
        if (!c.mayWriteHosts() || details.proposedMode().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new HostsApplyButton(c.hostsWrites(), c.actor(), details));
    }

    HostsApplyButton(HostsWrites writes, Actor actor, HostsDetails details) {
        this.writes = writes;
        this.actor = actor;
        this.details = details;
        Button open = new Button(getTranslation("hosts.apply"), e -> openPreview());
        open.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
        open.getElement().setAttribute("data-hosts-apply", "");
        result.addClassName("hosts-result");
        result.getElement().setAttribute("data-hosts-result", "");
        getContent().addClassName("hosts-apply");
        getContent().add(open, result);
    }

    private void openPreview() {
        List<String> words = Arrays.asList(details.proposedLine().trim().split("\\s+"));
        HostsEdit edit;
        try {
            edit = writes.preview(
                    actor,
                    words.get(0),
                    words.subList(1, words.size()),
                    details.proposedMode().orElseThrow());
        } catch (AccessDeniedException | IOException | IllegalArgumentException e) {
            result.setText(e.getMessage());
            return;
        }
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("hosts.preview", edit.path()));
        dialog.getElement().setAttribute("data-hosts-preview", "");
        String diff = edit.nothingToChange()
                ? getTranslation("hosts.nothing")
                : edit.changes().stream().map(HostsEdit.Change::display).collect(Collectors.joining("\n"));
        Pre lines = new Pre(diff);
        lines.addClassName("code");
        dialog.add(lines);
        edit.notes().forEach(n -> dialog.add(new Div(n)));
        Button apply = new Button(getTranslation("hosts.write"), e -> {
            dialog.close();
            apply(edit);
        });
        apply.setAriaLabel("Write hosts file");
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        apply.setEnabled(!edit.nothingToChange());
        Button cancel = new Button(getTranslation("hosts.cancel"), e -> dialog.close());
        dialog.getFooter().add(cancel, apply);
        dialog.open();
    }

    private void apply(HostsEdit edit) {
        try {
            HostsWriteResult r = writes.apply(actor, edit);
            result.setText(getTranslation("hosts.written", r.path(), r.linesAdded(), r.linesRemoved(), r.backup()));
            result.getElement().setAttribute("data-hosts-result", "ok");
        } catch (AccessDeniedException | HostsWriteException | AuditException e) {
            result.setText(getTranslation("hosts.not-written", e.getMessage()));
            result.getElement().setAttribute("data-hosts-result", "error");
        }
    }
}

package dev.probebook.notebook;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import dev.probebook.access.Action;
import dev.probebook.access.ProbeGate;
import dev.probebook.security.CurrentUser;

/** A view only some roles may open: anyone else gets the access-denied page naming the role it takes. */
final class RoleRequired {

    private RoleRequired() {}

    /**
     * True when the signed-in user may do {@code action}; else reroutes {@code event} to the access-denied page, which
     * says that {@code whatKey} (a text key naming the page) needs the action's least role.
     */
    static boolean check(BeforeEnterEvent event, Component view, ProbeGate gate, Action action, String whatKey) {
        if (gate.rules().allows(CurrentUser.orNobody(), action)) {
            return true;
        }
        event.rerouteToError(
                AccessDeniedException.class,
                view.getTranslation(
                        "denied.role",
                        view.getTranslation(whatKey),
                        gate.rules().needed(action).label()));
        return false;
    }
}

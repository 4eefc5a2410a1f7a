package dev.probebook.notebook;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinSession;
import dev.probebook.access.Action;
import dev.probebook.access.Actor;
import dev.probebook.access.ProbeGate;
import dev.probebook.access.Role;
import dev.probebook.security.CurrentUser;
import java.util.Comparator;
import java.util.Locale;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;

/** The bar on every page: the product name, links to the library and the free terminal, the language switch. */
final class NotebookHeader extends Composite<Header> {

    NotebookHeader() {
        Header h = getContent();
        h.addClassName("app-header");
        // the page's language for screen readers, fonts and line breaking (Korean keeps words whole)
        addAttachListener(e -> {
            String lang = getLocale().getLanguage();
            e.getUI().getElement().setAttribute("lang", lang);
            e.getUI().getPage().executeJs("document.documentElement.lang = $0", lang);
        });
        Anchor home = new Anchor("", getTranslation("app.title"));
        home.addClassName("brand");
        RouterLink library = new RouterLink(getTranslation("nav.library"), LibraryView.class);
        RouterLink terminal = new RouterLink(getTranslation("nav.terminal"), FreeTerminalView.class);
        // plain buttons: the header is on every page, and a page without Vaadin's web components starts sooner
        NativeButton language = new NativeButton(getTranslation("nav.language"), e -> switchLanguage());
        language.addClassNames("pb-button", "inline");
        language.getElement().setAttribute("data-language-switch", "");
        Span spacer = new Span();
        spacer.addClassName("spacer");
        h.add(home, library, terminal);
        CurrentUser.get().ifPresent(actor -> {
            if (actor.has(Role.VIEWER)) {
                h.add(new RouterLink(getTranslation("nav.lab"), LabView.class));
            }
            if (actor.has(Role.VIEWER) && allowed(actor, Action.EDIT)) {
                h.add(new RouterLink(getTranslation("nav.progress"), ProgressView.class));
            }
            if (actor.has(Role.VIEWER) && allowed(actor, Action.AUDIT)) {
                h.add(new RouterLink(getTranslation("nav.audit"), AuditView.class));
            }
        });
        h.add(spacer, language);
        CurrentUser.get().ifPresent(actor -> {
            Span who = new Span(getTranslation(
                    "nav.signed-in",
                    actor.displayName(),
                    actor.roles().stream()
                            .max(Comparator.naturalOrder())
                            .map(Role::label)
                            .orElse("-")));
            who.addClassName("signed-in");
            who.getElement().setAttribute("data-user", actor.displayName());
            who.getElement().setAttribute("data-user-key", actor.name());
            NativeButton signOut = new NativeButton(getTranslation("nav.sign-out"), e -> signOut());
            signOut.addClassNames("pb-button", "inline");
            signOut.getElement().setAttribute("data-sign-out", "");
            h.add(who, signOut);
        });
    }

    /** The audit and progress links show only to those the view will let in (the view checks again). */
    private static boolean allowed(Actor actor, Action action) {
        var gate = VaadinService.getCurrent().getInstantiator().getOrCreate(ProbeGate.class);
        return gate.rules().allows(actor, action);
    }

    /** Ends the session on the server (Spring Security's logout handler), then goes to the sign-in page. */
    private static void signOut() {
        var request = VaadinServletRequest.getCurrent();
        new SecurityContextLogoutHandler().logout(request.getHttpServletRequest(), null, null);
        UI.getCurrent().getPage().setLocation("/login");
    }

    private static void switchLanguage() {
        VaadinSession session = VaadinSession.getCurrent();
        Locale next =
                NotebookTexts.KOREAN.getLanguage().equals(session.getLocale().getLanguage())
                        ? Locale.ENGLISH
                        : NotebookTexts.KOREAN;
        session.setLocale(next);
        UI.getCurrent().getPage().reload();
    }
}

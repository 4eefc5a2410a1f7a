package dev.probebook.notebook;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.VaadinSession;

import java.util.Locale;

/** The bar on every page: the product name, links to the library and the free terminal, the language switch. */
final class NotebookHeader extends Composite<Header> {

    NotebookHeader() {
        Header h = getContent();
        h.addClassName("app-header");
        Anchor home = new Anchor("", getTranslation("app.title"));
        home.addClassName("brand");
        RouterLink library = new RouterLink(getTranslation("nav.library"), LibraryView.class);
        RouterLink terminal = new RouterLink(getTranslation("nav.terminal"), FreeTerminalView.class);
        Button language = new Button(getTranslation("nav.language"), e -> switchLanguage());
        language.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        language.getElement().setAttribute("data-language-switch", "");
        Span spacer = new Span();
        spacer.addClassName("spacer");
        h.add(home, library, terminal, spacer, language);
    }

    private static void switchLanguage() {
        VaadinSession session = VaadinSession.getCurrent();
        Locale next = NotebookTexts.KOREAN.getLanguage().equals(session.getLocale().getLanguage())
                ? Locale.ENGLISH : NotebookTexts.KOREAN;
        session.setLocale(next);
        UI.getCurrent().getPage().reload();
    }
}

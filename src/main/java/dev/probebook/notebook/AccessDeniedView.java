package dev.probebook.notebook;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The page for a view the signed-in user's role may not open: the header (to get back) and which role
 * it needs, with status 403, instead of Vaadin's bare "Could not navigate" text.
 */
@AnonymousAllowed
public class AccessDeniedView extends Div implements HasErrorParameter<AccessDeniedException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        removeAll();
        addClassName("page");
        Main main = new Main();
        main.addClassName("denied");
        main.getElement().setAttribute("data-access-denied", "");
        String why = parameter.hasCustomMessage() ? parameter.getCustomMessage() : getTranslation("denied.text");
        main.add(new H1(getTranslation("denied.title")), new Paragraph(why));
        add(new NotebookHeader(), main);
        return HttpServletResponse.SC_FORBIDDEN;
    }
}

package dev.probebook.notebook;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import dev.probebook.security.SignInOptions;

/**
 * {@code /login}: the user name / password form for configured users, a link per OpenID Connect
 * provider, and in single-owner mode the hint to open the link printed in the server console.
 */
@Route(value = "login", autoLayout = false)
@PageTitle("Sign in · Probebook")
@AnonymousAllowed
public class LoginView extends Div implements BeforeEnterObserver {

    private final LoginForm form = new LoginForm();

    public LoginView(SignInOptions options) {
        addClassName("page");
        Main main = new Main();
        main.addClassName("login");
        main.add(new H1(getTranslation("app.title")));
        if (options.ownerMode()) {
            Paragraph hint = new Paragraph(getTranslation("login.owner-hint"));
            hint.getElement().setAttribute("data-owner-hint", "");
            main.add(hint);
        } else {
            LoginI18n i18n = LoginI18n.createDefault();
            i18n.getForm().setTitle(getTranslation("login.title"));
            i18n.getForm().setUsername(getTranslation("login.user"));
            i18n.getForm().setPassword(getTranslation("login.password"));
            i18n.getForm().setSubmit(getTranslation("login.submit"));
            i18n.getErrorMessage().setTitle(getTranslation("login.error-title"));
            i18n.getErrorMessage().setMessage(getTranslation("login.error"));
            form.setI18n(i18n);
            form.setForgotPasswordButtonVisible(false);
            form.setAction("login");
            main.add(form);
        }
        options.providers().forEach((id, name) -> {
            Anchor a = new Anchor("/oauth2/authorization/" + id, getTranslation("login.with", name));
            a.getElement().setAttribute("router-ignore", true);
            a.addClassName("oidc-link");
            main.add(new Div(a));
        });
        add(main);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var params = event.getLocation().getQueryParameters().getParameters();
        if (params.containsKey("error")) {
            form.setError(true);
        }
        if (params.containsKey("link-used")) {
            Paragraph p = new Paragraph(getTranslation("login.link-used"));
            p.addClassName("warning");
            p.getElement().setAttribute("data-link-used", "");
            add(p);
        }
    }
}

package dev.probebook.security;

import dev.probebook.audit.AuditLog;
import java.time.Clock;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;

/**
 * How browsers sign in, apart from the sign-in page itself (the UI's): the one-time console link in single-owner
 * mode, same-origin and throttled form posts, and OpenID Connect when a provider is configured. The notebook's
 * filter chain applies this, then Vaadin's configurer with its login view.
 */
public final class BrowserSignIn {

    /** Where the console's one-time link signs in. */
    public static final String TOKEN_PATH = TokenSignInFilter.PATH;

    private final SignInOptions options;
    private final OwnerLink link;
    private final AuditLog audit;
    private final SignInThrottle throttle;
    private final SignedInSessions signedIn;
    private final OidcRoles oidcRoles;

    BrowserSignIn(
            SignInOptions options,
            OwnerLink link,
            AuditLog audit,
            SignInThrottle throttle,
            SignedInSessions signedIn,
            OidcRoles oidcRoles) {
        this.signedIn = signedIn;
        this.options = options;
        this.link = link;
        this.audit = audit;
        this.throttle = throttle;
        this.oidcRoles = oidcRoles;
    }

    /** Adds the sign-in filters to the browser chain; {@code loginPage} is the UI's sign-in route. */
    public void applyTo(HttpSecurity http, String loginPage) throws Exception {
        if (options.ownerMode()) {
            http.addFilterBefore(
                    new TokenSignInFilter(link, audit, throttle, signedIn, Clock.systemUTC()),
                    UsernamePasswordAuthenticationFilter.class);
        }
        // the sign-in form is exempt from CSRF tokens (Vaadin's configurer), so refuse a cross-site post to it:
        // another site must not sign a visitor in under an account of its choosing
        // the sign-in record is written before the session is signed in: no record, no sign-in
        http.sessionManagement(s -> s.addSessionAuthenticationStrategy(new AuditedSignIn(audit, Clock.systemUTC())));
        http.addFilterBefore(new SameOriginSignIn(), UsernamePasswordAuthenticationFilter.class);
        http.addFilterBefore(new ThrottledSignIn(throttle), UsernamePasswordAuthenticationFilter.class);
        if (oidcRoles != null) {
            http.oauth2Login(
                    o -> o.loginPage(loginPage).userInfoEndpoint(u -> u.oidcUserService(oidcRoles.userService())));
        }
    }
}

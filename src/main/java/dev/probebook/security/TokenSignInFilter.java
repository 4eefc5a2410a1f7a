package dev.probebook.security;

import dev.probebook.access.Role;
import dev.probebook.audit.AuditAction;
import dev.probebook.audit.AuditEvent;
import dev.probebook.audit.AuditException;
import dev.probebook.audit.AuditLog;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Set;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code GET /signin?token=...}: signs the machine's owner in with the console link's token (role admin),
 * in a fresh session (the old session id is changed: no fixation), then sends the browser to the library.
 * A wrong or used token goes back to the sign-in page; both are audited, and a sign-in that cannot be audited does
 * not happen (the console prints a fresh link).
 */
final class TokenSignInFilter extends OncePerRequestFilter {

    static final String PATH = "/signin";

    /** The account the throttle counts link attempts under. */
    static final String CONSOLE_LINK = "(console link)";

    private final OwnerLink link;
    private final AuditLog audit;
    private final Clock clock;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    private final SignInThrottle throttle;

    private final SignedInSessions signedIn;

    TokenSignInFilter(OwnerLink link, AuditLog audit, SignInThrottle throttle, SignedInSessions signedIn, Clock clock) {
        this.signedIn = signedIn;
        this.link = link;
        this.throttle = throttle;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !PATH.equals(request.getServletPath()) || !"GET".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String from = request.getRemoteAddr();
        if (throttle.blocked(CONSOLE_LINK, from)) {
            response.sendRedirect(request.getContextPath() + "/login?link-used");
            return;
        }
        if (!link.consume(request.getParameter("token"))) {
            if (throttle.failed(CONSOLE_LINK, from) == SignInThrottle.Failure.QUIET) {
                response.sendRedirect(request.getContextPath() + "/login?link-used");
                return;
            }
            audit.record(new AuditEvent(
                    clock.instant(),
                    "anonymous",
                    AuditAction.SIGN_IN_FAILED,
                    null,
                    null,
                    null,
                    from,
                    null,
                    null,
                    "console sign-in link: wrong or already used token"));
            response.sendRedirect(request.getContextPath() + "/login?link-used");
            return;
        }
        try { // no record, no sign-in
            audit.append(new AuditEvent(
                    clock.instant(),
                    link.owner(),
                    AuditAction.SIGN_IN,
                    null,
                    null,
                    null,
                    from,
                    null,
                    null,
                    "console sign-in link"));
        } catch (AuditException e) {
            System.err.println("probebook: sign-in refused: " + e.getMessage());
            link.print("Probebook: the sign-in was refused because the audit log cannot be written (" + e.getMessage()
                    + "). Once it can, use the next one-time link:");
            response.sendRedirect(request.getContextPath() + "/login?error");
            return;
        }
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        signedIn.promote(request.getSession(true));
        var auth = UsernamePasswordAuthenticationToken.authenticated(
                link.owner(), null, UserDirectory.authorities(Set.of(Role.ADMIN)));
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(auth);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        link.print("Probebook: the sign-in link was used. The next one-time link (for another browser):");
        response.sendRedirect(request.getContextPath() + "/");
    }
}

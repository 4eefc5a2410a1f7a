package dev.probebook.security;

import dev.probebook.audit.AuditAction;
import dev.probebook.audit.AuditEvent;
import dev.probebook.audit.AuditException;
import dev.probebook.audit.AuditLog;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.session.SessionAuthenticationException;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;

/**
 * No sign-in without its audit record: runs session authentication (after the password or the provider said yes,
 * before the session is signed in) and appends the {@code sign-in} record; when it cannot be written the sign-in is
 * refused and the browser goes back to the sign-in page, as with runs and changes (fail closed).
 */
final class AuditedSignIn implements SessionAuthenticationStrategy {

    private final AuditLog audit;
    private final Clock clock;

    AuditedSignIn(AuditLog audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public void onAuthentication(
            Authentication authentication, HttpServletRequest request, HttpServletResponse response) {
        String user = CurrentUser.of(authentication).map(a -> a.name()).orElse(authentication.getName());
        try {
            audit.append(signIn(user, request.getRemoteAddr(), "sign-in"));
        } catch (AuditException e) {
            System.err.println("probebook: sign-in of " + user + " refused: " + e.getMessage());
            throw new SessionAuthenticationException(
                    "sign-ins are refused until the audit log can be written again: " + e.getMessage());
        }
    }

    AuditEvent signIn(String user, String from, String how) {
        return new AuditEvent(clock.instant(), user, AuditAction.SIGN_IN, null, null, null, from, null, null, how);
    }
}

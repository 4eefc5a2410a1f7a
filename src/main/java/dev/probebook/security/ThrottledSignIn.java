package dev.probebook.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 429 to a sign-in attempt (the form, or HTTP Basic credentials) that the throttle holds back, for the
 * account it names and the address it comes from, before any password is hashed.
 */
final class ThrottledSignIn extends OncePerRequestFilter {

    private final SignInThrottle throttle;

    ThrottledSignIn(SignInThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        boolean form = "POST".equals(request.getMethod()) && "/login".equals(request.getServletPath());
        String auth = request.getHeader("Authorization");
        return !form && (auth == null || !auth.regionMatches(true, 0, "Basic ", 0, 6));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (throttle.blocked(account(request), request.getRemoteAddr())) {
            response.setStatus(429);
            response.setHeader("Retry-After", String.valueOf(SignInThrottle.WINDOW.toSeconds()));
            response.setContentType("application/json");
            response.getWriter()
                    .write("{\"error\":\"too many failed sign-ins for this account; try again in a minute\"}");
            return;
        }
        chain.doFilter(request, response);
    }

    /** The account an attempt names: the form's user name, or the user of HTTP Basic credentials. */
    static String account(HttpServletRequest request) {
        String auth = request.getHeader("Authorization");
        if (auth != null && auth.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded =
                        new String(Base64.getDecoder().decode(auth.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return colon < 0 ? decoded : decoded.substring(0, colon);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return request.getParameter("username");
    }
}

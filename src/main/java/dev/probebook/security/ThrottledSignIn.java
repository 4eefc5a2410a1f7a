package dev.probebook.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/** Answers 429 to a sign-in attempt (the form, or HTTP Basic credentials) from an address the throttle holds back. */
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
        if (throttle.blocked(request.getRemoteAddr())) {
            response.setStatus(429);
            response.setHeader("Retry-After", "60");
            response.setContentType("application/json");
            response.getWriter()
                    .write("{\"error\":\"too many failed sign-ins from this address; try again in a minute\"}");
            return;
        }
        chain.doFilter(request, response);
    }
}

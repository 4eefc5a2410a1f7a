package dev.probebook.security;

import dev.probebook.access.Actor;
import dev.probebook.access.Role;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * The signed-in user of the current request as an {@link Actor}. Call it on a request thread (a click
 * handler, navigation): Spring Security keeps the context per request, and probe threads have none.
 */
public final class CurrentUser {

    private CurrentUser() {}

    public static Optional<Actor> get() {
        return of(SecurityContextHolder.getContext().getAuthentication());
    }

    /** The actor for an authentication, or empty when it is anonymous. */
    public static Optional<Actor> of(Authentication auth) {
        if (auth == null
                || !auth.isAuthenticated()
                || auth.getName() == null
                || auth instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (GrantedAuthority a : auth.getAuthorities()) {
            String name = a.getAuthority();
            if (name != null && name.startsWith("ROLE_")) {
                try {
                    roles.add(Role.parse(name));
                } catch (IllegalArgumentException ignored) {
                    // an authority of some other system: not one of ours
                }
            }
        }
        if (auth.getPrincipal() instanceof OidcUser oidc) {
            String provider =
                    auth instanceof OAuth2AuthenticationToken t ? t.getAuthorizedClientRegistrationId() : "oidc";
            return Optional.of(new Actor(OidcRoles.key(oidc), provider + ":" + OidcRoles.userName(oidc), roles));
        }
        return Optional.of(new Actor(auth.getName(), roles));
    }

    /** The actor, or an "anonymous" one with no roles, whom every check refuses (never null). */
    public static Actor orNobody() {
        return get().orElse(new Actor("anonymous", Set.of()));
    }
}

package dev.probebook.security;

import dev.probebook.access.Role;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Roles for users who sign in through an OpenID Connect provider (Spring Security's standard
 * {@code spring.security.oauth2.client.*} registrations). The claim {@code probebook.oidc.roles-claim}
 * (default {@code groups}) is read; a value {@code probebook-admin} (any of the four roles,
 * case-insensitive) grants that role. Everyone else gets {@code probebook.oidc.default-role} (default
 * {@code viewer}). Users are keyed by issuer and subject and shown as {@code REGISTRATION:preferred_username}, so a name chosen at the
 * provider can never pass for a configured user's.
 */
final class OidcRoles {

    static final String PREFIX = "probebook-";

    private final String claim;
    private final Role defaultRole;

    OidcRoles(String claim, Role defaultRole) {
        this.claim = claim;
        this.defaultRole = defaultRole;
    }

    Set<Role> rolesOf(Object claimValue) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Collection<?> values = claimValue instanceof Collection<?> c
                ? c
                : claimValue instanceof String s ? List.of(s.split("[,\\s]+")) : List.of();
        for (Object v : values) {
            String t = String.valueOf(v).trim().toLowerCase(Locale.ROOT);
            if (!t.startsWith(PREFIX)) {
                continue; // an identity provider's own "admin" group says nothing about Probebook
            }
            t = t.substring(PREFIX.length());
            for (Role r : Role.values()) {
                if (r.label().equals(t)) {
                    roles.add(r);
                }
            }
        }
        if (roles.isEmpty()) {
            roles.add(defaultRole);
        }
        return roles;
    }

    OAuth2UserService<OidcUserRequest, OidcUser> userService() {
        OidcUserService delegate = new OidcUserService();
        return request -> {
            OidcUser user = delegate.loadUser(request);
            Object value = user.getClaims().get(claim);
            List<GrantedAuthority> authorities = UserDirectory.authorities(rolesOf(value));
            return new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo(), "sub");
        };
    }

    /**
     * The key of an OpenID Connect user: issuer and subject, which the provider never reuses for another person
     * (a preferred user name can be chosen, changed and taken over).
     */
    static String key(OidcUser user) {
        String issuer = user.getIssuer() == null ? "oidc" : user.getIssuer().toString();
        return issuer + "#" + user.getSubject();
    }

    /** A readable name for display: preferred user name, else e-mail, else the subject. */
    static String userName(OidcUser user) {
        for (String n : new String[] {user.getPreferredUsername(), user.getEmail(), user.getSubject()}) {
            if (n != null && !n.isBlank()) {
                return n;
            }
        }
        return "oidc-user";
    }
}

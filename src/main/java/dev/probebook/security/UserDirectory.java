package dev.probebook.security;

import dev.probebook.access.Role;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** The users configured under {@code probebook.users.*}; empty means single-owner mode (console sign-in link). */
final class UserDirectory {

    private final Map<String, ConfiguredUser> users;

    UserDirectory(Map<String, ConfiguredUser> users) {
        this.users = Map.copyOf(users);
    }

    static UserDirectory from(Environment env) {
        Map<String, UserProperties> raw = Binder.get(env)
                .bind("probebook.users", Bindable.mapOf(String.class, UserProperties.class))
                .orElse(Map.of());
        Map<String, ConfiguredUser> users = new LinkedHashMap<>();
        raw.forEach((name, p) -> users.put(name, ConfiguredUser.of(name, p.passwordHash(), p.roles())));
        return new UserDirectory(users);
    }

    /** What {@code probebook.users.NAME.*} binds to (relaxed names: {@code password-hash}, {@code PASSWORD_HASH}). */
    public record UserProperties(String passwordHash, String roles) {}

    boolean isEmpty() {
        return users.isEmpty();
    }

    Map<String, ConfiguredUser> users() {
        return users;
    }

    /** Every role a set of roles includes, as authorities: an admin is also editor, operator and viewer. */
    static List<GrantedAuthority> authorities(Set<Role> roles) {
        List<GrantedAuthority> out = new ArrayList<>();
        for (Role r : Role.values()) {
            if (roles.stream().anyMatch(have -> have.includes(r))) {
                out.add(new SimpleGrantedAuthority(r.authority()));
            }
        }
        return out;
    }
}

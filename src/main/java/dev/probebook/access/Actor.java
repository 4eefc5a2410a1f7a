package dev.probebook.access;

import java.util.Set;

/**
 * Who asks for an action, as the server knows them: {@code name} is the unique key everything is recorded and
 * limited under (a configured user's name; for OpenID Connect the issuer and subject, which never change or repeat),
 * {@code displayName} what people read (for OpenID Connect {@code REGISTRATION:preferred_username}, which is not
 * unique), and the roles.
 */
public record Actor(String name, String displayName, Set<Role> roles) {

    public Actor {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an actor needs a name");
        }
        if (displayName == null || displayName.isBlank()) {
            displayName = name;
        }
        roles = Set.copyOf(roles);
    }

    /** An actor whose name is also what people read. */
    public Actor(String name, Set<Role> roles) {
        this(name, name, roles);
    }

    public static Actor of(String name, Role... roles) {
        return new Actor(name, Set.of(roles));
    }

    /** True when one of the actor's roles includes {@code needed}. */
    public boolean has(Role needed) {
        return roles.stream().anyMatch(r -> r.includes(needed));
    }
}

package dev.probebook.access;

import java.util.Set;

/** Who asks for an action: the signed-in user's name and roles, as the server knows them. */
public record Actor(String name, Set<Role> roles) {

    public Actor {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an actor needs a name");
        }
        roles = Set.copyOf(roles);
    }

    public static Actor of(String name, Role... roles) {
        return new Actor(name, Set.of(roles));
    }

    /** True when one of the actor's roles includes {@code needed}. */
    public boolean has(Role needed) {
        return roles.stream().anyMatch(r -> r.includes(needed));
    }
}

package dev.probebook.access;

import java.util.Locale;

/**
 * The roles of the web app, each including the ones before it: a viewer reads runbooks and past
 * results, an operator runs probes, an editor also changes runbooks, an admin also captures packets,
 * writes the hosts file and reads the audit log (the defaults; {@code probebook.roles.*} moves actions).
 */
public enum Role {
    VIEWER,
    OPERATOR,
    EDITOR,
    ADMIN;

    /** True when this role grants what {@code needed} grants. */
    public boolean includes(Role needed) {
        return ordinal() >= needed.ordinal();
    }

    /** Spring Security's authority name, {@code ROLE_ADMIN}. */
    public String authority() {
        return "ROLE_" + name();
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code admin}, {@code ADMIN} or {@code ROLE_ADMIN}. */
    public static Role parse(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT);
        if (t.startsWith("ROLE_")) {
            t = t.substring(5);
        }
        try {
            return valueOf(t);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not a role (viewer, operator, editor, admin)");
        }
    }
}

package dev.probebook.access;

import dev.probebook.probe.CommandNeeds;
import dev.probebook.settings.Settings;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Which role each action needs. The server asks this before every action, whatever the page showed:
 * hiding a button is a courtesy, this is the check.
 */
public final class AccessRules {

    private final Map<Action, Role> needed = new EnumMap<>(Action.class);

    public AccessRules(Settings.Roles roles) {
        needed.put(Action.RUN, Role.parse(roles.run()));
        needed.put(Action.CAPTURE, Role.parse(roles.capture()));
        needed.put(Action.HOSTS_WRITE, Role.parse(roles.hostsWrite()));
        needed.put(Action.FLOOD, Role.parse(roles.flood()));
        needed.put(Action.MANAGE, Role.parse(roles.manage()));
        needed.put(Action.EDIT, Role.parse(roles.edit()));
        needed.put(Action.AUDIT, Role.parse(roles.audit()));
    }

    public Role needed(Action action) {
        return needed.get(action);
    }

    public boolean allows(Actor actor, Action action) {
        return actor.has(needed(action));
    }

    /** The action a command's declared permission counts as (packet capture is its own, stronger permission). */
    public static Action actionFor(CommandNeeds.Permission permission) {
        return switch (permission) {
            case RUN -> Action.RUN;
            case CAPTURE -> Action.CAPTURE;
            case HOSTS_WRITE -> Action.HOSTS_WRITE;
            case FLOOD -> Action.FLOOD;
        };
    }

    /** True when the actor may do everything these permissions ({@code RUN}, {@code CAPTURE}, ...) need. */
    public boolean allowsAll(Actor actor, Collection<String> permissions) {
        for (String p : permissions) {
            try {
                if (!allows(actor, actionFor(CommandNeeds.Permission.valueOf(p)))) {
                    return false;
                }
            } catch (IllegalArgumentException unknown) {
                return false; // a permission this version does not know: not shown
            }
        }
        return true;
    }

    /** Throws unless the actor may do it; the message names the role needed. */
    public void check(Actor actor, Action action) throws AccessDeniedException {
        if (!allows(actor, action)) {
            throw new AccessDeniedException(actor.name() + " may not " + action.description() + ": needs role "
                    + needed(action).label() + " (probebook.roles." + key(action) + ")");
        }
    }

    private static String key(Action action) {
        return action.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}

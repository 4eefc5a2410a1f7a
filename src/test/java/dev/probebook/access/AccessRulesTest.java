package dev.probebook.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.probebook.probe.CommandNeeds;
import dev.probebook.settings.Settings;
import dev.probebook.settings.SettingsLoader;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessRulesTest {

    private final AccessRules defaults = new AccessRules(Settings.defaults().roles());

    @Test
    void eachRoleIncludesTheOnesBelowIt() {
        Actor viewer = Actor.of("v", Role.VIEWER);
        Actor operator = Actor.of("o", Role.OPERATOR);
        Actor editor = Actor.of("e", Role.EDITOR);
        Actor admin = Actor.of("a", Role.ADMIN);
        Map<Actor, boolean[]> expected = Map.of( // RUN, CAPTURE, HOSTS_WRITE, EDIT, AUDIT, FLOOD, MANAGE
                viewer, new boolean[] {false, false, false, false, false, false, false},
                operator, new boolean[] {true, false, false, false, false, false, false},
                editor, new boolean[] {true, false, false, true, false, false, false},
                admin, new boolean[] {true, true, true, true, true, true, true});
        expected.forEach((actor, allowed) -> {
            for (Action a : Action.values()) {
                assertThat(defaults.allows(actor, a)).as(actor.name() + " " + a).isEqualTo(allowed[a.ordinal()]);
            }
        });
        assertThat(defaults.allows(new Actor("nobody", Set.of()), Action.RUN)).isFalse();
    }

    @Test
    void theRefusalNamesTheRoleAndTheSetting() {
        assertThatThrownBy(() -> defaults.check(Actor.of("otto", Role.OPERATOR), Action.CAPTURE))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessage("otto may not capture packets: needs role admin (probebook.roles.capture)");
    }

    @Test
    void rolesAreConfigurable() {
        Settings s =
                SettingsLoader.load(Map.of("probebook.roles.capture", "operator", "probebook.roles.run", "viewer"));
        AccessRules rules = new AccessRules(s.roles());
        assertThat(rules.allows(Actor.of("o", Role.OPERATOR), Action.CAPTURE)).isTrue();
        assertThat(rules.allows(Actor.of("v", Role.VIEWER), Action.RUN)).isTrue();
        assertThatThrownBy(() -> SettingsLoader.load(Map.of("probebook.roles.run", "root")))
                .hasMessageContaining("'root' is not a role");
    }

    @Test
    void captureIsItsOwnPermission() {
        assertThat(AccessRules.actionFor(CommandNeeds.Permission.CAPTURE)).isEqualTo(Action.CAPTURE);
        assertThat(AccessRules.actionFor(CommandNeeds.Permission.RUN)).isEqualTo(Action.RUN);
        assertThat(AccessRules.actionFor(CommandNeeds.Permission.HOSTS_WRITE)).isEqualTo(Action.HOSTS_WRITE);
    }
}

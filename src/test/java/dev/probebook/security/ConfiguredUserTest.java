package dev.probebook.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.probebook.access.Role;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

class ConfiguredUserTest {

    private static final String BCRYPT = new BCryptPasswordEncoder(4).encode("a-good-password");

    @Test
    void aBcryptHashWithOrWithoutItsIdIsAccepted() {
        assertThat(ConfiguredUser.of("ada", "{bcrypt}" + BCRYPT, "admin").passwordHash())
                .isEqualTo("{bcrypt}" + BCRYPT);
        assertThat(ConfiguredUser.of("ada", BCRYPT, "admin").passwordHash()).isEqualTo("{bcrypt}" + BCRYPT);
        assertThat(ConfiguredUser.of("ops.team-1@corp", BCRYPT, "operator, EDITOR")
                        .roles())
                .isEqualTo(Set.of(Role.OPERATOR, Role.EDITOR));
    }

    @Test
    void plainTextPasswordsStopTheApp() {
        for (String plain : new String[] {"secret", "{noop}secret", "{bcrypt}short", "", "  "}) {
            assertThatThrownBy(() -> ConfiguredUser.of("ada", plain, "admin"))
                    .as(plain)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("probebook.users.ada.password-hash")
                    .hasMessageContaining("hash-password");
        }
    }

    @Test
    void namesAndRolesAreChecked() {
        assertThatThrownBy(() -> ConfiguredUser.of("a b", BCRYPT, "admin")).hasMessageContaining("user name");
        assertThatThrownBy(() -> ConfiguredUser.of("ada", BCRYPT, "root")).hasMessageContaining("'root' is not a role");
        assertThatThrownBy(() -> ConfiguredUser.of("ada", BCRYPT, null)).hasMessageContaining("roles is missing");
    }

    @Test
    void authoritiesIncludeTheRolesBelow() {
        assertThat(UserDirectory.authorities(Set.of(Role.EDITOR)))
                .extracting(a -> a.getAuthority())
                .containsExactly("ROLE_VIEWER", "ROLE_OPERATOR", "ROLE_EDITOR");
    }

    @Test
    void oidcGroupsMapToRolesWithADefault() {
        OidcRoles roles = new OidcRoles("groups", Role.VIEWER);
        assertThat(roles.rolesOf(List.of("probebook-admin", "staff"))).containsExactly(Role.ADMIN);
        assertThat(roles.rolesOf("Probebook-Operator probebook-editor"))
                .containsExactlyInAnyOrder(Role.OPERATOR, Role.EDITOR);
        assertThat(roles.rolesOf(List.of("admin")))
                .as("the provider's own admin group")
                .containsExactly(Role.VIEWER);
        assertThat(roles.rolesOf(null)).containsExactly(Role.VIEWER);
        assertThat(roles.rolesOf(List.of("staff"))).containsExactly(Role.VIEWER);
    }
}

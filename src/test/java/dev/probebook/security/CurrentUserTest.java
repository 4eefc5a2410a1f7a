package dev.probebook.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.probebook.access.Actor;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

class CurrentUserTest {

    private static Actor oidc(String sub, String preferred) {
        OidcIdToken token = new OidcIdToken(
                "token",
                Instant.now(),
                Instant.now().plusSeconds(60),
                Map.of("iss", "https://idp.corp.example", "sub", sub, "preferred_username", preferred));
        var authorities = List.of(new SimpleGrantedAuthority("ROLE_OPERATOR"));
        var user = new DefaultOidcUser(authorities, token, "sub");
        return CurrentUser.of(new OAuth2AuthenticationToken(user, authorities, "corp"))
                .orElseThrow();
    }

    @Test
    void oidcUsersAreKeyedByIssuerAndSubjectAndShownByTheirPreferredName() {
        Actor ivy = oidc("u-42", "ivy");
        Actor impostor = oidc("u-99", "ivy"); // another person who picked the same name
        assertThat(ivy.name()).isEqualTo("https://idp.corp.example#u-42");
        assertThat(ivy.displayName()).isEqualTo("corp:ivy");
        assertThat(impostor.displayName()).isEqualTo(ivy.displayName());
        assertThat(impostor.name()).isNotEqualTo(ivy.name());
    }
}

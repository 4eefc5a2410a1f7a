package dev.probebook.security;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import dev.probebook.testing.Browsers;
import dev.probebook.testing.FakeOidcProvider;
import dev.probebook.testing.PackagedApp;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Sign-in through an OpenID Connect provider (a fake one on loopback) with Spring Security's standard
 * client registration properties; the user's role comes from the {@code groups} claim.
 */
class OidcSignInIT {

    @Test
    void anOidcUserSignsInWithTheRoleFromTheGroupsClaim() throws Exception {
        try (FakeOidcProvider idp = new FakeOidcProvider(
                        "probebook",
                        Map.of(
                                "sub",
                                "u-42",
                                "preferred_username",
                                "ivy",
                                "groups",
                                List.of("staff", "admin", "probebook-operator")));
                PackagedApp app = PackagedApp.start(
                        "oidc-it-app",
                        List.of(),
                        "--probebook.data-dir=" + Files.createTempDirectory("probebook-oidc-data"),
                        "--spring.security.oauth2.client.registration.corp.client-id=probebook",
                        "--spring.security.oauth2.client.registration.corp.client-secret=test-secret",
                        "--spring.security.oauth2.client.registration.corp.client-name=Corp SSO",
                        "--spring.security.oauth2.client.registration.corp.scope=openid,profile",
                        "--spring.security.oauth2.client.provider.corp.issuer-uri=" + idp.issuer());
                Playwright pw = Playwright.create();
                Browser browser = Browsers.chromium(pw)) {
            assertThat(app.log())
                    .as("an identity provider is configured: no console link")
                    .doesNotContain("/signin?token=");
            Page page = browser.newContext().newPage();
            page.setDefaultTimeout(20_000);
            page.navigate(app.base() + "/terminal");
            page.getByText("Sign in with Corp SSO").click();
            assertThat(page.locator("[data-user]")).hasAttribute("data-user", "corp:ivy");
            // keyed by issuer and subject: a preferred name is not unique and can be taken over
            assertThat(page.locator("[data-user]")).hasAttribute("data-user-key", idp.issuer() + "#u-42");
            assertThat(page.locator("[data-user]")).containsText("operator");
            assertThat(page.locator("[data-read-only]")).hasCount(0);
            assertThat(page.locator("a[href=audit]")).hasCount(0);
        }
    }
}

package dev.probebook.testing;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import java.nio.file.Paths;
import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** Debian's Chromium for the browser tests, and signing a page in to a {@link PackagedApp}. */
public final class Browsers {

    private Browsers() {
    }

    /** Headless {@code /usr/bin/chromium}, without the background traffic and sandbox a test machine cannot give it. */
    public static Browser chromium(Playwright playwright) {
        return playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(Paths.get("/usr/bin/chromium"))
                .setHeadless(true)
                .setArgs(List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
    }

    /** Signs the page's browser context in through the login form (the session cookie serves every page of it). */
    public static Page signedIn(Page p, String base, PackagedApp.User user) {
        p.setDefaultTimeout(20_000);
        p.navigate(base + "/login");
        p.locator("vaadin-login-form input[name=username]").fill(user.name());
        p.locator("vaadin-login-form input[name=password]").fill(user.password());
        p.locator("vaadin-login-form vaadin-button[slot=submit], vaadin-login-form [part=vaadin-login-submit]").first().click();
        assertThat(p.locator("[data-user]")).hasAttribute("data-user", user.name());
        return p;
    }
}

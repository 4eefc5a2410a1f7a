package dev.probebook.testing;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/** Debian's Chromium for the browser tests, and signing a page in through the login form. */
public final class Browsers {

    /**
     * The flags this machine needs (no background networking: nothing leaves the host). The background-networking
     * flags did not stop everything: a capture on the host's interface during the browser tests still showed
     * Chromium asking the machine's resolver for content-autofill.googleapis.com, accounts.google.com,
     * update.googleapis.com and clients2.google.com. So Chromium resolves no name at all: every host but the loopback
     * address the tests use is "not found" at once.
     */
    private static final List<String> FLAGS = List.of(
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1");

    private Browsers() {}

    /** Headless Chromium with the flags this machine needs (no background networking: nothing leaves the host). */
    public static Browser chromium(Playwright playwright) {
        return playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(Path.of("/usr/bin/chromium"))
                        .setHeadless(true)
                        .setArgs(FLAGS));
    }

    /**
     * Headless Chromium with a profile on disk, as an operator's own browser has: its disk cache keeps the compiled
     * code of the scripts a page loads again (V8's code cache), which an incognito context like {@link #chromium}'s
     * contexts never keeps. The caller closes the context, which ends the browser.
     */
    public static BrowserContext chromiumWithProfile(Playwright playwright, Path profile) {
        return playwright
                .chromium()
                .launchPersistentContext(
                        profile,
                        new BrowserType.LaunchPersistentContextOptions()
                                .setExecutablePath(Path.of("/usr/bin/chromium"))
                                .setHeadless(true)
                                .setArgs(FLAGS));
    }

    /** A new desktop-sized English page of its own context, signed in as {@code user}. */
    public static Page signedInPage(Browser browser, String base, PackagedApp.User user) {
        return signIn(
                browser.newContext(new Browser.NewContextOptions()
                                .setViewportSize(1280, 900)
                                .setLocale("en-US"))
                        .newPage(),
                base,
                user);
    }

    /** Copies these screenshots from {@code target/screenshots} to {@code docs/screenshots}, where the README shows them. */
    public static void publishScreenshots(String... names) throws IOException {
        Path docs = Path.of("docs/screenshots");
        Files.createDirectories(docs);
        for (String name : names) {
            Path shot = Path.of("target/screenshots", name);
            if (Files.exists(shot)) {
                Files.copy(shot, docs.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /** Closes what a browser test opened, in order, skipping what never opened. */
    public static void closeAll(AutoCloseable... opened) throws Exception {
        for (AutoCloseable c : opened) {
            if (c != null) {
                c.close();
            }
        }
    }

    /** Signs the page's browser context in (the session cookie then serves every page of that context). */
    public static Page signIn(Page page, String base, PackagedApp.User user) {
        page.setDefaultTimeout(20_000);
        page.navigate(base + "/login");
        page.locator("vaadin-login-form input[name=username]").fill(user.name());
        page.locator("vaadin-login-form input[name=password]").fill(user.password());
        page.locator("vaadin-login-form vaadin-button[slot=submit]").first().click();
        assertThat(page.locator("[data-user]"))
                .hasAttribute("data-user", user.name(), new LocatorAssertions.HasAttributeOptions().setTimeout(30_000));
        return page;
    }
}

package dev.probebook.notebook;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import dev.probebook.testing.Browsers;
import dev.probebook.testing.PackagedApp;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The library at more than one screen in Chromium: the first cards come at once with a button for the next ones,
 * while search, tags and the count work over every runbook; a runbook added, edited or deleted on disk shows on the
 * next visit.
 */
class LibraryPagingIT {

    static final PackagedApp.User VIEWER = new PackagedApp.User("paging-viewer", "paging-viewer-password", "viewer");

    private static Path runbooks;
    private static PackagedApp app;
    private static Playwright playwright;
    private static Browser browser;
    private static Page page;

    @BeforeAll
    static void start() throws Exception {
        runbooks = Files.createTempDirectory("probebook-paging-runbooks");
        for (int i = 0; i < 45; i++) {
            String tag = i % 9 == 0 ? "dns" : "tcp";
            String extra = i == 44 ? "\nOnly this one mentions quokkafirewall.\n" : "";
            Files.writeString(
                    runbooks.resolve(String.format("rb-%02d.md", i)),
                    "---\ntitle: \"Runbook %02d\"\ntags: [%s]\n---\n# Runbook %02d\n%s\n```\nnc -zv 127.0.0.1 9\n```\n"
                            .formatted(i, tag, i, extra),
                    StandardCharsets.UTF_8);
        }
        app = PackagedApp.start(
                "paging-it-app",
                List.of(VIEWER),
                "--probebook.runbooks-dir=" + runbooks,
                "--probebook.data-dir=" + Files.createTempDirectory("probebook-paging-data"));
        playwright = Playwright.create();
        browser = Browsers.chromium(playwright);
        page = Browsers.signedInPage(browser, app.base(), VIEWER);
    }

    @AfterAll
    static void stop() throws Exception {
        Browsers.closeAll(browser, playwright, app);
    }

    @Test
    void theFirstCardsComeAtOnceAndTheRestOnAskingWhileSearchAndTagsCoverAll() throws Exception {
        page.navigate(app.base() + "/");
        assertThat(page.locator(".runbook-list")).hasAttribute("data-shown", "20/45");
        assertThat(page.locator("[data-runbook]")).hasCount(20);
        page.locator("[data-more]").click();
        assertThat(page.locator(".runbook-list")).hasAttribute("data-shown", "40/45");
        page.locator("[data-more]").click();
        assertThat(page.locator(".runbook-list")).hasAttribute("data-shown", "45/45");
        assertThat(page.locator("[data-more]")).hasCount(0);

        page.locator("[data-search] input").fill("quokkafirewall");
        assertThat(page.locator("[data-runbook]")).hasCount(1);
        assertThat(page.locator("[data-runbook=rb-44] [data-snippet]")).containsText("quokkafirewall");
        // every runbook mentions nc: each page of hits gets its snippets when it is shown
        page.locator("[data-search] input").fill("nc");
        assertThat(page.locator(".runbook-list")).hasAttribute("data-shown", "20/45");
        assertThat(page.locator("[data-snippet]")).hasCount(20);
        page.locator("[data-more]").click();
        assertThat(page.locator(".runbook-list")).hasAttribute("data-shown", "40/45");
        assertThat(page.locator("[data-snippet]")).hasCount(40);
        assertThat(page.locator("[data-runbook] >> nth=39").locator("[data-snippet] mark"))
                .hasText("nc");
        page.locator("[data-search] input").fill("");
        assertThat(page.locator(".runbook-list")).hasAttribute("data-shown", "20/45");

        page.locator("[data-runbook=rb-00] [data-tag=dns]").click();
        assertThat(page.locator(".runbook-list")).hasAttribute("data-shown", "5/5");

        Files.writeString(runbooks.resolve("zz-new.md"), "# Added on disk\n\n```\nnc -zv 127.0.0.1 9\n```\n");
        page.navigate(app.base() + "/");
        assertThat(page.locator(".runbook-list")).hasAttribute("data-shown", "20/46");
        page.locator("[data-search] input").fill("Added on disk");
        assertThat(page.locator("[data-runbook=zz-new]")).isVisible();

        // the library keeps its listing between visits: an edit and a deletion on disk show on the very next one
        Files.writeString(runbooks.resolve("rb-01.md"), "# Retitled on disk\n\n```\nnc -zv 127.0.0.1 9\n```\n");
        Files.delete(runbooks.resolve("rb-02.md"));
        page.navigate(app.base() + "/");
        assertThat(page.locator(".runbook-list")).hasAttribute("data-shown", "20/45");
        assertThat(page.locator("[data-runbook=rb-01] a.runbook-title")).hasText("Retitled on disk");
        assertThat(page.locator("[data-runbook=rb-02]")).hasCount(0);
    }
}

package dev.probebook.notebook;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import dev.probebook.testing.Browsers;
import dev.probebook.testing.PackagedApp;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Team memory end to end in Chromium against the packaged app and its embedded history: a step remembers its runs and
 * compares a failing run with the last good one; Run all makes a report whose page and Markdown export hold the runs;
 * the history page filters and reports chosen runs; the library shows which runbook was verified and by whom. Every
 * target is a loopback listener this test opens (and closes, to make a step fail).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TeamMemoryBrowserIT {

    static final PackagedApp.User ADMIN = new PackagedApp.User("mem-admin", "mem-admin-password", "admin");
    static final PackagedApp.User OPERATOR = new PackagedApp.User("mem-operator", "mem-operator-password", "operator");

    private static PackagedApp app;
    private static String base;
    private static ServerSocket listener;
    private static int port;
    private static Playwright playwright;
    private static Browser browser;
    private static Page page;
    private static String reportId;

    @BeforeAll
    static void start() throws Exception {
        Path runbooks = Files.createTempDirectory("probebook-memory-runbooks");
        Files.writeString(runbooks.resolve("memory.md"), """
                ---
                title: Memory checks
                ---
                # Memory checks

                ## Is the port open?

                ```
                nc -zv 127.0.0.1 {{port}}
                ```

                ## Is it listening in the table?

                ```
                telnet 127.0.0.1 {{port}}
                ```
                """, StandardCharsets.UTF_8);
        Files.writeString(runbooks.resolve("untouched.md"), """
                # Untouched

                ```
                nc -zv 127.0.0.1 9
                ```
                """, StandardCharsets.UTF_8);
        openListener(0);
        app = PackagedApp.start(
                "memory-it-app",
                List.of(ADMIN, OPERATOR),
                "--probebook.runbooks-dir=" + runbooks,
                "--probebook.data-dir=" + Files.createTempDirectory("probebook-memory-data"));
        base = app.base();
        playwright = Playwright.create();
        browser = Browsers.chromium(playwright);
        page = Browsers.signedInPage(browser, base, OPERATOR);
        page.setDefaultTimeout(20_000);
        Files.createDirectories(Path.of("target/screenshots"));
    }

    private static void openListener(int at) throws IOException {
        listener = new ServerSocket(at, 50, InetAddress.getLoopbackAddress());
        port = listener.getLocalPort();
        ServerSocket mine = listener;
        Thread.ofVirtual().start(() -> {
            while (!mine.isClosed()) {
                try (Socket s = mine.accept()) {
                    s.getOutputStream().flush();
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    @AfterAll
    static void stop() throws Exception {
        Browsers.closeAll(browser, playwright, app, listener);
        Browsers.publishScreenshots("step-history.png", "report.png", "history.png");
    }

    private static Locator step(int index) {
        return page.locator(".terminal[data-step]").nth(index);
    }

    private static void run(Locator step, String verdict) {
        step.getByRole(
                        AriaRole.BUTTON,
                        new Locator.GetByRoleOptions().setName("Run").setExact(true))
                .click();
        assertThat(step.locator("[data-verdict]"))
                .hasAttribute("data-verdict", verdict, new LocatorAssertions.HasAttributeOptions().setTimeout(20_000));
    }

    @Test
    @Order(1)
    void aStepRemembersItsRunsAndComparesAFailureWithTheLastGoodRun() throws Exception {
        page.navigate(base + "/runbook/memory?port=" + port);
        Locator first = step(0);
        Locator history = page.locator("[data-history]").first();
        assertThat(history).containsText("Not run yet");
        run(first, "ok");
        assertThat(history.locator("[data-history-run]")).hasCount(1);
        assertThat(history.locator("[data-history-run]").first()).containsText("mem-operator");

        listener.close(); // the same port, now refused
        run(first, "fail");
        assertThat(history.locator("[data-history-run]")).hasCount(2);
        page.locator("[data-compare-button]").first().click();
        Locator compare = page.locator("[data-compare]").first();
        assertThat(compare).hasAttribute("data-compare", "changed");
        assertThat(compare).containsText("ok");
        assertThat(compare).containsText("fail");

        // an earlier run opens beside the live output, with its own output
        history.locator("[data-history-run]").nth(1).click();
        Locator earlier = page.locator("[data-earlier]").first();
        assertThat(earlier).isVisible();
        assertThat(earlier).containsText("succeeded");
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(Path.of("target/screenshots/step-history.png"))
                .setFullPage(true));

        // the memory is on the page after a reload, too: it is the server's, not the browser's
        page.reload();
        assertThat(page.locator("[data-history]").first().locator("[data-history-run]"))
                .hasCount(2);
    }

    @Test
    @Order(2)
    void runAllMakesAReportWhosePageAndMarkdownHoldTheRuns() throws Exception {
        openListener(0);
        page.navigate(base + "/runbook/memory?port=" + port);
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Run all").setExact(true))
                .click();
        assertThat(page.locator("[data-summary]")).hasAttribute("data-summary", "2");
        page.locator("[data-make-report]").click();
        page.waitForURL(Pattern.compile(".*/reports/[0-9a-z]+$"));
        Locator report = page.locator("[data-report]");
        reportId = report.getAttribute("data-report");
        assertThat(page.locator("[data-report-step]")).hasCount(2);
        assertThat(page.locator("[data-report-run]")).hasCount(2);
        assertThat(report).containsText("Is the port open?");
        assertThat(report).containsText("mem-operator");
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(Path.of("target/screenshots/report.png"))
                .setFullPage(true));

        Download md =
                page.waitForDownload(() -> page.locator("[data-export=md]").click());
        String markdown = Files.readString(md.path(), StandardCharsets.UTF_8);
        assertThat(markdown)
                .contains("# Memory checks")
                .contains("nc -zv 127.0.0.1 " + port)
                .contains("succeeded")
                .contains("mem-operator");
        // an operator may not delete a report
        assertThat(page.locator("[data-delete-report]")).hasCount(0);
    }

    @Test
    @Order(3)
    void theHistoryPageFiltersAndReportsChosenRuns() {
        page.navigate(base + "/history/memory");
        Locator rows = page.locator("[data-run-row]");
        assertThat(rows).hasCount(4);
        page.locator("[data-filter=verdict]").click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("fail"))
                .click();
        assertThat(rows).hasCount(1);
        rows.first().locator("vaadin-checkbox").click();
        page.locator("[data-report-selected]").click();
        page.waitForURL(Pattern.compile(".*/reports/[0-9a-z]+$"));
        assertThat(page.locator("[data-report-run]")).hasCount(1);
        assertThat(page.locator("[data-report-run]")).hasAttribute("data-verdict", "fail");
        page.navigate(base + "/history/memory");
        page.locator("[data-filter=user] input").fill("nobody-here");
        assertThat(rows).hasCount(0);
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/history.png")));
    }

    @Test
    @Order(4)
    void theLibraryShowsWhoVerifiedWhatAndWhatWasNeverRun() {
        page.navigate(base + "/");
        assertThat(page.locator("[data-runbook=memory] [data-freshness]")).hasAttribute("data-freshness", "verified");
        assertThat(page.locator("[data-runbook=memory] [data-freshness]")).containsText("mem-operator");
        assertThat(page.locator("[data-runbook=untouched] [data-freshness]")).hasAttribute("data-freshness", "never");
        page.locator("[data-show]").selectOption("never"); // a native select: its option's value
        assertThat(page.locator(".runbook-card")).hasCount(1);
        assertThat(page.locator("[data-runbook=untouched]")).hasCount(1);
    }

    @Test
    @Order(5)
    void anAdminDeletesAReportAndItsPageSaysItIsGone() {
        Page admin = Browsers.signIn(browser.newContext().newPage(), base, ADMIN);
        admin.setDefaultTimeout(20_000);
        admin.navigate(base + "/reports/" + reportId);
        admin.locator("[data-delete-report]").click();
        assertThat(admin.locator("[data-report]")).containsText("The report was deleted.");
        admin.navigate(base + "/reports/" + reportId);
        assertThat(admin.locator("[data-report-missing]")).hasAttribute("data-report-missing", reportId);
        admin.context().close();
    }
}

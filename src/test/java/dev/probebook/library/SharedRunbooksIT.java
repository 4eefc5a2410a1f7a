package dev.probebook.library;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;
import dev.probebook.testing.Browsers;
import dev.probebook.testing.PackagedApp;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two packaged app instances share their runbooks through one bare git repository (a {@code file://} remote this
 * test makes): a save on one reaches the other by its background pull, and a save on the other from the version it
 * had open is a conflict that keeps both texts, never a lost edit. Editors work in Chromium on each.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SharedRunbooksIT {

    static final PackagedApp.User EDITOR = new PackagedApp.User("team-editor", "team-editor-password", "editor");

    private static Path bare;
    private static PackagedApp east;
    private static PackagedApp west;
    private static Playwright playwright;
    private static Browser browser;
    private static Page onEast;
    private static Page onWest;

    @BeforeAll
    static void start() throws Exception {
        bare = Files.createTempDirectory("probebook-shared").resolve("runbooks.git");
        Git.init()
                .setBare(true)
                .setDirectory(bare.toFile())
                .setInitialBranch("main")
                .call()
                .close();
        Path eastRunbooks = Files.createTempDirectory("probebook-east-runbooks");
        Files.writeString(
                eastRunbooks.resolve("port.md"),
                "# Port\n\n## Open?\n\n```\nnc -zv 127.0.0.1 22\n```\n",
                StandardCharsets.UTF_8);
        east = PackagedApp.start("shared-east-app", List.of(EDITOR), args(eastRunbooks, "east"));
        // west starts from an empty folder: it clones what east published
        west = PackagedApp.start(
                "shared-west-app", List.of(EDITOR), args(Files.createTempDirectory("probebook-west-runbooks"), "west"));
        playwright = Playwright.create();
        browser = Browsers.chromium(playwright);
        onEast = Browsers.signedInPage(browser, east.base(), EDITOR);
        onWest = Browsers.signedInPage(browser, west.base(), EDITOR);
    }

    private static String[] args(Path runbooks, String name) throws Exception {
        return new String[] {
            "--probebook.runbooks-dir=" + runbooks,
            "--probebook.data-dir=" + Files.createTempDirectory("probebook-" + name + "-data"),
            "--probebook.runbooks.remote=" + bare.toUri(),
            "--probebook.runbooks.pull-interval=1s"
        };
    }

    @AfterAll
    static void stop() throws Exception {
        Browsers.closeAll(browser, playwright, east, west);
    }

    private static Locator editor(Page page) {
        return page.locator("[data-editor] textarea");
    }

    private static void save(Page page, String text, String message) {
        editor(page).fill(text);
        page.locator("[data-commit-message] input").fill(message);
        page.getByRole(
                        com.microsoft.playwright.options.AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Save").setExact(true))
                .click();
    }

    private static List<String> remoteLog() throws Exception {
        try (Git git = Git.open(bare.toFile())) {
            List<String> out = new ArrayList<>();
            for (RevCommit c : git.log().call()) {
                out.add(c.getAuthorIdent().getName() + ": " + c.getShortMessage());
            }
            return out;
        }
    }

    @Test
    @Order(1)
    void aSaveOnOneServerReachesTheOther() throws Exception {
        onWest.navigate(west.base() + "/runbook/port");
        assertThat(onWest.locator("h1")).containsText("Port");

        onEast.navigate(east.base() + "/edit/port");
        save(onEast, "# Port, checked from east\n\n## Open?\n\n```\nnc -zv 127.0.0.1 443\n```\n", "Check 443");
        onEast.waitForURL(Pattern.compile(".*/runbook/port$"));
        assertThat(remoteLog().get(0)).isEqualTo("team-editor: Check 443");

        // west pulls in the background: the page shows east's text on a reload within a few pulls
        long end = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < end) {
            onWest.navigate(west.base() + "/runbook/port");
            if (onWest.locator("h1").textContent().contains("checked from east")) {
                break;
            }
            Thread.sleep(500);
        }
        assertThat(onWest.locator("h1")).containsText("checked from east");
    }

    @Test
    @Order(2)
    void aSaveFromAnOlderVersionIsAConflictThatKeepsBothTexts() throws Exception {
        onWest.navigate(west.base() + "/edit/port");
        assertThat(editor(onWest)).hasValue(Pattern.compile(".*checked from east.*", Pattern.DOTALL));

        onEast.navigate(east.base() + "/edit/port");
        save(onEast, "# Port, east again\n\n```\nnc -zv 127.0.0.1 8443\n```\n", "Move to 8443");
        onEast.waitForURL(Pattern.compile(".*/runbook/port$"));

        String mine = "# Port, west's view\n\n```\nnc -zv 127.0.0.1 9443\n```\n";
        save(onWest, mine, "Move to 9443");
        assertThat(onWest.locator("[data-save-error]"))
                .containsText(
                        "changed by someone else", new LocatorAssertions.ContainsTextOptions().setTimeout(20_000));
        assertThat(editor(onWest)).hasValue(mine);
        assertThat(onWest.locator("[data-theirs] textarea"))
                .hasValue(Pattern.compile(".*east again.*", Pattern.DOTALL));
        assertThat(remoteLog().get(0)).isEqualTo("team-editor: Move to 8443");

        onWest.locator("[data-save-mine]").click();
        onWest.waitForURL(Pattern.compile(".*/runbook/port$"));
        assertThat(remoteLog()).startsWith("team-editor: Move to 9443", "team-editor: Move to 8443");
    }
}

package dev.probebook.notebook;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import dev.probebook.testing.Browsers;
import dev.probebook.testing.PackagedApp;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * The runbook editor end to end in Chromium against the packaged app: an admin edits and creates runbooks
 * (a commit by them, an audit record, the page shows the change), every failed save keeps the typed text on the page,
 * and a viewer gets neither the buttons nor the editor.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RunbookEditorIT {

    private static final PackagedApp.User ADMIN = new PackagedApp.User("it-admin", "it-admin-password", "admin");
    private static final PackagedApp.User VIEWER = new PackagedApp.User("it-viewer", "it-viewer-password", "viewer");

    private static Path runbooks;
    private static Path data;
    private static PackagedApp app;
    private static Playwright playwright;
    private static Browser browser;
    private static Page page;

    @BeforeAll
    static void start() throws Exception {
        runbooks = Files.createTempDirectory("probebook-editor-it-runbooks");
        Files.writeString(
                runbooks.resolve("nested.md"),
                "# Nested\n\n1. Is the port open?\n\n   ```\n   nc -zv 127.0.0.1 9\n   ```\n",
                StandardCharsets.UTF_8);
        data = Files.createTempDirectory("probebook-editor-it-data");
        app = PackagedApp.start(
                "editor-it-app",
                List.of(ADMIN, VIEWER),
                "--probebook.runbooks-dir=" + runbooks,
                "--probebook.data-dir=" + data);
        playwright = Playwright.create();
        browser = Browsers.chromium(playwright);
        page = Browsers.signedInPage(browser, app.base(), ADMIN);
        Files.createDirectories(Path.of("target/screenshots"));
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable c : new AutoCloseable[] {browser, playwright, app}) { // in this order; null: never started
            if (c != null) {
                c.close();
            }
        }
    }

    private static Locator button(Page p, String name) {
        return p.getByRole(
                AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    /** Goes to {@code path} and follows its button to the editor at {@code editorPath}. */
    private static void openEditor(String path, String buttonName, String editorPath) {
        page.navigate(app.base() + path);
        button(page, buttonName).click();
        page.waitForURL(Pattern.compile(".*" + Pattern.quote(editorPath) + "$"));
    }

    private static Locator textArea() {
        return page.locator("[data-editor] textarea");
    }

    /** The runbooks folder's commits, newest first: "author: message". */
    private static List<String> commits() throws Exception {
        try (Git git = Git.open(runbooks.toFile())) {
            List<String> out = new java.util.ArrayList<>();
            for (RevCommit c : git.log().call()) {
                out.add(c.getAuthorIdent().getName() + ": " + c.getShortMessage());
            }
            return out;
        }
    }

    @Test
    @Order(1)
    void anAdminEditsARunbookAndTheSaveIsACommitByThemWithTheirMessage() throws Exception {
        openEditor("/runbook/nested", "Edit", "/edit/nested");
        assertThat(textArea()).hasValue(Files.readString(runbooks.resolve("nested.md")));
        textArea()
                .fill("# Nested, edited in the browser\n\n```\nnc -zv 127.0.0.1 9\n```\n\n```\niptables -L\n```\n\n"
                        + "<mark>Listening sockets</mark>\n\n```text\nss -tlnp\n```\n");
        // the preview says what the page will make of it, before anything is saved
        assertThat(page.locator("[data-preview-block=step]")).hasCount(2);
        assertThat(page.locator("[data-preview-block=example]")).hasCount(1);
        assertThat(page.locator("[data-preview]")).containsText("→ tcp");
        assertThat(page.locator("[data-preview-warning]").first()).containsText("will not run");
        assertThat(page.locator("[data-preview-warning]").nth(1)).containsText("looks like a command");
        textArea().fill("# Nested, edited in the browser\n\n```\nnc -zv 127.0.0.1 9\n```\n");
        page.locator("[data-commit-message] input").fill("Check port 9 at the top level");
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/editor.png")));
        button(page, "Save").click();

        page.waitForURL(Pattern.compile(".*/runbook/nested$"));
        assertThat(page.locator("h1")).containsText("Nested, edited in the browser");
        assertThat(Files.readString(runbooks.resolve("nested.md"))).startsWith("# Nested, edited in the browser");
        assertThat(commits())
                .containsExactly(
                        "it-admin: Check port 9 at the top level",
                        "Probebook: Imported the runbooks folder into history");
        assertThat(data.resolve("runbook-backups")).doesNotExist();
        String audit = Files.readString(data.resolve("audit.jsonl"));
        assertThat(audit).contains("\"runbook-save\"").contains("version ");
    }

    @Test
    @Order(2)
    void aRunbookChangedMeanwhileIsNotOverwrittenAndTheTypedTextStays() throws Exception {
        page.navigate(app.base() + "/edit/nested");
        assertThat(textArea()).hasValue(Pattern.compile("^# Nested, edited.*", Pattern.DOTALL));
        String theirs = "# Nested, their version\n";
        Files.writeString(runbooks.resolve("nested.md"), theirs);
        String mine = "# Nested, my version\n\nwith a paragraph I must not lose\n";
        textArea().fill(mine);
        button(page, "Save").click();

        assertThat(page.locator("[data-save-error]")).containsText("changed by someone else since you opened it");
        assertThat(textArea()).hasValue(mine);
        assertThat(page).hasURL(Pattern.compile(".*/edit/nested$"));
        assertThat(Files.readString(runbooks.resolve("nested.md"))).isEqualTo(theirs);
        // both texts side by side, and what differs
        assertThat(page.locator("[data-theirs] textarea")).hasValue(theirs);
        assertThat(page.locator("[data-conflict] [data-diff-line=added]").first())
                .containsText("my version");
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/conflict.png")));

        page.locator("[data-save-mine]").click();
        page.waitForURL(Pattern.compile(".*/runbook/nested$"));
        assertThat(Files.readString(runbooks.resolve("nested.md"))).isEqualTo(mine);
        assertThat(commits().get(1)).startsWith("outside Probebook: Changed outside Probebook: nested.md");
    }

    @Test
    @Order(3)
    void aTextThatDoesNotParseIsRefusedWithTheReasonAndKept() throws Exception {
        page.navigate(app.base() + "/edit/nested");
        String deep = ">".repeat(70) + " too deep\n";
        textArea().fill(deep);
        button(page, "Save").click();
        assertThat(page.locator("[data-save-error]")).containsText("nests quotes or lists more than 64 levels deep");
        assertThat(textArea()).hasValue(deep);
    }

    @Test
    @Order(4)
    void whenTheAuditLogCannotBeWrittenNothingIsSavedAndTheTextIsKept() throws Exception {
        Path log = data.resolve("audit.jsonl");
        Path kept = data.resolve("audit.jsonl.kept");
        Files.move(log, kept);
        Files.createDirectory(log); // appending to a folder fails
        try {
            page.navigate(app.base() + "/edit/nested");
            String before = Files.readString(runbooks.resolve("nested.md"));
            String text = "# Nested, not saved while the audit log is broken\n";
            textArea().fill(text);
            button(page, "Save").click();
            Locator error = page.locator("[data-save-error]");
            assertThat(error).containsText("Not saved: the audit log could not be written");
            assertThat(textArea()).hasValue(text);
            assertThat(Files.readString(runbooks.resolve("nested.md"))).isEqualTo(before);
        } finally {
            Files.delete(log);
            Files.move(kept, log);
        }
    }

    @Test
    @Order(5)
    void anAdminCreatesANewRunbookFromTheLibrary() throws Exception {
        openEditor("/", "New runbook", "/edit");
        page.locator("[data-editor-name] input").fill("fresh");
        textArea().fill("# Fresh runbook\n\n```\nping -c 1 127.0.0.1\n```\n");
        button(page, "Save").click();
        page.waitForURL(Pattern.compile(".*/runbook/fresh$"));
        assertThat(page.locator("h1")).containsText("Fresh runbook");
        assertThat(Files.readString(runbooks.resolve("fresh.md"))).startsWith("# Fresh runbook");

        openEditor("/", "New runbook", "/edit");
        page.locator("[data-editor-name] input").fill("fresh");
        textArea().fill("# Another fresh one\n");
        button(page, "Save").click();
        assertThat(page.locator("[data-save-error]")).containsText("a runbook named 'fresh' already exists");
        assertThat(textArea()).hasValue("# Another fresh one\n");
    }

    @Test
    @Order(6)
    void cancelAsksBeforeThrowingTypedTextAway() {
        page.navigate(app.base() + "/edit/fresh");
        button(page, "Cancel").click(); // nothing typed: leaves at once
        page.waitForURL(Pattern.compile(".*/runbook/fresh$"));

        page.navigate(app.base() + "/edit/fresh");
        textArea().fill("# Fresh runbook\n\nhalf a thought");
        button(page, "Cancel").click();
        page.locator("[data-keep-editing]").click();
        assertThat(textArea()).hasValue("# Fresh runbook\n\nhalf a thought");
        button(page, "Cancel").click();
        page.locator("[data-discard]").click();
        page.waitForURL(Pattern.compile(".*/runbook/fresh$"));
    }

    @Test
    @Order(7)
    void theHistoryShowsEveryVersionWithADiffAndAnOldOneIsRestoredAsANewCommit() throws Exception {
        page.navigate(app.base() + "/versions/nested");
        Locator versions = page.locator("[data-version]");
        assertThat(versions).hasCount(4);
        assertThat(versions.nth(1)).containsText("outside Probebook");
        assertThat(page.locator("[data-diff] [data-diff-line=added]").first()).containsText("my version");
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(Path.of("target/screenshots/versions.png"))
                .setFullPage(true));

        page.locator("[data-restore]").last().click(); // the imported original
        page.waitForURL(Pattern.compile(".*/runbook/nested$"));
        assertThat(Files.readString(runbooks.resolve("nested.md"))).startsWith("# Nested\n\n1. Is the port open?");
        assertThat(commits().get(0)).startsWith("it-admin: Restored nested.md to version ");
        assertThat(commits()).hasSize(6);
    }

    @Test
    @Order(8)
    void aRunbookIsRenamedAndDeletedAsCommitsWhoseHistoryStays() throws Exception {
        page.navigate(app.base() + "/edit/fresh");
        page.locator("[data-rename]").click();
        page.locator("[data-rename-to] input").fill("fresher");
        page.locator("[data-rename-confirm]").click();
        page.waitForURL(Pattern.compile(".*/edit/fresher$"));
        assertThat(runbooks.resolve("fresh.md")).doesNotExist();
        assertThat(commits().get(0)).isEqualTo("it-admin: Renamed fresh.md to fresher.md");

        page.locator("[data-delete]").click();
        page.locator("[data-delete-confirm]").click();
        page.waitForURL(Pattern.compile(".*/$"));
        assertThat(page.locator("[data-runbook=fresher]")).hasCount(0);
        assertThat(commits().get(0)).isEqualTo("it-admin: Deleted fresher.md");
        assertThat(Files.readString(data.resolve("audit.jsonl")))
                .contains("\"runbook-rename\"")
                .contains("\"runbook-delete\"");
    }

    @Test
    @Order(9)
    void searchFindsWordsInProseAndCommandsWithASnippetAndTagsFilter() throws Exception {
        Files.writeString(runbooks.resolve("syn.md"), """
                ---
                title: Dropped handshakes
                tags: [tcp, firewall]
                owner: net-team
                ---
                # Dropped handshakes

                ## Watch the SYN packets

                When the client retries its SYN and no answer comes, a filter drops it.

                ```
                tcpdump -i lo -n 'tcp[tcpflags] & tcp-syn != 0'
                ```

                ## 방화벽 확인

                포트가 막혔으면 방화벽에서 허용하세요.
                """);
        page.navigate(app.base() + "/");
        Locator search = page.locator("[data-search] input");
        search.fill("SYN");
        assertThat(page.locator(".runbook-card")).hasCount(1);
        assertThat(page.locator("[data-runbook=syn] [data-snippet] mark").first())
                .hasText("SYN");
        search.fill("tcpdump");
        assertThat(page.locator("[data-runbook=syn]")).hasCount(1);
        search.fill("방화벽");
        assertThat(page.locator("[data-runbook=syn] [data-snippet]")).containsText("방화벽");
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/search.png")));
        search.fill("");
        assertThat(page.locator(".runbook-card")).hasCount(2); // the list is drawn again: click after that
        assertThat(page.locator("[data-runbook=syn] [data-owner]")).hasAttribute("data-owner", "net-team");
        page.locator("[data-runbook=syn] [data-tag=firewall]").click();
        assertThat(page.locator(".runbook-card")).hasCount(1);
        page.locator("[data-tag-filter]").click();
        assertThat(page.locator(".runbook-card")).hasCount(2);
    }

    @Test
    @Order(10)
    void aViewerGetsNoEditButtonsAndNoEditor() {
        Page viewer = Browsers.signIn(
                browser.newContext(new Browser.NewContextOptions().setLocale("en-US"))
                        .newPage(),
                app.base(),
                VIEWER);
        viewer.navigate(app.base() + "/runbook/nested");
        assertThat(viewer.locator("h1")).isVisible();
        assertThat(button(viewer, "Edit")).hasCount(0);
        viewer.navigate(app.base() + "/");
        assertThat(viewer.locator(".runbook-card").first()).isVisible();
        assertThat(button(viewer, "New runbook")).hasCount(0);
        viewer.navigate(app.base() + "/edit/nested");
        assertThat(viewer.locator("[data-access-denied]")).containsText("Changing runbooks needs role editor");
        assertThat(viewer.locator("[data-editor]")).hasCount(0);
        assertThat(button(viewer, "Save")).hasCount(0);
        viewer.context().close();
    }
}

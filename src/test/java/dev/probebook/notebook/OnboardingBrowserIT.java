package dev.probebook.notebook;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import dev.probebook.testing.Browsers;
import dev.probebook.testing.PackagedApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Onboarding end to end in Chromium against the packaged app: an admin starts the practice lab; a learner follows the
 * shipped connectivity runbook in guided mode in the lab, checking every step against real loopback services, to the
 * end; a wrong diagnosis in a drill fails and the right one, backed by a run, passes; a viewer reads the steps without
 * running them; a lab stopped mid-drill refuses runs with "lab not running"; and the progress board shows the
 * learner's progress, also after the app restarts. Every target is the lab's, on loopback; names resolve through the
 * lab's DNS server only.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OnboardingBrowserIT {

    static final PackagedApp.User ADMIN = new PackagedApp.User("lab-admin", "lab-admin-password", "admin");
    static final PackagedApp.User LEARNER = new PackagedApp.User("learner", "learner-password-1", "operator");
    static final PackagedApp.User LEAD = new PackagedApp.User("team-lead", "team-lead-password", "editor");
    static final PackagedApp.User VIEWER = new PackagedApp.User("reader", "reader-password-1", "viewer");

    private static Path runbooks;
    private static Path data;
    private static PackagedApp app;
    private static Playwright playwright;
    private static Browser browser;
    private static Page admin;
    private static Page learner;

    @BeforeAll
    static void start() throws Exception {
        runbooks = Files.createTempDirectory("probebook-onboarding-runbooks");
        try (Stream<Path> shipped = Files.list(Path.of("runbooks"))) {
            for (Path file : shipped.toList()) {
                Files.copy(file, runbooks.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        data = Files.createTempDirectory("probebook-onboarding-data");
        app = startApp();
        playwright = Playwright.create();
        browser = Browsers.chromium(playwright);
        admin = Browsers.signedInPage(browser, app.base(), ADMIN);
        learner = Browsers.signedInPage(browser, app.base(), LEARNER);
        learner.setDefaultTimeout(30_000);
        Files.createDirectories(Path.of("target/screenshots"));
    }

    private static PackagedApp startApp() throws Exception {
        return PackagedApp.start(
                "onboarding-it-app",
                List.of(ADMIN, LEARNER, LEAD, VIEWER),
                "--probebook.runbooks-dir=" + runbooks,
                "--probebook.data-dir=" + data,
                // nothing outside the lab is resolved: the app's own DNS is a closed loopback port
                "--probebook.dns.servers=127.0.0.1:9",
                "--probebook.dns.timeout=1s");
    }

    @AfterAll
    static void stop() throws Exception {
        Browsers.closeAll(browser, playwright, app);
        Browsers.publishScreenshots("guided-mode.png", "drill.png", "progress-board.png");
    }

    @Test
    @Order(1)
    void anAdminStartsTheLab() {
        admin.navigate(app.base() + "/lab");
        assertThat(admin.locator("[data-lab-state]")).hasAttribute("data-lab-state", "stopped");
        admin.locator("[data-lab-start]").click();
        assertThat(admin.locator("[data-lab-state]"))
                .hasAttribute(
                        "data-lab-state", "running", new LocatorAssertions.HasAttributeOptions().setTimeout(30_000));
        assertThat(admin.locator("[data-scenario]")).hasCount(7);
        assertThat(admin.locator("[data-scenario=expired]")).containsText("expired.lab.test");
    }

    @Test
    @Order(2)
    void aLearnerCompletesTheSeedRunbookInGuidedModeAgainstTheLab() throws Exception {
        learner.navigate(app.base() + "/learn/network-connectivity.en?lab=open");
        Locator progress = learner.locator("[data-progress]");
        String total = progress.getAttribute("data-progress").split("/")[1];
        assertThat(progress).hasAttribute("data-progress", "0/" + total);
        assertThat(learner.locator("[data-lab=open]")).containsText("app.lab.test");
        int steps = Integer.parseInt(total);
        assertThat(steps).isGreaterThan(10);
        List<String> skipped = new ArrayList<>();
        boolean hintSeen = false;
        for (int n = 1; n <= steps; n++) {
            Locator step = learner.locator("[data-guided-step='" + n + "']");
            assertThat(step).isVisible();
            Locator next = learner.locator("[data-guided-next]");
            assertThat(next).isDisabled();
            if (!hintSeen && learner.locator("[data-guided-hint]").count() > 0) {
                learner.locator("[data-guided-hint]").click();
                assertThat(learner.locator("[data-hint]").first()).isVisible();
                hintSeen = true;
            }
            if (learner.locator("[data-guided-check]").count() > 0) {
                learner.locator("[data-guided-check]").click();
                Locator result = learner.locator("[data-guided-result][data-check]");
                assertThat(result).hasCount(1, new LocatorAssertions.HasCountOptions().setTimeout(60_000));
                if ("failed".equals(result.getAttribute("data-check"))) {
                    Locator skip = learner.locator("[data-guided-skip]");
                    assertThat(skip.isVisible())
                            .as("step " + n + " failed in the lab: " + result.textContent())
                            .isTrue();
                    skipped.add(n + ": " + result.textContent());
                    skip.click();
                } else {
                    assertThat(learner.locator("[data-meaning-line]").first()).containsText("What it means:");
                }
                if (n == 2) {
                    learner.screenshot(new Page.ScreenshotOptions()
                            .setPath(Path.of("target/screenshots/guided-mode.png"))
                            .setFullPage(true));
                }
            } else {
                learner.locator("[data-guided-read]").click();
            }
            assertThat(next).isEnabled();
            assertThat(progress).hasAttribute("data-progress", n + "/" + total);
            next.click();
        }
        assertThat(learner.locator("[data-completed]")).hasAttribute("data-completed", "true");
        // tcpdump needs the capture role (admin): the operator skips it, and nothing else
        assertThat(skipped).hasSize(1);
        assertThat(skipped.get(0)).contains("capture");
    }

    @Test
    @Order(3)
    void aGuidedStepWithAnExpectationFailsUntilTheResultIsTheExpectedOne() {
        learner.navigate(app.base() + "/learn/network-connectivity.en?lab=refused&step=1");
        // in the refused scenario the TCP check fails: the default expectation (ok or warn) is not met
        Locator nav =
                learner.locator(".guided-nav-item").filter(new Locator.FilterOptions().setHasText("TCP port check"));
        nav.click();
        learner.locator("[data-guided-check]").click();
        assertThat(learner.locator("[data-guided-result]"))
                .hasAttribute("data-check", "failed", new LocatorAssertions.HasAttributeOptions().setTimeout(30_000));
        assertThat(learner.locator("[data-guided-result]")).containsText("refused");
        assertThat(learner.locator("[data-guided-skip]")).isHidden();
    }

    @Test
    @Order(4)
    void aWrongDiagnosisFailsAndTheRightOneBackedByARunPasses() throws Exception {
        learner.navigate(app.base() + "/drill/drill-new-api-port.en");
        assertThat(learner.locator("[data-variables]")).not().containsText("closed.lab.test");
        Locator options = learner.locator("[data-drill-options] vaadin-radio-button");
        options.filter(new Locator.FilterOptions().setHasText("Timed out")).click();
        learner.locator("[data-drill-submit]").click();
        assertThat(learner.locator("[data-drill-result]")).hasAttribute("data-drill-result", "failed");

        options.filter(new Locator.FilterOptions().setHasText("Connection refused"))
                .click();
        learner.locator("[data-drill-submit]").click();
        assertThat(learner.locator("[data-drill-result]")).hasAttribute("data-drill-result", "failed");
        assertThat(learner.locator("[data-drill-result]")).containsText("Not passed yet");

        Locator tcp = learner.locator(".terminal[data-probe=tcp]").first();
        tcp.getByRole(
                        AriaRole.BUTTON,
                        new Locator.GetByRoleOptions().setName("Run").setExact(true))
                .click();
        assertThat(tcp.locator("[data-verdict]"))
                .hasAttribute("data-verdict", "fail", new LocatorAssertions.HasAttributeOptions().setTimeout(30_000));
        learner.locator("[data-drill-submit]").click();
        assertThat(learner.locator("[data-drill-result]")).hasAttribute("data-drill-result", "passed");
        learner.screenshot(new Page.ScreenshotOptions()
                .setPath(Path.of("target/screenshots/drill.png"))
                .setFullPage(false));
    }

    @Test
    @Order(5)
    void aViewerReadsTheGuidedStepsWithoutRunningThem() {
        Page viewer = Browsers.signedInPage(browser, app.base(), VIEWER);
        viewer.navigate(app.base() + "/learn/network-connectivity.en");
        assertThat(viewer.locator("[data-guided-read-only]")).isVisible();
        assertThat(viewer.locator("[data-guided-check]")).hasCount(0);
        assertThat(viewer.locator("[data-guided-next]")).isEnabled();
        viewer.context().close();
    }

    @Test
    @Order(6)
    void aLabStoppedMidDrillRefusesTheNextRunAndKeepsTheProgress() {
        learner.navigate(app.base() + "/drill/drill-partner-hangs.en");
        // the drill is open with the lab's values bound before the lab stops: "mid-drill", not "opened after it
        // stopped"
        assertThat(learner.locator("[data-variables]")).isVisible();
        assertThat(learner.locator(".terminal[data-probe=tcp]").first()).isVisible();
        admin.navigate(app.base() + "/lab");
        admin.locator("[data-lab-stop]").click();
        assertThat(admin.locator("[data-lab-state]")).hasAttribute("data-lab-state", "stopped");
        Locator tcp = learner.locator(".terminal[data-probe=tcp]").first();
        tcp.getByRole(
                        AriaRole.BUTTON,
                        new Locator.GetByRoleOptions().setName("Run").setExact(true))
                .click();
        assertThat(tcp).containsText("lab not running");
    }

    @Test
    @Order(7)
    void theBoardShowsProgressByTrackAlsoAfterARestart() throws Exception {
        Page lead = Browsers.signedInPage(browser, app.base(), LEAD);
        lead.navigate(app.base() + "/progress");
        assertBoard(lead);
        lead.context().close();

        learner.context().close();
        admin.context().close();
        app.close();
        app = startApp();
        Page again = Browsers.signedInPage(browser, app.base(), LEAD);
        again.navigate(app.base() + "/progress");
        assertBoard(again);
        again.screenshot(new Page.ScreenshotOptions()
                .setPath(Path.of("target/screenshots/progress-board.png"))
                .setFullPage(true));

        Page operator = Browsers.signedInPage(browser, app.base(), LEARNER);
        operator.navigate(app.base() + "/progress");
        assertThat(operator.locator("[data-track]")).hasCount(0);
        operator.context().close();
    }

    private static void assertBoard(Page board) {
        Locator track = board.locator("[data-track='track-first-week.en']");
        Locator row = track.locator("[data-person=learner]");
        assertThat(row.locator("[data-item='network-connectivity.en']")).hasAttribute("data-state", "completed");
        assertThat(row.locator("[data-item='network-connectivity.en']")).containsText("1 skipped");
        assertThat(row.locator("[data-item='drill-new-api-port.en']")).hasAttribute("data-state", "completed");
        assertThat(row.locator("[data-item='drill-new-api-port.en']")).containsText("attempts: 3");
        assertThat(row.locator("[data-item='drill-partner-hangs.en']")).hasAttribute("data-state", "started");
        assertThat(row.locator("[data-item='drill-fails-now-and-then.en']")).hasAttribute("data-state", "not-started");
    }
}

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
import com.sun.net.httpserver.HttpServer;
import dev.probebook.testing.Browsers;
import dev.probebook.testing.PackagedApp;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * End to end in Debian's Chromium against the packaged app ({@code target/probebook.jar}) on a free
 * loopback port with a temporary runbooks folder. Every target is a loopback peer this test opens.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NotebookBrowserIT {

    private static final Path JAR = Path.of("target/probebook.jar");

    private static Path runbooks;
    static final PackagedApp.User ADMIN = new PackagedApp.User("it-admin", "it-admin-password", "admin");
    private static PackagedApp app;
    private static Path hostsFile;
    private static String base;
    private static ServerSocket listener;
    private static Thread acceptor;
    /** Counts connections: how the tests see, from outside the app, whether a repeating probe still runs. */
    private static ServerSocket counted;

    private static final AtomicInteger countedConnections = new AtomicInteger();
    private static HttpServer web;
    private static int closedPort;
    private static Playwright playwright;
    private static Browser browser;
    private static Page page;

    @BeforeAll
    static void start() throws Exception {
        runbooks = Files.createTempDirectory("probebook-it-runbooks");
        Files.writeString(runbooks.resolve("loopback.md"), """
                ---
                title: Loopback checks
                tags: [test, loopback]
                date: 2026-11-25
                toc: true
                toc_sticky: true
                ---
                # Loopback checks

                Set **host** and **port** first.
                <script>document.title = 'pwned'; window.pwned = 1;</script>
                <img src="x" onerror="window.pwned = 2; document.title = 'pwned'">
                <a href="javascript:window.pwned=3">click</a>

                ## Is the port open?

                ```
                nc -zv {{host}} {{port}}
                ```

                <mark>Connection refused</mark>

                ```text
                nc: connect to 10.0.0.5 port 443 (tcp) failed: Connection refused
                ```

                ## Does the web server answer?

                ```
                curl -s -o /dev/null -w "%{http_code}" http://{{host}}:{{port}}/
                ```
                """, StandardCharsets.UTF_8);
        Files.writeString(runbooks.resolve("choices.md"), """
                # Choices

                ## Is the port open?

                ```
                nc -zv {{host}} {{port}}
                ```

                ## Does the web server answer?

                ```
                curl -s -o /dev/null -w "%{http_code}" http://{{host}}:{{port}}/
                ```

                ## What is our public address?

                ```
                curl ifconfig.me
                ```

                ## Is it still open?

                ```
                telnet {{host}} {{port}}
                ```

                ## A typo

                ```
                tcpnig {{host}} {{port}}
                ```
                """, StandardCharsets.UTF_8);
        Files.writeString(runbooks.resolve("long.md"), """
                ---
                title: Long ping
                ---
                # Long ping

                ```
                ping -c 100 -i 0.5 127.0.0.1
                ```
                """, StandardCharsets.UTF_8);

        StringBuilder many = new StringBuilder("# Many checks\n\n");
        for (int i = 1; i <= MANY_STEPS; i++) {
            many.append("## Check ").append(i).append("\n\nIs the port still open?\n\n");
            many.append("```\nnc -zv {{host}} {{port}}\n```\n\n<mark>Refused</mark>\n\n");
            many.append("```text\nnc: connect to 10.0.0.5 port 443 (tcp) failed: Connection refused\n```\n\n");
        }
        Files.writeString(runbooks.resolve("many.md"), many.toString(), StandardCharsets.UTF_8);
        Files.writeString(runbooks.resolve("nested.md"), """
                # Nested

                1. Is the port open?

                   ```
                   nc -zv 127.0.0.1 9
                   ```

                > Quoted step:
                >
                > ```
                > nc -zv 127.0.0.1 9
                > ```
                """, StandardCharsets.UTF_8);
        Files.writeString(runbooks.resolve("hostile.md"), """
                ---
                title: "<img src=x onerror=window.pwned=10>Hostile <script>window.pwned=11</script>"
                tags: ["<svg onload=window.pwned=12>"]
                ---
                # Hostile <img src=x onerror="window.pwned=13">

                <svg onload="window.pwned=14"><circle r="1"/></svg>
                <svg><script>window.pwned=15</script></svg>
                <iframe src="javascript:window.top.pwned=16"></iframe>
                <a href="JaVaScRiPt:window.pwned=17">mixed case</a>
                <a href=" javascript:window.pwned=18">leading space</a>
                <object data="data:text/html,<script>window.top.pwned=19</script>"></object>
                <math><mtext><table><mglyph><style><img src=x onerror=window.pwned=20></style></mglyph></table></mtext></math>
                <div style="background:url(javascript:window.pwned=21)" onmouseover="window.pwned=22">hover</div>
                [md link](javascript:window.pwned=23)
                ![md image](x" onerror="window.pwned=24)

                ```<img src=x onerror=window.pwned=25>
                nc -zv 127.0.0.1 9
                ```

                ```"><script>window.pwned=26</script>
                output <script>window.pwned=27</script>
                ```
                """, StandardCharsets.UTF_8);
        Files.copy(Path.of("runbooks/network-connectivity.ko.md"), runbooks.resolve("network-connectivity.ko.md"));

        InetAddress lo = InetAddress.getLoopbackAddress();
        listener = new ServerSocket(0, 50, lo);
        acceptor = Thread.ofVirtual().start(() -> {
            while (!listener.isClosed()) {
                try (Socket s = listener.accept()) {
                    s.getInputStream().available();
                } catch (IOException e) {
                    return;
                }
            }
        });
        counted = new ServerSocket(0, 50, lo);
        Thread.ofVirtual().start(() -> {
            while (!counted.isClosed()) {
                try (Socket s = counted.accept()) {
                    countedConnections.incrementAndGet();
                } catch (IOException e) {
                    return;
                }
            }
        });
        try (ServerSocket s = new ServerSocket(0, 1, lo)) {
            closedPort = s.getLocalPort();
        }
        web = HttpServer.create(new InetSocketAddress(lo, 0), 0);
        web.createContext("/", ex -> {
            byte[] body = "hello".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        web.start();

        hostsFile = Files.createTempFile("probebook-it-hosts", "");
        Files.writeString(hostsFile, "127.0.0.1 localhost\n");
        app = PackagedApp.start(
                "notebook-it-app",
                List.of(ADMIN),
                "--probebook.runbooks-dir=" + runbooks,
                "--probebook.hosts-file=" + hostsFile,
                // the public-IP step must never leave the machine, even if a test ran it
                "--probebook.public-ip.url=http://127.0.0.1:" + closedPort + "/",
                // Run all over a long runbook starts 50 runs at once; the runs-per-minute limit has its own test
                "--probebook.limits.per-user-runs-per-minute=1000",
                "--probebook.data-dir=" + Files.createTempDirectory("probebook-it-data"));
        base = app.base();

        playwright = Playwright.create();
        browser = Browsers.chromium(playwright);
        page = signedIn(browser.newContext(new Browser.NewContextOptions()
                        .setViewportSize(1280, 900)
                        .setLocale("en-US"))
                .newPage());
        page.setDefaultTimeout(20_000);
        Files.createDirectories(Path.of("target/screenshots"));
    }

    static Page signedIn(Page p) {
        return Browsers.signIn(p, base, ADMIN);
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
        if (app != null) {
            app.close();
        }
        if (web != null) {
            web.stop(0);
        }
        if (listener != null) {
            listener.close();
        }
        if (counted != null) {
            counted.close();
        }
    }

    private static Locator step(String probe) {
        return page.locator(".terminal[data-probe=" + probe + "]").first();
    }

    private static Locator verdict(Locator step) {
        return step.locator("[data-verdict]");
    }

    private static void setVariable(String name, String value) {
        Locator input = page.locator("[data-variable=" + name + "] input");
        input.fill(value);
        input.press("Enter");
    }

    private static void runAndWait(Locator step, String expectedVerdict) {
        step.getByRole(
                        AriaRole.BUTTON,
                        new Locator.GetByRoleOptions().setName("Run").setExact(true))
                .click();
        assertThat(verdict(step))
                .hasAttribute(
                        "data-verdict",
                        expectedVerdict,
                        new LocatorAssertions.HasAttributeOptions().setTimeout(20_000));
    }

    @Test
    @Order(1)
    void libraryListsRunbooksAndSearchFilters() throws Exception {
        page.navigate(base + "/");
        Locator cards = page.locator(".runbook-card");
        assertThat(cards).hasCount(7);
        assertThat(page.locator("[data-runbook=loopback]")).containsText("Loopback checks");
        assertThat(page.locator("[data-runbook=loopback]")).containsText("2 runnable steps");
        assertThat(page.locator("[data-runbook=loopback]")).containsText("2026-11-25");
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/library.png")));
        page.locator("[data-search] input").fill("long");
        assertThat(cards).hasCount(1);
        page.locator("[data-search] input").fill("");
        assertThat(cards).hasCount(7);
        page.locator("[data-runbook=loopback] a").click();
        page.waitForURL(Pattern.compile(".*/runbook/loopback.*"));
        assertThat(page.locator(".terminal[data-step]")).hasCount(2);
    }

    @Test
    @Order(2)
    void tcpStepIsOkAgainstAListenerAndFailsRefusedOnAClosedPort() {
        page.navigate(base + "/runbook/loopback");
        setVariable("host", "127.0.0.1");
        setVariable("port", String.valueOf(listener.getLocalPort()));
        // replaceState is not a navigation: poll the URL instead of waiting for one
        assertThat(page).hasURL(Pattern.compile(".*host=127\\.0\\.0\\.1.*port=" + listener.getLocalPort() + ".*"));
        Locator tcp = step("tcp");
        runAndWait(tcp, "ok");
        assertThat(tcp.locator("[data-output]")).containsText("succeeded");

        setVariable("port", String.valueOf(closedPort));
        runAndWait(tcp, "fail");
        assertThat(tcp.locator("[data-output]")).containsText(Pattern.compile("refused", Pattern.CASE_INSENSITIVE));
        assertThat(tcp.locator(".looks-like")).containsText("looks like: Connection refused");
    }

    @Test
    @Order(3)
    void httpStepIsOkAgainstALoopbackServerAndShowsTimings() throws Exception {
        page.navigate(base + "/runbook/loopback?host=127.0.0.1&port="
                + web.getAddress().getPort());
        assertThat(page.locator("[data-variable=port] input"))
                .hasValue(String.valueOf(web.getAddress().getPort()));
        Locator http = step("http");
        runAndWait(http, "ok");
        assertThat(http.locator("[data-output]")).containsText("200");
        assertThat(http.locator("[data-details=http] .timing-bar")).isVisible();
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(Path.of("target/screenshots/runbook.png"))
                .setFullPage(true));
    }

    @Test
    @Order(4)
    void runAllEndsInASummaryWithLinksToEachStep() {
        page.navigate(base + "/runbook/loopback?host=127.0.0.1&port="
                + web.getAddress().getPort());
        clickRunAll(page);
        Locator summary = page.locator("[data-summary]");
        assertThat(summary).hasAttribute("data-summary", "2");
        assertThat(summary.locator("a[href='#step-" + stepLine("tcp") + "']")).hasCount(1);
        assertThat(summary.locator(".verdict-ok")).hasCount(2);
        assertThat(page.locator("[data-progress]")).hasText("2 of 2");
    }

    @Test
    @Order(4)
    void runAllRunsTheTickedStepsLeavesTheInternetOutAndNamesStepsByHeading() {
        int port = web.getAddress().getPort();
        page.navigate(base + "/runbook/choices?host=127.0.0.1&port=" + port);
        Locator internet = page.locator(".terminal[data-probe=public-ip]");
        assertThat(internet.locator("[data-internet]")).isVisible();
        assertThat(internet.locator("input[data-include]")).not().isChecked();
        Locator telnet = page.locator(".terminal[data-probe=tcp]").nth(1);
        telnet.locator("input[data-include]").uncheck();
        clickRunAll(page);
        Locator summary = page.locator("[data-summary]");
        assertThat(summary).hasAttribute("data-summary", "2");
        assertThat(summary.locator("tr[data-summary-step]").first()).containsText("Is the port open?");
        assertThat(summary.locator("tr[data-summary-step]").first()).containsText("nc -zv 127.0.0.1 " + port);
        assertThat(summary.locator("tr[data-summary-step]").nth(1)).containsText("Does the web server answer?");
        assertThat(page.locator("[data-run-all-limit]")).containsText("2 step(s) left out by choice");
        assertThat(internet.locator("[data-verdict]")).hasCount(0);
        assertThat(telnet.locator("[data-verdict]")).hasCount(0);
    }

    /** Run all has the accessible name "Run all" in every UI language. */
    private static void clickRunAll(Page p) {
        p.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Run all").setExact(true))
                .click();
    }

    private static String stepLine(String probe) {
        return step(probe).getAttribute("data-step");
    }

    @Test
    @Order(5)
    void stopEndsALongPingWithItsStatistics() {
        page.navigate(base + "/runbook/long");
        Locator ping = step("ping");
        ping.getByRole(
                        AriaRole.BUTTON,
                        new Locator.GetByRoleOptions().setName("Run").setExact(true))
                .click();
        assertThat(ping.locator("[data-output]")).containsText("icmp_seq=2");
        ping.getByRole(
                        AriaRole.BUTTON,
                        new Locator.GetByRoleOptions().setName("Stop").setExact(true))
                .click();
        assertThat(verdict(ping)).hasAttribute("data-verdict", Pattern.compile("ok|warn|skipped|fail"));
        assertThat(ping.locator("[data-output]")).containsText("ping statistics");
        assertThat(ping.locator(".summary")).containsText("stopped");
    }

    @Test
    @Order(6)
    void noPayloadInAHostileRunbookExecutes() {
        List<String> dialogs = new ArrayList<>();
        page.onDialog(d -> {
            dialogs.add(d.message());
            d.dismiss();
        });
        page.navigate(base + "/");
        assertThat(page.locator("[data-runbook=hostile]")).containsText("Hostile");
        page.navigate(base + "/runbook/hostile");
        assertThat(page.locator(".terminal[data-probe=tcp]").first()).isVisible();
        page.locator("text=hover").first().hover();
        page.waitForTimeout(500);
        assertThat(page.evaluate("() => window.pwned === undefined")).isEqualTo(true);
        assertThat(dialogs).isEmpty();
        assertThat(page.locator(
                        "main script, main iframe, main object, main svg [onload], main [onerror], main [onmouseover],"
                                + " main a[href^='javascript' i], main a[href*='javascript:' i]"))
                .hasCount(0);
        // the front matter title is text: shown literally, never parsed as markup
        assertThat(page.title()).startsWith("<img src=x onerror=window.pwned=10>Hostile");
        assertThat(page.locator("img[src=x]")).hasCount(0);
    }

    @Test
    @Order(6)
    void scriptsInTheRunbookDoNotRun() {
        page.navigate(base + "/runbook/loopback");
        assertThat(page.locator(".prose").first()).containsText("Set host and port first.");
        page.waitForTimeout(300);
        assertThat(page.title()).isEqualTo("Loopback checks · Probebook");
        assertThat(page.evaluate("() => window.pwned === undefined")).isEqualTo(true);
        assertThat(page.locator(".prose script, .prose [onerror], .prose a[href^='javascript']"))
                .hasCount(0);
    }

    @Test
    @Order(7)
    void freeTerminalRunsATypedCommandWithHistory() {
        page.navigate(base + "/terminal");
        Locator term = page.locator(".terminal");
        Locator input = term.locator(".prompt input");
        input.fill("nc -zv 127.0.0.1 " + listener.getLocalPort());
        input.press("Enter");
        assertThat(verdict(term)).hasAttribute("data-verdict", "ok");
        assertThat(term).hasAttribute("data-probe", "tcp");
        input.fill("");
        input.press("ArrowUp");
        assertThat(input).hasValue("nc -zv 127.0.0.1 " + listener.getLocalPort());

        // the earlier run stays above the prompt as scrollback, also after a reload
        input.fill("nc -zv 127.0.0.1 " + closedPort);
        input.press("Enter");
        assertThat(verdict(term)).hasAttribute("data-verdict", "fail");
        Locator earlier = term.locator("[data-scrollback] .scrollback-entry");
        assertThat(earlier).hasCount(1);
        assertThat(earlier).containsText("$ nc -zv 127.0.0.1 " + listener.getLocalPort());
        assertThat(earlier).containsText("succeeded");
        page.reload(); // a new page of the same session: both runs are scrollback now
        assertThat(earlier).hasCount(2);
        assertThat(earlier.nth(1)).containsText("$ nc -zv 127.0.0.1 " + closedPort);
        assertThat(earlier.nth(1).locator("[data-earlier-verdict]")).hasAttribute("data-earlier-verdict", "fail");
    }

    @Test
    @Order(7)
    void anAdminAppliesAHostsLineAfterSeeingTheExactPreview() throws Exception {
        page.navigate(base + "/terminal");
        Locator term = page.locator(".terminal");
        Locator input = term.locator(".prompt input");
        input.fill("echo \"10.9.9.9 apply.example.test\" >> /etc/hosts");
        input.press("Enter");
        assertThat(verdict(term)).hasAttribute("data-verdict", "skipped");
        assertThat(Files.readString(hostsFile)).doesNotContain("apply.example.test"); // the run itself is a dry run
        term.locator("[data-hosts-apply] ").click();
        assertThat(page.getByText("+ 10.9.9.9 apply.example.test", new Page.GetByTextOptions().setExact(true)))
                .isVisible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Write hosts file"))
                .click();
        assertThat(term.locator("[data-hosts-result=ok]")).containsText("Backup:");
        assertThat(Files.readString(hostsFile)).isEqualTo("127.0.0.1 localhost\n10.9.9.9 apply.example.test\n");
    }

    @Test
    @Order(7)
    void aCaptureWrittenWithDashWIsOfferedForDownload() throws Exception {
        Assumptions.assumeTrue(
                "root".equals(System.getProperty("user.name")), "packet capture needs root or CAP_NET_RAW");
        page.navigate(base + "/terminal");
        Locator term = page.locator(".terminal");
        Locator input = term.locator(".prompt input");
        input.fill("tcpdump -i lo -c 2 -w /etc/passwd tcp port " + listener.getLocalPort());
        input.press("Enter");
        // make the packets the capture waits for, until it has them
        waitUntil(
                () -> {
                    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort())) {
                        return verdict(term).count() > 0 && verdict(term).getAttribute("data-verdict") != null;
                    } catch (IOException e) {
                        return false;
                    }
                },
                Duration.ofSeconds(20),
                "the capture never ended");
        Locator link = term.locator("[data-capture-download] a, a[data-capture-download]")
                .first();
        assertThat(link).containsText(".pcap");
        Download download = page.waitForDownload(link::click);
        byte[] pcap = Files.readAllBytes(download.path());
        assertThat(pcap.length).isGreaterThan(24);
        assertThat(HexFormat.of().formatHex(pcap, 0, 4)).isIn("d4c3b2a1", "a1b2c3d4", "4d3cb2a1", "a1b23c4d");
        assertThat(Files.readString(Path.of("/etc/passwd")))
                .as("-w never writes where the user says")
                .startsWith("root:");
    }

    @Test
    @Order(8)
    void theKoreanSeedRunbookRendersWithWidgetsExamplesAndVariables() {
        long t0 = System.nanoTime();
        page.navigate(base + "/runbook/network-connectivity.ko");
        assertThat(page.locator(".terminal[data-step]").first()).isVisible();
        long loadMs = (System.nanoTime() - t0) / 1_000_000;
        System.out.println("seed runbook page load: " + loadMs + " ms");
        assertThat(page.locator(".terminal[data-step]").count()).isGreaterThan(10);
        assertThat(page.locator("[data-variable=host]")).hasCount(1);
        assertThat(page.locator("details.example").count()).isGreaterThan(3);
        assertThat(page.locator(".terminal[data-probe=install]").first()).containsText("built in");
        // Vaadin's client started without waiting for its 50 ms ready-state tick: ClientStartUp's wrapper found that
        // interval and took itself out (after a Vaadin upgrade that changes the start-up code it would stay)
        assertThat(page.evaluate("() => window.probebookClientStartUp")).isEqualTo("asked at once");
        assertThat(page.evaluate("() => String(window.setInterval).includes('[native code]')"))
                .isEqualTo(true);
    }

    /**
     * Starts {@code tcping -t} (a connect every 0.2 s, for up to the run's time limit) against the counting
     * listener in a fresh page of its own and waits until its connections arrive. The count is the
     * observation from outside the app: no endpoint or hook in the app is needed to see whether the probe
     * still runs.
     */
    private static Page pageRunningARepeatingProbe() {
        Page own = signedIn(browser.newContext(new Browser.NewContextOptions().setLocale("en-US"))
                .newPage());
        own.setDefaultTimeout(20_000);
        own.navigate(base + "/terminal");
        Locator input = own.locator(".terminal .prompt input");
        input.fill("tcping -t -i 0.2 127.0.0.1 " + counted.getLocalPort());
        input.press("Enter");
        int before = countedConnections.get();
        waitUntil(() -> countedConnections.get() >= before + 3, Duration.ofSeconds(10), "tcping never connected");
        return own;
    }

    /** True once no connection arrived for 1.5 s (over 7 intervals of the probe); fails after 10 s. */
    private static void assertConnectionsStop() {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < end) {
            int seen = countedConnections.get();
            sleep(1500);
            if (countedConnections.get() == seen) {
                return;
            }
        }
        throw new AssertionError(
                "the probe kept connecting after its page went away (" + countedConnections.get() + " connections)");
    }

    private static void waitUntil(BooleanSupplier condition, Duration max, String failure) {
        long end = System.nanoTime() + max.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError(failure);
            }
            sleep(50);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Test
    @Order(9)
    void closingTheTabStopsItsRunningProbe() {
        Page own = pageRunningARepeatingProbe();
        own.close();
        assertConnectionsStop();
    }

    @Test
    @Order(10)
    void navigatingAwayStopsThePagesRunningProbe() {
        Page own = pageRunningARepeatingProbe();
        own.navigate(base + "/");
        assertThat(own.locator(".runbook-card").first()).isVisible();
        assertConnectionsStop();
        own.context().close();
    }

    @Test
    @Order(11)
    void escapeInThePromptStopsARunningPing() {
        page.navigate(base + "/runbook/long");
        Locator ping = step("ping");
        Locator input = ping.locator(".prompt input");
        input.press("Enter");
        assertThat(ping.locator("[data-output]")).containsText("icmp_seq=2");
        input.press("Escape");
        assertThat(verdict(ping)).hasAttribute("data-verdict", Pattern.compile("ok|warn|skipped|fail"));
        assertThat(ping.locator("[data-output]")).containsText("ping statistics");
        assertThat(ping.locator(".summary")).containsText("stopped");
    }

    @Test
    @Order(12)
    void listeningSocketsAreAFilterableTable() {
        page.navigate(base + "/terminal");
        Locator term = page.locator(".terminal");
        Locator input = term.locator(".prompt input");
        input.fill("ss -ltn");
        input.press("Enter");
        assertThat(verdict(term)).hasAttribute("data-verdict", Pattern.compile("ok|warn"));
        Locator rows = term.locator("[data-details=sockets] tr:not([hidden])");
        assertThat(term.locator("[data-details=sockets]")).containsText(String.valueOf(listener.getLocalPort()));
        term.locator("[data-details=sockets] [data-filter] input").fill("127.0.0.1 " + listener.getLocalPort());
        assertThat(rows).hasCount(2); // header and the listener's row
        assertThat(rows.nth(1)).containsText(String.valueOf(listener.getLocalPort()));
    }

    @Test
    @Order(13)
    void codeBlocksNestedInAListOrAQuoteAreStepsInPlace() {
        page.navigate(base + "/runbook/nested");
        assertThat(page.locator(".prose ol > li .terminal[data-probe=tcp]")).hasCount(1);
        assertThat(page.locator(".prose blockquote .terminal[data-probe=tcp]")).hasCount(1);
        assertThat(page.locator(".prose ol > li")).containsText("Is the port open?");
    }

    private static final int MANY_STEPS = 120;

    @Test
    @Order(14)
    void aLongRunbookArrivesInPartsBuildsFarStepsWhenReachedAndRunAllReachesThem() {
        page.navigate(base + "/runbook/many?host=127.0.0.1&port=" + listener.getLocalPort());
        Locator steps = page.locator(".terminal[data-step]");
        // the rest of the runbook follows the first screen in parts
        assertThat(steps).hasCount(MANY_STEPS);
        assertThat(steps.first().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Run")))
                .isVisible();
        assertThat(page.locator(".terminal[data-lazy]").count()).isGreaterThan(MANY_STEPS / 2);

        // a far step shows its command until it is scrolled to, then builds itself and runs
        Locator last = steps.last();
        assertThat(last).hasAttribute("data-lazy", "");
        assertThat(last).containsText("nc -zv {{host}} {{port}}");
        last.scrollIntoViewIfNeeded();
        assertThat(last).not().hasAttribute("data-lazy", "");
        runAndWait(last, "ok");

        // Run all builds the steps it reaches (the app's default limit: 50 steps)
        page.navigate(base + "/runbook/many?host=127.0.0.1&port=" + listener.getLocalPort());
        Locator fortieth = steps.nth(39);
        assertThat(fortieth).hasAttribute("data-lazy", "");
        clickRunAll(page);
        assertThat(page.locator("[data-summary]"))
                .hasAttribute("data-summary", "50", new LocatorAssertions.HasAttributeOptions().setTimeout(60_000));
        assertThat(verdict(fortieth)).hasAttribute("data-verdict", "ok");
        assertThat(page.locator("[data-summary] .verdict-ok")).hasCount(50);
    }

    @Test
    @Order(15)
    void aVariableIsCheckedAsItIsTypedWithTheProblemAtTheField() {
        page.navigate(base + "/runbook/loopback");
        Locator port = page.locator("[data-variable=port]");
        port.locator("input").fill("99999");
        assertThat(port.locator("[data-variable-problem]")).containsText("is not a port");
        assertThat(port.locator("input")).hasAttribute("aria-invalid", "true");
        port.locator("input").fill(String.valueOf(listener.getLocalPort()));
        assertThat(port.locator("[data-variable-problem]")).isHidden();
        assertThat(port.locator("input")).not().hasAttribute("aria-invalid", "true");
    }

    @Test
    @Order(16)
    void linksWithinThePageStayOnItAndADeepLinkScrollsToItsSection() {
        String port = String.valueOf(listener.getLocalPort());
        page.navigate(base + "/runbook/loopback?host=127.0.0.1&port=" + port);
        Locator tocLink = page.locator(".toc a", new Page.LocatorOptions().setHasText("Does the web server answer?"));
        tocLink.click();
        assertThat(page).hasURL(Pattern.compile(".*/runbook/loopback\\?host=127\\.0\\.0\\.1&port=" + port + "#.+"));
        assertThat(page.locator("[data-variable=port] input")).hasValue(port);
        assertThat(page.getByRole(
                        AriaRole.HEADING,
                        new Page.GetByRoleOptions()
                                .setName("Does the web server answer?")
                                .setExact(true)))
                .isInViewport();

        page.navigate(base + "/runbook/many?host=127.0.0.1&port=" + port);
        Locator check100 = page.getByRole(
                AriaRole.HEADING,
                new Page.GetByRoleOptions().setName("Check 100").setExact(true));
        String id = check100.getAttribute("id");
        page.navigate(base + "/runbook/loopback");
        page.navigate(base + "/runbook/many?host=127.0.0.1&port=" + port + "#" + id);
        assertThat(check100).isInViewport();
        assertThat(page.locator("[data-variable=port] input")).hasValue(port);
    }

    @Test
    @Order(17)
    void atPhoneWidthNothingOverflowsSidewaysAndTheHeaderStaysReachable() {
        Page phone = signedIn(browser.newContext(new Browser.NewContextOptions()
                        .setViewportSize(390, 844)
                        .setLocale("ko-KR"))
                .newPage());
        phone.setDefaultTimeout(20_000);
        String port = String.valueOf(listener.getLocalPort());
        for (String path : List.of(
                "/runbook/network-connectivity.ko?host=127.0.0.1&port=" + port,
                "/runbook/loopback?host=127.0.0.1&port=" + port,
                "/",
                "/terminal",
                "/audit")) {
            phone.navigate(base + path);
            phone.locator("main").first().waitFor();
            if (path.startsWith("/runbook/loopback")) {
                Locator tcp = phone.locator(".terminal[data-probe=tcp]").first();
                runAndWait(tcp, "ok");
                // Korean all the way: the summary, the page's language
                assertThat(tcp.locator(".summary")).hasText(Pattern.compile(".*[가-힣].*"));
                assertThat(phone.locator("html")).hasAttribute("lang", "ko");
                clickRunAll(phone);
                assertThat(phone.locator("[data-summary]")).hasAttribute("data-summary", "2");
            }
            if (path.equals("/audit")) { // one row per run, named by the step's heading and linked to it
                assertThat(phone.locator("[data-audit-row=run] a")
                                .filter(new Locator.FilterOptions().setHasText("Is the port open?"))
                                .first())
                        .hasAttribute("href", Pattern.compile("runbook/loopback#step-\\d+"));
            }
            String name = path.equals("/")
                    ? "library"
                    : path.replaceAll("[^a-z]+", "-").replaceAll("^-|-$", "");
            phone.screenshot(new Page.ScreenshotOptions()
                    .setPath(Path.of("target/screenshots/phone-" + name + ".png"))
                    .setFullPage(true));
            Object overflow = phone.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
            org.assertj.core.api.Assertions.assertThat(((Number) overflow).intValue())
                    .as("sideways overflow on " + path)
                    .isLessThanOrEqualTo(0);
            assertThat(phone.locator("[data-sign-out]")).isInViewport();
            assertThat(phone.locator("[data-language-switch]")).isInViewport();
        }
        phone.context().close();
    }

    @Test
    @Order(18)
    void anEditedCommandKeepsTheVariablesAndAMisspeltOneSuggestsTheCommandMeant() {
        int port = web.getAddress().getPort();
        page.navigate(base + "/runbook/choices?host=127.0.0.1&port=" + port);
        Locator http = page.locator(".terminal[data-probe=http]").first();
        http.locator(".prompt input").fill("curl -sI http://{{host}}:{{port}}/");
        runAndWait(http, "ok");
        assertThat(http.locator("[data-runs-as]"))
                .hasAttribute("data-runs-as", "curl -sI http://127.0.0.1:" + port + "/");
        Locator typo = page.locator(".terminal", new Page.LocatorOptions().setHasText("tcpnig"));
        assertThat(typo.locator("[data-not-run]")).containsText("did you mean 'tcping'?");
        assertThat(typo.locator("[data-copy]")).isVisible();
        assertThat(page.locator("[data-not-run-count]")).hasAttribute("data-not-run-count", "1");
    }

    @Test
    @Order(19)
    void aTelnetThatConnectsOnTheKoreanPageNeverLooksLikeTheRefusedExample() {
        page.navigate(base + "/runbook/network-connectivity.ko?host=127.0.0.1&port=" + listener.getLocalPort());
        Locator telnet = page.locator(".terminal[data-probe=tcp]", new Page.LocatorOptions().setHasText("telnet"))
                .first();
        runAndWait(telnet, "ok");
        assertThat(telnet.locator(".looks-like")).not().containsText("거부");
    }

    @AfterAll
    static void publishScreenshots() throws IOException {
        Browsers.publishScreenshots("library.png", "runbook.png");
    }
}

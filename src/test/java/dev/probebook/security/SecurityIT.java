package dev.probebook.security;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import dev.probebook.testing.Browsers;
import dev.probebook.testing.LoopbackServers;
import dev.probebook.testing.PackagedApp;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged app in team mode, seen from outside as an attacker or a user with too small a role would
 * see it: every route needs a sign-in, each role is refused what it may not do on the server (the HTTP
 * API calls the same gate as the pages), denied targets are refused, and the audit log records it all and
 * survives a restart. Every target is a loopback peer this test opens.
 */
class SecurityIT {

    static final PackagedApp.User VIEWER = new PackagedApp.User("vera", "viewer-password", "viewer");
    static final PackagedApp.User OPERATOR = new PackagedApp.User("otto", "operator-password", "operator");
    static final PackagedApp.User BUSY = new PackagedApp.User("bea", "busy-operator-password", "operator");
    static final PackagedApp.User ADMIN = new PackagedApp.User("ada", "admin-password", "admin");
    static final PackagedApp.User GUEST = new PackagedApp.User("gus", "guest-password", "viewer");
    static final List<PackagedApp.User> USERS = List.of(VIEWER, OPERATOR, BUSY, ADMIN, GUEST);

    private static Path runbooks;
    private static Path data;
    private static PackagedApp app;
    private static LoopbackServers.Open listener;
    private static final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    @BeforeAll
    static void start() throws Exception {
        runbooks = Files.createTempDirectory("probebook-sec-runbooks");
        data = Files.createTempDirectory("probebook-sec-data");
        Files.writeString(
                runbooks.resolve("loopback.md"),
                "# Loopback\n\n```\nnc -zv 127.0.0.1 9\n```\n",
                StandardCharsets.UTF_8);
        Files.writeString(
                Files.createTempDirectory("outside").resolve("secret.md"), "# Secret\n", StandardCharsets.UTF_8);
        listener = new LoopbackServers.Open(null);
        app = startApp();
    }

    private static PackagedApp startApp() throws Exception {
        return PackagedApp.start(
                "security-it-app",
                USERS,
                "--probebook.runbooks-dir=" + runbooks,
                "--probebook.data-dir=" + data,
                "--probebook.limits.per-user-runs-per-minute=5");
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.close();
        }
        if (listener != null) {
            listener.close();
        }
    }

    private static HttpResponse<String> get(String path, String auth) throws Exception {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(app.base() + path)).timeout(Duration.ofSeconds(30));
        if (auth != null) {
            b.header("Authorization", auth);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> run(PackagedApp.User user, String command) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(app.base() + "/api/run"))
                .timeout(Duration.ofSeconds(90))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"command\": \"" + command.replace("\"", "\\\"") + "\"}"));
        if (user != null) {
            b.header("Authorization", user.basic());
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void everyPageSendsAnAnonymousVisitorToTheSignInPage() throws Exception {
        assertThat(get("/runbook/..", null).statusCode())
                .as("a path that leaves its folder is refused outright")
                .isEqualTo(400);
        for (String path :
                List.of("/", "/runbook/loopback", "/terminal", "/audit", "/edit/loopback", "/runbook/secret")) {
            HttpResponse<String> r = get(path, null);
            assertThat(r.statusCode()).as(path).isIn(302, 303);
            assertThat(r.headers().firstValue("Location").orElse("")).as(path).endsWith("/login");
        }
        assertThat(get("/login", null).statusCode()).isEqualTo(200);
        assertThat(get("/notebook.css", null).statusCode())
                .as("the stylesheet, for the sign-in page")
                .isEqualTo(200);
        assertThat(get("/runbook/..%2F..%2Fetc%2Fpasswd", OPERATOR.basic()).statusCode())
                .as("encoded slashes")
                .isEqualTo(400);
    }

    @Test
    void theApiNeedsCredentialsAndRefusesWrongOnes() throws Exception {
        assertThat(run(null, "nc -zv 127.0.0.1 " + listener.port()).statusCode())
                .isEqualTo(401);
        PackagedApp.User wrong = new PackagedApp.User(OPERATOR.name(), "not-the-password", "operator");
        assertThat(run(wrong, "nc -zv 127.0.0.1 " + listener.port()).statusCode())
                .isEqualTo(401);
        assertThat(get("/api/audit", null).statusCode()).isEqualTo(401);
    }

    @Test
    void apiMistakesAreAnsweredAsSuchNotAsRedirectsOrForbidden() throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(app.base() + "/api/run"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", OPERATOR.basic());
        assertThat(http.send(
                                b.copy()
                                        .header("Content-Type", "application/json")
                                        .POST(HttpRequest.BodyPublishers.ofString("{nope"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .as("malformed JSON")
                .isEqualTo(400);
        assertThat(http.send(
                                b.copy()
                                        .header("Content-Type", "application/x-www-form-urlencoded")
                                        .POST(HttpRequest.BodyPublishers.ofString("command=x"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .as("form body")
                .isEqualTo(415);
        assertThat(http.send(b.copy().GET().build(), HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .as("GET")
                .isEqualTo(405);
        assertThat(run(OPERATOR, "nc -zv 127.0.0.1 99999").statusCode()).isEqualTo(400);
    }

    @Test
    void aSignInPostFromAnotherSiteIsRefused() throws Exception {
        HttpRequest forged = HttpRequest.newBuilder(URI.create(app.base() + "/login"))
                .timeout(Duration.ofSeconds(30))
                .header("Origin", "https://evil.example")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=vera&password=" + VIEWER.password()))
                .build();
        HttpResponse<String> r = http.send(forged, HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID="));
    }

    @Test
    void aViewerMayNotRunProbes() throws Exception {
        HttpResponse<String> r = run(VIEWER, "nc -zv 127.0.0.1 " + listener.port());
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("needs role operator");
    }

    @Test
    void anOperatorRunsProbesButMayNotCaptureOrReadTheAudit() throws Exception {
        HttpResponse<String> ok = run(OPERATOR, "nc -zv 127.0.0.1 " + listener.port());
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        assertThat(ok.body()).contains("\"verdict\":\"ok\"").contains("succeeded");

        HttpResponse<String> capture = run(OPERATOR, "tcpdump -i lo -c 1 tcp port 9");
        assertThat(capture.statusCode()).isEqualTo(403);
        assertThat(capture.body()).contains("may not capture packets").contains("needs role admin");

        assertThat(get("/api/audit", OPERATOR.basic()).statusCode()).isEqualTo(403);
    }

    @Test
    void aFloodOfWrongPasswordsForOneAccountLocksNobodyElseOut() throws Exception {
        HttpClient attacker =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        String wrong =
                "Basic " + Base64.getEncoder().encodeToString("gus:not-the-password".getBytes(StandardCharsets.UTF_8));
        int refused = 0;
        for (int i = 0; i < SignInThrottle.PAIR_LIMIT + 5; i++) {
            HttpResponse<String> r = attacker.send(
                    HttpRequest.newBuilder(URI.create(app.base() + "/api/audit"))
                            .header("Authorization", wrong)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isIn(401, 429);
            refused += r.statusCode() == 429 ? 1 : 0;
        }
        assertThat(refused).as("attempts over the limit are held back").isEqualTo(5);
        // another client, same address (everyone shares 127.0.0.1 here), another account: not held back
        assertThat(get("/api/audit", ADMIN.basic()).statusCode()).isEqualTo(200);
        HttpResponse<String> others = run(OPERATOR, "nc -zv 127.0.0.1 " + listener.port());
        assertThat(others.statusCode()).isEqualTo(200);
        // the flooded account from this address waits out the minute, right password or not
        assertThat(get("/api/audit", GUEST.basic()).statusCode()).isEqualTo(429);
        String records = get("/api/audit?user=gus&action=sign-in-failed&limit=100", ADMIN.basic())
                .body();
        assertThat(records.split("\"action\"", -1))
                .as("one record per failure within the limit, none after")
                .hasSize(SignInThrottle.PAIR_LIMIT + 1);
        assertThat(records).containsOnlyOnce("held back for a minute");
    }

    @Test
    void anonymousVisitorsCannotGrowTheServersSessionsWithoutBound() throws Exception {
        int asked = AnonymousSessions.MAX + 200;
        for (int i = 0; i < asked; i++) {
            // no cookie: every request is a new visitor asking for the sign-in view
            assertThat(get("/?v-r=init&location=login", null).statusCode()).isLessThan(500);
        }
        String status = get("/api/status", ADMIN.basic()).body();
        int anonymous = Integer.parseInt(status.replaceAll(".*\"anonymousSessions\":(\\d+).*", "$1"));
        assertThat(anonymous).as(status).isPositive().isLessThanOrEqualTo(AnonymousSessions.MAX);
    }

    @Test
    void aRequestForAnotherHostNameIsRefusedBeforeSignIn() throws Exception {
        // what a DNS-rebinding page would send: its own name in Host, a matching Origin
        String evil = rawRequest("POST /login HTTP/1.1\r\nHost: evil.example\r\nOrigin: http://evil.example\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 31\r\nConnection: close\r\n\r\n"
                + "username=ada&password=wrong-one");
        assertThat(evil).startsWith("HTTP/1.1 400");
        String api = rawRequest("GET /api/audit HTTP/1.1\r\nHost: evil.example:" + app.port() + "\r\nAuthorization: "
                + ADMIN.basic() + "\r\nConnection: close\r\n\r\n");
        assertThat(api).startsWith("HTTP/1.1 400");
        String ok = rawRequest("GET /api/audit HTTP/1.1\r\nHost: localhost:" + app.port() + "\r\nAuthorization: "
                + ADMIN.basic() + "\r\nConnection: close\r\n\r\n");
        assertThat(ok).startsWith("HTTP/1.1 200");
    }

    /** One HTTP/1.1 exchange over a plain socket, with exactly the headers given (HttpClient will not send Host). */
    private static String rawRequest(String request) throws Exception {
        try (Socket s = new Socket(InetAddress.getByName("127.0.0.1"), app.port())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            s.getOutputStream().flush();
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void deniedTargetsAreRefusedWithTheRuleThatDeniedThem() throws Exception {
        HttpResponse<String> metadata = run(OPERATOR, "curl -s -m 2 http://169.254.169.254/latest/meta-data/");
        assertThat(metadata.statusCode()).isEqualTo(200);
        assertThat(metadata.body()).contains("\"verdict\":\"error\"").contains("deny 169.254.0.0/16");
        HttpResponse<String> v6 = run(OPERATOR, "nc -zv -w 1 fd00:ec2::254 80");
        assertThat(v6.body()).contains("\"verdict\":\"error\"").contains("fd00:ec2::254");
    }

    @Test
    void aUserOverTheRateLimitIsToldWhenToTryAgainWhileOthersGoOn() throws Exception {
        String nc = "nc -zv 127.0.0.1 " + listener.port();
        for (int i = 0; i < 5; i++) {
            assertThat(run(BUSY, nc).statusCode()).isEqualTo(200);
        }
        HttpResponse<String> over = run(BUSY, nc);
        assertThat(over.statusCode()).isEqualTo(429);
        assertThat(over.headers().firstValue("Retry-After")).isPresent();
        assertThat(over.body())
                .contains("limit:")
                .contains("per-user-runs-per-minute=5")
                .contains("try again in");
        assertThat(run(ADMIN, nc).statusCode()).isEqualTo(200);
    }

    @Test
    void theAuditLogRecordsRunsAndRefusalsWithTheResolvedTargetAndSurvivesARestart() throws Exception {
        int port = listener.port();
        assertThat(run(OPERATOR, "telnet localhost " + port).statusCode()).isEqualTo(200);
        assertThat(run(VIEWER, "nc -zv 127.0.0.1 " + port).statusCode()).isEqualTo(403);

        String events = get("/api/audit?user=otto&q=telnet", ADMIN.basic()).body();
        assertThat(events)
                .contains("\"action\":\"run\"")
                .contains("telnet localhost " + port)
                .contains("127.0.0.1:" + port)
                .contains("\"verdict\":\"ok\"");
        assertThat(get("/api/audit?user=vera&action=run-denied", ADMIN.basic()).body())
                .contains("needs role operator");

        app.close();
        app = startApp();
        assertThat(get("/api/audit?user=otto&q=telnet", ADMIN.basic()).body()).contains("telnet localhost " + port);
        assertThat(Files.readString(data.resolve("audit.jsonl"))).contains("telnet localhost " + port);
    }

    @Test
    void inTheBrowserAViewerReadsButCannotRunAndOnlyAnAdminSeesTheAuditLog() throws Exception {
        try (Playwright pw = Playwright.create();
                Browser browser = Browsers.chromium(pw)) {
            Page viewer = Browsers.signIn(browser.newContext().newPage(), app.base(), VIEWER);
            viewer.navigate(app.base() + "/runbook/loopback");
            Locator step = viewer.locator(".terminal[data-probe=tcp]").first();
            assertThat(step.locator("[data-read-only]")).containsText("operator");
            assertThat(step.getByRole(
                            AriaRole.BUTTON,
                            new Locator.GetByRoleOptions().setName("Run").setExact(true)))
                    .isDisabled();
            assertThat(viewer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Run all")))
                    .hasCount(0);
            assertThat(viewer.locator("a[href=audit]")).hasCount(0);
            viewer.navigate(app.base() + "/audit");
            assertThat(viewer.locator("[data-access-denied]")).containsText("Audit log needs role admin");
            assertThat(viewer.locator("[data-audit-row]")).hasCount(0);

            Page admin = Browsers.signIn(browser.newContext().newPage(), app.base(), ADMIN);
            admin.navigate(app.base() + "/audit");
            assertThat(admin.locator("[data-audit-row]").first()).isVisible();
            admin.locator("[data-sign-out]").click();
            admin.waitForURL("**/login");
            admin.navigate(app.base() + "/audit");
            assertThat(admin.locator("vaadin-login-form")).isVisible();
        }
    }

    @Test
    void noDefaultPasswordAndNoConsoleLinkInTeamMode() throws Exception {
        assertThat(app.log()).doesNotContain("/signin?token=").doesNotContain("generated security password");
    }
}

package dev.probebook.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.probebook.testing.PackagedApp;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Single-owner mode: no users configured, so the console gets a one-time sign-in link, never a password. */
class OwnerLinkIT {

    private static final Pattern LINK =
            Pattern.compile("(http://127\\.0\\.0\\.1:\\d+/signin\\?token=([A-Za-z0-9_-]{40,}))");

    private static List<String> links(PackagedApp app) throws Exception {
        Matcher m = LINK.matcher(app.log());
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    void theConsoleLinkSignsTheOwnerInOnceAndTheNextLinkIsPrinted() throws Exception {
        try (PackagedApp app = PackagedApp.start(
                "owner-link-it-app",
                List.of(),
                "--probebook.data-dir=" + Files.createTempDirectory("probebook-owner-data"))) {
            List<String> printed = links(app);
            assertThat(printed).hasSize(1);
            String link = printed.get(0);
            assertThat(app.log()).doesNotContain("generated security password");

            HttpClient browser = HttpClient.newBuilder()
                    .cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(2))
                    .build();
            HttpResponse<String> home = browser.send(
                    HttpRequest.newBuilder(URI.create(app.base() + "/")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(home.statusCode()).isIn(302, 303);

            HttpResponse<String> wrong = browser.send(
                    HttpRequest.newBuilder(URI.create(app.base() + "/signin?token=guess"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(wrong.headers().firstValue("Location").orElse("")).contains("/login?link-used");

            HttpResponse<String> signIn = browser.send(
                    HttpRequest.newBuilder(URI.create(link)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(signIn.statusCode()).isIn(302, 303);
            assertThat(signIn.headers().firstValue("Location").orElse("")).endsWith("/");
            assertThat(signIn.headers().allValues("Set-Cookie"))
                    .anyMatch(c -> c.startsWith("JSESSIONID=") && c.contains("HttpOnly") && c.contains("SameSite=Lax"));
            HttpResponse<String> after = browser.send(
                    HttpRequest.newBuilder(URI.create(app.base() + "/")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(after.statusCode()).isEqualTo(200);

            HttpClient other = HttpClient.newBuilder()
                    .cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
            HttpResponse<String> reused =
                    other.send(HttpRequest.newBuilder(URI.create(link)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(reused.headers().firstValue("Location").orElse("")).contains("/login?link-used");

            long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (links(app).size() < 2 && System.nanoTime() < end) {
                Thread.sleep(100);
            }
            assertThat(links(app)).hasSize(2).doesNotHaveDuplicates();
        }
    }

    @Test
    void noSignInWithoutItsAuditRecord() throws Exception {
        Path data = Files.createTempDirectory("probebook-owner-noaudit");
        try (PackagedApp app = PackagedApp.start("owner-noaudit-it-app", List.of(), "--probebook.data-dir=" + data)) {
            String link = links(app).get(0);
            Path log = data.resolve("audit.jsonl");
            Files.deleteIfExists(log);
            Files.createDirectory(log); // a folder where the file should be: every append fails
            HttpClient browser = HttpClient.newBuilder()
                    .cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
            HttpResponse<String> signIn = browser.send(
                    HttpRequest.newBuilder(URI.create(link)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(signIn.headers().firstValue("Location").orElse("")).contains("/login?error");
            HttpResponse<String> home = browser.send(
                    HttpRequest.newBuilder(URI.create(app.base() + "/")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(home.statusCode()).as("not signed in").isIn(302, 303);
            long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (!app.log().contains("the sign-in was refused because the audit log cannot be written")
                    && System.nanoTime() < end) {
                Thread.sleep(100);
            }
            assertThat(app.log()).contains("the sign-in was refused because the audit log cannot be written");
        }
    }
}

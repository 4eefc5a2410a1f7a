package dev.probebook.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.probebook.testing.LoopbackServers;
import dev.probebook.testing.PackagedApp;
import dev.probebook.testing.PostgresServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A team's memory in one PostgreSQL: two packaged app instances (each with its own data folder, as on two hosts)
 * share a database that this test starts on loopback, see each other's runs and reports, show a run's output only to
 * a role that could have run it, and keep running probes while the database is down (each run says it was not
 * recorded), recording again once it is back.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SharedHistoryIT {

    static final PackagedApp.User ADMIN = new PackagedApp.User("team-admin", "team-admin-password", "admin");
    static final PackagedApp.User OPERATOR = new PackagedApp.User("team-op", "team-op-password", "operator");
    static final PackagedApp.User VIEWER = new PackagedApp.User("team-viewer", "team-viewer-password", "viewer");

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static PostgresServer postgres;
    private static PackagedApp east;
    private static PackagedApp west;
    private static LoopbackServers.Open listener;
    private static String runId;

    @BeforeAll
    static void start() throws Exception {
        postgres = PostgresServer.start();
        String url = postgres.newDatabase("team");
        Path runbooks = Files.createTempDirectory("probebook-team-runbooks");
        Files.writeString(
                runbooks.resolve("team.md"), "# Team\n\n```\nnc -zv 127.0.0.1 9\n```\n", StandardCharsets.UTF_8);
        listener = new LoopbackServers.Open(null);
        List<PackagedApp.User> users = List.of(ADMIN, OPERATOR, VIEWER);
        east = PackagedApp.start("team-east-app", users, args(url, runbooks, "east"));
        west = PackagedApp.start("team-west-app", users, args(url, runbooks, "west"));
    }

    private static String[] args(String url, Path runbooks, String name) throws Exception {
        return new String[] {
            "--spring.datasource.url=" + url,
            "--spring.datasource.username=" + postgres.user(),
            "--probebook.runbooks-dir=" + runbooks,
            "--probebook.data-dir=" + Files.createTempDirectory("probebook-team-" + name)
        };
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable c : new AutoCloseable[] {east, west, listener, postgres}) {
            if (c != null) {
                c.close();
            }
        }
    }

    @Test
    @Order(1)
    void aRunOnOneInstanceIsInTheOtherInstancesHistory() throws Exception {
        HttpResponse<String> ran = post(east, OPERATOR, "/api/run", command("nc -zv 127.0.0.1 " + listener.port()));
        assertThat(ran.statusCode()).as(ran.body()).isEqualTo(200);
        assertThat(ran.body()).doesNotContain("\"notes\"");
        runId = field(ran.body(), "run");

        HttpResponse<String> seen = get(west, OPERATOR, "/api/runs/" + runId);
        assertThat(seen.statusCode()).as(seen.body()).isEqualTo(200);
        assertThat(field(seen.body(), "user")).isEqualTo("team-op");
        assertThat(field(seen.body(), "verdict")).isEqualTo("ok");
        assertThat(seen.body()).contains("127.0.0.1:" + listener.port()).contains("succeeded");
        assertThat(get(west, VIEWER, "/api/runs/" + runId).body())
                .as("a viewer, who may run nothing, reads the verdict and facts but not the output")
                .contains("\"summary\"")
                .doesNotContain("\"facts\"")
                .contains("\"hidden\"")
                .doesNotContain("succeeded");
        assertThat(get(west, VIEWER, "/api/runs?verdict=ok&limit=10").body()).contains(runId);
        assertThat(get(west, VIEWER, "/api/runs?user=someone-else").body()).doesNotContain(runId);
        assertThat(get(west, VIEWER, "/api/runs?since=yesterday").statusCode()).isEqualTo(400);
    }

    @Test
    @Order(2)
    void aReportMadeOnOneInstanceOpensOnTheOtherAndOnlyAnAdminDeletesIt() throws Exception {
        assertThat(post(west, VIEWER, "/api/reports", "{\"runs\": [\"" + runId + "\"]}")
                        .statusCode())
                .as("a viewer reads reports but does not make them")
                .isEqualTo(403);
        assertThat(post(west, OPERATOR, "/api/reports", "{}").statusCode()).isEqualTo(400);
        assertThat(post(west, OPERATOR, "/api/reports", "{\"runs\": [\"nosuchrun\"]}")
                        .statusCode())
                .isEqualTo(404);

        HttpResponse<String> made =
                post(west, OPERATOR, "/api/reports", "{\"runs\": [\"" + runId + "\"], \"title\": \"Port 9 check\"}");
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        String reportId = field(made.body(), "id");
        assertThat(made.headers().firstValue("Location")).hasValue("/reports/" + reportId);

        HttpResponse<String> markdown = get(east, VIEWER, "/api/reports/" + reportId + ".md");
        assertThat(markdown.statusCode()).isEqualTo(200);
        assertThat(markdown.body())
                .contains("Port 9 check")
                .contains("nc -zv 127.0.0.1 " + listener.port())
                .contains("team-op");
        assertThat(get(east, VIEWER, "/api/reports/" + reportId + ".html").body())
                .contains("<html")
                .contains("Port 9 check");

        assertThat(delete(east, OPERATOR, "/api/reports/" + reportId).statusCode())
                .isEqualTo(403);
        assertThat(delete(east, ADMIN, "/api/reports/" + reportId).statusCode()).isEqualTo(204);
        assertThat(get(west, VIEWER, "/api/reports/" + reportId).statusCode()).isEqualTo(404);
        assertThat(get(east, ADMIN, "/api/audit?action=report-delete").body()).contains(reportId);
    }

    @Test
    @Order(3)
    void aRunsOutputIsShownOnlyToARoleThatCouldHaveRunIt() throws Exception {
        HttpResponse<String> ran = post(east, ADMIN, "/api/run", command("tcpdump -D"));
        assertThat(ran.statusCode()).as(ran.body()).isEqualTo(200);
        String capture = field(ran.body(), "run");

        String asOperator = get(west, OPERATOR, "/api/runs/" + capture).body();
        assertThat(asOperator).contains("\"hidden\"").doesNotContain("\"output\"");
        String asAdmin = get(west, ADMIN, "/api/runs/" + capture).body();
        assertThat(asAdmin).contains("\"output\"").doesNotContain("\"hidden\"");
        assertThat(get(west, OPERATOR, "/api/runs?limit=5").body())
                .as("the list shows that it ran, not what it saw")
                .contains(capture)
                .doesNotContain("\"output\"");
    }

    @Test
    @Order(4)
    void probesRunWhileTheDatabaseIsDownAndAreRecordedAgainOnceItIsBack() throws Exception {
        postgres.kill();
        HttpResponse<String> ran = post(east, OPERATOR, "/api/run", command("nc -zv 127.0.0.1 " + listener.port()));
        assertThat(ran.statusCode()).as(ran.body()).isEqualTo(200);
        assertThat(field(ran.body(), "verdict")).isEqualTo("ok");
        assertThat(ran.body()).contains("\"notes\"").contains("not recorded");
        assertThat(get(west, VIEWER, "/api/runs").statusCode()).isEqualTo(503);

        postgres.resume();
        HttpResponse<String> again = null;
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < end) {
            again = post(east, OPERATOR, "/api/run", command("nc -zv 127.0.0.1 " + listener.port()));
            if (again.statusCode() == 200 && !again.body().contains("\"notes\"")) {
                break;
            }
            Thread.sleep(1_000);
        }
        assertThat(again.body()).as("recorded again once the database is back").doesNotContain("\"notes\"");
        // the other instance saw the outage too: it reads again once its retry time has passed
        String path = "/api/runs/" + field(again.body(), "run");
        int status = 0;
        end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < end && (status = get(west, VIEWER, path).statusCode()) != 200) {
            Thread.sleep(1_000);
        }
        assertThat(status).isEqualTo(200);
    }

    private static String command(String line) {
        return "{\"command\": \"" + line + "\"}";
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        assertThat(m.find()).as("%s in %s", name, json).isTrue();
        return m.group(1);
    }

    private static HttpRequest.Builder request(PackagedApp app, PackagedApp.User user, String path) {
        return HttpRequest.newBuilder(URI.create(app.base() + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", user.basic());
    }

    private static HttpResponse<String> get(PackagedApp app, PackagedApp.User user, String path) throws Exception {
        return HTTP.send(request(app, user, path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(PackagedApp app, PackagedApp.User user, String path, String body)
            throws Exception {
        return HTTP.send(
                request(app, user, path)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> delete(PackagedApp app, PackagedApp.User user, String path) throws Exception {
        return HTTP.send(request(app, user, path).DELETE().build(), HttpResponse.BodyHandlers.ofString());
    }
}

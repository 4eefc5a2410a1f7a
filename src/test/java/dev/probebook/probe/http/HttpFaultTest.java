package dev.probebook.probe.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.probebook.engine.RunResult;
import dev.probebook.probe.Verdict;
import dev.probebook.testing.LiveRun;
import dev.probebook.testing.ProbeHarness;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The HTTP peer misbehaves mid-answer: it dies halfway through the body, or drips it too slowly. curl ends
 * within its bounds with curl's error line, keeps the part of the body that arrived, and the verdict says
 * the server answered but the transfer broke.
 */
@Timeout(20)
class HttpFaultTest {

    private static final Map<String, String> PROPS = Map.of("probebook.http.max-time", "10s");

    /** 40 numbered lines of 16 bytes (640 bytes): which of them arrived is easy to tell. */
    private static final List<String> LINES = IntStream.rangeClosed(1, 40)
            .mapToObj(i -> String.format("body line %05d", i))
            .toList();

    private static final String BODY = LINES.stream().map(l -> l + "\n").collect(Collectors.joining());

    private final ProbeHarness harness = new ProbeHarness(PROPS);

    private static MockResponse.Builder halfThenClose() {
        // MockWebServer applies onResponseBody halfway through the body: 320 of 640 bytes go out, then the socket
        // closes
        return new MockResponse.Builder().onResponseBody(new SocketEffect.CloseSocket());
    }

    @Test
    void serverDyingHalfwayThroughTheBodyIsCurlError18WithTheFirstHalfShown() throws Exception {
        try (MockWebServer server = TestPki.http()) {
            server.enqueue(halfThenClose().body(BODY).build());
            RunResult r = harness.run("curl -v http://127.0.0.1:" + server.getPort() + "/export.csv");
            assertThat(r.output()).containsSubsequence("< HTTP/1.1 200 OK", "< Content-Length: 640", "< ");
            assertThat(r.output()).containsSubsequence(LINES.subList(0, 20)).doesNotContain(LINES.get(20));
            assertThat(r.output())
                    .endsWith(
                            "* transfer closed with 320 bytes remaining to read",
                            "* Closing connection",
                            "curl: (18) transfer closed with 320 bytes remaining to read");
            assertThat(r.verdict()).isEqualTo(Verdict.WARN);
            assertThat(r.summary())
                    .startsWith("127.0.0.1:" + server.getPort()
                            + " answered HTTP 200 OK, but the body did not arrive in full: "
                            + "transfer closed with 320 bytes remaining to read")
                    .contains("aborts the transfer");
            HttpDetails d = (HttpDetails) r.details();
            assertThat(d.exitCode()).isEqualTo(18);
            assertThat(d.size()).isEqualTo(320);
            assertThat(r.elapsedMs()).isLessThan(3000);
        }
    }

    @Test
    void chunkedAnswerCutShortIsCurlError18Too() throws Exception {
        try (MockWebServer server = TestPki.http()) {
            server.enqueue(halfThenClose().chunkedBody(BODY, 64).build());
            RunResult r = harness.run("curl http://127.0.0.1:" + server.getPort() + "/");
            assertThat(r.output())
                    .startsWith(LINES.get(0))
                    .last()
                    .isEqualTo("curl: (18) transfer closed with outstanding read data remaining");
            assertThat(r.verdict()).isEqualTo(Verdict.WARN);
            assertThat(r.summary())
                    .contains("did not arrive in full: transfer closed with outstanding read data remaining");
        }
    }

    @Test
    void slowDripIsCutByMaxTimeWithCurlError28() throws Exception {
        try (MockWebServer server = TestPki.http()) {
            // 16 bytes every 200 ms: the 640-byte body would take 8 s
            server.enqueue(new MockResponse.Builder()
                    .body(BODY)
                    .throttleBody(16, 200, TimeUnit.MILLISECONDS)
                    .build());
            long start = System.nanoTime();
            RunResult r = harness.run("curl -m 1 http://127.0.0.1:" + server.getPort() + "/");
            long wall = (System.nanoTime() - start) / 1_000_000;
            assertThat(r.output()).startsWith(LINES.get(0), LINES.get(1));
            assertThat(r.output())
                    .last()
                    .asString()
                    .matches(
                            "curl: \\(28\\) Operation timed out after \\d{4} milliseconds with \\d+ out of 640 bytes received");
            // an HTTP answer came: the server is reachable, the transfer stalls
            assertThat(r.verdict()).isEqualTo(Verdict.WARN);
            assertThat(r.summary())
                    .contains("answered HTTP 200 OK, but the body did not arrive in full: Operation timed out after")
                    .contains("stalls");
            HttpDetails d = (HttpDetails) r.details();
            assertThat(d.exitCode()).isEqualTo(28);
            assertThat(d.size()).isBetween(16L, 639L);
            assertThat(r.elapsedMs()).isBetween(950L, 2000L);
            assertThat(wall).isLessThan(2500L);
        }
    }

    @Test
    void stopDuringASlowDripEndsPromptlyKeepingTheLinesThatArrived() throws Exception {
        try (MockWebServer server = TestPki.http()) {
            server.enqueue(new MockResponse.Builder()
                    .body(BODY)
                    .throttleBody(16, 200, TimeUnit.MILLISECONDS)
                    .build());
            try (var run = LiveRun.start(PROPS, "curl http://127.0.0.1:" + server.getPort() + "/")) {
                run.awaitLines(l -> l.startsWith("body line"), 3, Duration.ofSeconds(5));
                long start = System.nanoTime();
                run.cancel();
                RunResult r = run.await();
                assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(3000L);
                assertThat(r.verdict()).isEqualTo(Verdict.SKIPPED);
                assertThat(r.summary()).isEqualTo("stopped before it finished");
                assertThat(r.output())
                        .startsWith(LINES.get(0), LINES.get(1), LINES.get(2))
                        .doesNotContain(LINES.get(39));
            }
        }
    }
}

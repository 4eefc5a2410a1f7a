package dev.probebook.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.probebook.probe.Verdict;
import dev.probebook.testing.DnsResponder;
import dev.probebook.testing.LiveRun;
import dev.probebook.testing.LoopbackServers;
import dev.probebook.testing.ProbeThreads;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Runs that are stopped, or cut by {@code probebook.probe-timeout}, while a peer misbehaves (drops SYNs,
 * never answers DNS, drips a body): each ends with a clear verdict within the limit plus the engine's grace,
 * and leaves no thread at work in probe code (see {@link ProbeThreads}).
 */
@Timeout(60)
class EngineFaultTest {

    private static final Map<String, String> ONE_SECOND = Map.of(
            "probebook.probe-timeout",
            "1s",
            "probebook.dns.timeout",
            "30s",
            "probebook.http.max-time",
            "30s",
            "probebook.tcp.connect-timeout",
            "10s");

    /** A run's result, and how long it took to end once stopped (or, unstopped, once seen at work). */
    private record Ended(RunResult result, long millis) {}

    /**
     * Starts the run, waits until it is seen at work in probe code (so the leak check below is able to fail),
     * stops it when asked, and checks that no thread is left at work once the result is in.
     */
    private static Ended run(Map<String, String> props, String command, boolean stop) throws Exception {
        Set<Thread> before = ProbeThreads.busy().keySet();
        try (LiveRun run = LiveRun.start(props, command)) {
            long end = System.nanoTime() + 2_000_000_000L;
            boolean seen = false;
            while (!seen && !run.done() && System.nanoTime() < end) {
                Map<Thread, StackTraceElement[]> busy = ProbeThreads.busy();
                busy.keySet().removeAll(before);
                seen = !busy.isEmpty();
                Thread.sleep(10);
            }
            assertThat(seen).as("the running probe is seen at work").isTrue();
            Thread.sleep(300);
            long start = System.nanoTime();
            if (stop) {
                run.cancel();
            }
            RunResult r = run.await();
            long millis = (System.nanoTime() - start) / 1_000_000;
            ProbeThreads.awaitIdle(before, Duration.ofSeconds(1));
            return new Ended(r, millis);
        }
    }

    @Test
    void telnetToADroppingListenerCutByTheProbeTimeoutFailsNamingIt() throws Exception {
        try (var drop = new LoopbackServers.Drop()) {
            // the connect timeout (10 s) and the run's deadline (1 s) raced: each outcome must be the same
            for (int i = 0; i < 3; i++) {
                RunResult r = run(ONE_SECOND, "telnet 127.0.0.1 " + drop.port(), false)
                        .result();
                assertThat(r.output())
                        .containsExactly(
                                "Trying 127.0.0.1...",
                                "telnet: connect to address 127.0.0.1: Connection timed out",
                                "telnet: Unable to connect to remote host: Connection timed out");
                assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
                assertThat(r.summary())
                        .matches(
                                "no answer from 127\\.0\\.0\\.1 port " + drop.port()
                                        + " within \\d+ ms, when the run's time "
                                        + "limit \\(probebook\\.probe-timeout\\) ended the wait: the SYN was dropped on the way .*");
                assertThat(r.elapsedMs()).isBetween(900L, 2000L);
            }
        }
    }

    @Test
    void ncAndTcpingCutByTheProbeTimeoutFailNamingIt() throws Exception {
        try (var drop = new LoopbackServers.Drop()) {
            RunResult nc =
                    run(ONE_SECOND, "nc -zv 127.0.0.1 " + drop.port(), false).result();
            assertThat(nc.output())
                    .containsExactly("nc: connect to 127.0.0.1 port " + drop.port()
                            + " (tcp) timed out: Operation now in progress");
            assertThat(nc.verdict()).isEqualTo(Verdict.FAIL);
            assertThat(nc.summary()).contains("when the run's time limit (probebook.probe-timeout) ended the wait");

            RunResult tcping =
                    run(ONE_SECOND, "tcping -t 127.0.0.1 " + drop.port(), false).result();
            assertThat(tcping.output()).contains("     1 probes sent.", "     0 successful, 1 failed.  (100.00% fail)");
            assertThat(tcping.verdict()).isEqualTo(Verdict.FAIL);
            assertThat(tcping.summary()).contains("when the run's time limit (probebook.probe-timeout) ended the wait");
            assertThat(tcping.elapsedMs()).isBetween(900L, 2000L);
        }
    }

    @Test
    void stoppedRunsEndPromptlyAndLeaveNoThreadAtWork() throws Exception {
        try (MockWebServer server = new MockWebServer();
                DnsResponder silent = DnsResponder.silent();
                var drop = new LoopbackServers.Drop()) {
            server.start(InetAddress.getByName("127.0.0.1"), 0);
            server.enqueue(new MockResponse.Builder()
                    .body("drip\n".repeat(100))
                    .throttleBody(5, 100, TimeUnit.MILLISECONDS)
                    .build());

            Ended curl = run(Map.of(), "curl http://127.0.0.1:" + server.getPort() + "/", true);
            assertThat(curl.millis()).isLessThan(3000L);
            assertThat(curl.result().verdict()).isEqualTo(Verdict.SKIPPED);
            assertThat(curl.result().output()).isNotEmpty().allMatch("drip"::equals);

            Ended dig = run(
                    Map.of("probebook.dns.timeout", "30s"),
                    "dig @127.0.0.1 -p " + silent.port() + " example.com",
                    true);
            assertThat(dig.millis()).isLessThan(3000L);
            assertThat(dig.result().verdict()).isEqualTo(Verdict.SKIPPED);
            assertThat(dig.result().summary()).isEqualTo("stopped before it finished");

            Ended tcping = run(Map.of(), "tcping -t 127.0.0.1 " + drop.port(), true);
            assertThat(tcping.millis()).isLessThan(3000L);
            assertThat(tcping.result().verdict()).isEqualTo(Verdict.SKIPPED);
            assertThat(tcping.result().summary()).isEqualTo("stopped before the first probe");
            assertThat(tcping.result().output()).contains("     0 probes sent.");
        }
    }

    @Test
    void timedOutRunsEndAtTheLimitAndLeaveNoThreadAtWork() throws Exception {
        try (MockWebServer server = new MockWebServer();
                DnsResponder silent = DnsResponder.silent()) {
            server.start(InetAddress.getByName("127.0.0.1"), 0);
            server.enqueue(new MockResponse.Builder()
                    .body("drip\n".repeat(100))
                    .throttleBody(5, 100, TimeUnit.MILLISECONDS)
                    .build());

            // curl clamps -m to the run's deadline and the engine cancels at it: the engine's error, or curl's
            // own (28), whichever ends first. Both name the timeout; the drip received so far is kept.
            RunResult curl = run(ONE_SECOND, "curl http://127.0.0.1:" + server.getPort() + "/", false)
                    .result();
            assertThat(curl.elapsedMs()).isBetween(900L, 2000L);
            assertThat(curl.output()).contains("drip");
            assertThat(curl.verdict() + " " + curl.summary())
                    .matches("ERROR timed out after 1s \\(probebook\\.probe-timeout\\)"
                            + "|WARN .*did not arrive in full: Operation timed out after .*");

            // the same race in the DNS probe: the engine's error, or the lookup's own timeout verdict
            RunResult dig = run(ONE_SECOND, "dig @127.0.0.1 -p " + silent.port() + " example.com", false)
                    .result();
            assertThat(dig.elapsedMs()).isBetween(900L, 2000L);
            assertThat(dig.verdict() + " " + dig.summary())
                    .matches("ERROR timed out after 1s \\(probebook\\.probe-timeout\\)"
                            + "|FAIL DNS server 127\\.0\\.0\\.1#" + silent.port() + " did not answer: .*");
        }
    }
}

package dev.probebook.probe.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.probebook.engine.RunResult;
import dev.probebook.net.ConnectAttempt;
import dev.probebook.probe.Verdict;
import dev.probebook.testing.HangUpAfterBanner;
import dev.probebook.testing.LiveRun;
import dev.probebook.testing.LoopbackServers;
import dev.probebook.testing.ProbeHarness;
import dev.probebook.testing.SwitchableListener;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The target goes away (or comes back) while telnet or tcping talks to it: the run ends at once, keeps what
 * it saw, and the summary tells what happened rather than a cause that does not fit.
 */
@Timeout(20)
class TcpFaultTest {

    // A long banner wait: a telnet that missed the hang-up would sit out these 5 s.
    private static final Map<String, String> PROPS = Map.of(
            "probebook.tcp.banner-wait",
            "5s",
            "probebook.tcp.tcping-timeout",
            "500ms",
            "probebook.tcp.connect-timeout",
            "2s");

    private final ProbeHarness harness = new ProbeHarness(PROPS);

    private void telnetSeesTheHangUp(HangUpAfterBanner.How how, String greeting) throws Exception {
        try (var server = new HangUpAfterBanner(greeting + "\r\n", how, 200)) {
            RunResult r = harness.run("telnet 127.0.0.1 " + server.port());
            assertThat(r.output())
                    .containsExactly(
                            "Trying 127.0.0.1...",
                            "Connected to 127.0.0.1.",
                            "Escape character is '^]'.",
                            greeting,
                            "Connection closed by foreign host.");
            // telnet's question is reachability: the port was open and answered
            assertThat(r.verdict()).isEqualTo(Verdict.OK);
            assertThat(r.summary()).contains("It greeted with: " + greeting);
            assertThat(((TcpDetails) r.details()).banner()).containsExactly(greeting);
            assertThat(r.elapsedMs())
                    .as("ends at the hang-up, not at the 5 s banner wait")
                    .isBetween(150L, 2000L);
        }
    }

    @Test
    void telnetKeepsTheGreetingWhenTheServerClosesTheConnection() throws Exception {
        telnetSeesTheHangUp(HangUpAfterBanner.How.CLOSE, "220 mail.test ESMTP ready");
    }

    @Test
    void telnetKeepsTheGreetingWhenTheServerResetsTheConnection() throws Exception {
        telnetSeesTheHangUp(HangUpAfterBanner.How.RESET, "SSH-2.0-OpenSSH_9.2");
    }

    /** Runs tcping -n 10, calling {@code afterProbe} with the probe's number on the probe's thread, before the next one. */
    private static RunResult tcping(int port, IntConsumer afterProbe) throws Exception {
        AtomicInteger probes = new AtomicInteger();
        try (var run = LiveRun.start(PROPS, "tcping -n 10 -i 0.05 127.0.0.1 " + port, line -> {
            if (line.startsWith("Probing")) {
                afterProbe.accept(probes.incrementAndGet());
            }
        })) {
            return run.await();
        }
    }

    private static List<String> states(RunResult r) {
        return r.output().stream()
                .filter(l -> l.startsWith("Probing"))
                .map(l -> l.contains("Port is open") ? "open" : l.contains("No response") ? "none" : l)
                .toList();
    }

    @Test
    void tcpingSaysThePortWentAwayWhenTheListenerClosesAfterTheSecondProbe() throws Exception {
        try (var service = new SwitchableListener().on()) {
            int port = service.port();
            RunResult r = tcping(port, n -> {
                if (n == 2) {
                    service.off();
                }
            });
            assertThat(states(r))
                    .containsExactly("open", "open", "none", "none", "none", "none", "none", "none", "none", "none");
            assertThat(r.output()).contains("     10 probes sent.", "     2 successful, 8 failed.  (80.00% fail)");
            assertThat(((TcpDetails) r.details()).attempts())
                    .extracting(ConnectAttempt::outcome)
                    .containsExactly(
                            "open", "open", "refused", "refused", "refused", "refused", "refused", "refused", "refused",
                            "refused");
            assertThat(r.verdict()).isEqualTo(Verdict.WARN);
            assertThat(r.summary())
                    .isEqualTo("2 of 10 probes to 127.0.0.1:" + port
                            + " connected, then it stopped accepting: probes 3-10 "
                            + "were refused: the listener went away (the service stopped, crashed or is restarting) or a firewall began rejecting. "
                            + "Check the service on that host (ss -tlnp, its logs)");
            assertThat(r.elapsedMs()).isLessThan(5000L);
        }
    }

    @Test
    void tcpingSaysThePortCameUpWhenAListenerStartsAfterTheThirdProbe() throws Exception {
        try (var service = new SwitchableListener()) {
            RunResult r = tcping(service.port(), n -> {
                if (n == 3) {
                    service.on();
                }
            });
            assertThat(states(r))
                    .containsExactly("none", "none", "none", "open", "open", "open", "open", "open", "open", "open");
            assertThat(r.verdict()).isEqualTo(Verdict.WARN);
            assertThat(r.summary())
                    .isEqualTo("probes 1-3 to 127.0.0.1:" + service.port() + " failed, then it accepted connections "
                            + "from probe 4 on: the service came up (or a firewall opened) during the run");
        }
    }

    @Test
    void stoppingTcpingKeepsTheStatisticsOfTheProbesMade() throws Exception {
        try (var server = new LoopbackServers.Open(null);
                var run = LiveRun.start(PROPS, "tcping -t -i 0.1 127.0.0.1 " + server.port())) {
            run.awaitLines(l -> l.startsWith("Probing"), 3, Duration.ofSeconds(5));
            long start = System.nanoTime();
            run.cancel(); // during the wait between probes, as Ctrl+C on tcping -t mostly is
            RunResult r = run.await();
            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1000L);
            int sent = states(r).size();
            assertThat(states(r)).hasSizeGreaterThanOrEqualTo(3).containsOnly("open");
            assertThat(r.output())
                    .contains(
                            "Ping statistics for 127.0.0.1:" + server.port(),
                            "     " + sent + " probes sent.",
                            "     " + sent + " successful, 0 failed.  (0.00% fail)");
            assertThat(r.verdict()).isEqualTo(Verdict.OK);
            assertThat(r.summary())
                    .isEqualTo("stopped: port " + server.port()
                            + " on 127.0.0.1 is open: something listens and the path is allowed");
            assertThat(((TcpDetails) r.details()).attempts()).hasSize(sent);
        }
    }

    @Test
    void tcpingThatFlapsMoreThanOnceIsStillIntermittent() throws Exception {
        try (var service = new SwitchableListener()) {
            RunResult r = tcping(service.port(), n -> {
                if (n % 4 == 1) { // after probes 1, 5, 9: on; after 3, 7: off
                    service.on();
                } else if (n % 4 == 3) {
                    service.off();
                }
            });
            assertThat(states(r))
                    .containsExactly("none", "open", "open", "none", "none", "open", "open", "none", "none", "open");
            assertThat(r.verdict()).isEqualTo(Verdict.WARN);
            assertThat(r.summary())
                    .startsWith("intermittent: 5 of 10 probes to 127.0.0.1:" + service.port() + " connected");
        }
    }
}

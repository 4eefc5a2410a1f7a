package dev.probebook.probe.traceroute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.probebook.engine.RunResult;
import dev.probebook.probe.Verdict;
import dev.probebook.testing.ProbeHarness;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * traceroute through a router of the test's own: two network namespaces this test creates, a router
 * (10.231.0.2, forwarding) and a host behind it (10.231.1.2), joined to this machine by veth pairs; a route on this
 * machine sends 10.231.0.0/16 to the router, so the probes go only into these namespaces. The router prohibits
 * 10.231.2.0/24 (an ICMP administratively-prohibited answer), and a second host ignores echo requests (the path goes
 * silent after the router). Like any router, this one sends only a burst of about six ICMP errors to one host and
 * then one a second (net.ipv4.icmp_ratelimit; a prohibit route draws on the same budget), so the tests send few
 * probes and the prohibited destination goes first. Needs root and the ip command; everything is removed afterwards.
 */
@Tag("privileged")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TracerouteNamespaceTest {

    private static final String ROUTER = "pbtr-router";
    private static final String HOST = "pbtr-host";
    private static final String QUIET = "pbtr-quiet";
    private static boolean ready;

    @BeforeAll
    static void buildThePath() throws Exception {
        ready = root() && run("ip", "-V").isEmpty();
        if (!ready) {
            return;
        }
        tearDown();
        List<String> steps = List.of(
                "ip netns add " + ROUTER,
                "ip netns add " + HOST,
                "ip netns add " + QUIET,
                "ip link add pbtr0 type veth peer name pbtr1",
                "ip link set pbtr1 netns " + ROUTER,
                "ip addr add 10.231.0.1/30 dev pbtr0",
                "ip link set pbtr0 up",
                "ip netns exec " + ROUTER + " ip addr add 10.231.0.2/30 dev pbtr1",
                "ip netns exec " + ROUTER + " ip link set pbtr1 up",
                "ip netns exec " + ROUTER + " ip link set lo up",
                "ip netns exec " + ROUTER + " sysctl -qw net.ipv4.ip_forward=1",
                // the router's time-exceeded errors unlimited (icmp_ratemask 0), so mtr's rounds each get one; a zero
                // icmp_ratelimit would instead empty the per-host budget the prohibit route's errors draw on
                "ip netns exec " + ROUTER + " sysctl -qw net.ipv4.icmp_ratemask=0",
                "ip link add pbtr2 netns " + ROUTER + " type veth peer name pbtr3 netns " + HOST,
                "ip netns exec " + ROUTER + " ip addr add 10.231.1.1/30 dev pbtr2",
                "ip netns exec " + ROUTER + " ip link set pbtr2 up",
                "ip netns exec " + HOST + " ip addr add 10.231.1.2/30 dev pbtr3",
                "ip netns exec " + HOST + " ip link set pbtr3 up",
                "ip netns exec " + HOST + " ip route add default via 10.231.1.1",
                "ip link add pbtr4 netns " + ROUTER + " type veth peer name pbtr5 netns " + QUIET,
                "ip netns exec " + ROUTER + " ip addr add 10.231.3.1/30 dev pbtr4",
                "ip netns exec " + ROUTER + " ip link set pbtr4 up",
                "ip netns exec " + QUIET + " ip addr add 10.231.3.2/30 dev pbtr5",
                "ip netns exec " + QUIET + " ip link set pbtr5 up",
                "ip netns exec " + QUIET + " ip route add default via 10.231.3.1",
                "ip netns exec " + QUIET + " sysctl -qw net.ipv4.icmp_echo_ignore_all=1",
                "ip netns exec " + ROUTER + " ip route add prohibit 10.231.2.0/24",
                "ip route add 10.231.0.0/16 via 10.231.0.2");
        for (String step : steps) {
            String error = run(step.split(" "));
            if (!error.isEmpty()) {
                tearDown();
                ready = false;
                throw new IOException(step + ": " + error);
            }
        }
        // a fresh veth drops what is sent in its first moments: wait until a trace through the router gets answers
        ProbeHarness harness = new ProbeHarness(java.util.Map.of("probebook.policy.allow", "10.231.0.0/16"));
        for (int i = 0; i < 20; i++) {
            if (harness.run("traceroute -n -q 1 -w 0.2 -m 2 10.231.1.2").verdict() == Verdict.OK) {
                return;
            }
            Thread.sleep(100);
        }
    }

    @AfterAll
    static void tearDown() throws IOException {
        run("ip", "route", "del", "10.231.0.0/16");
        run("ip", "link", "del", "pbtr0");
        for (String ns : List.of(ROUTER, HOST, QUIET)) {
            run("ip", "netns", "del", ns);
        }
    }

    private final ProbeHarness harness = new ProbeHarness(java.util.Map.of("probebook.policy.allow", "10.231.0.0/16"));

    private RunResult trace(String line) throws Exception {
        assumeTrue(ready, "needs root and the ip command");
        RunResult r = harness.run(line);
        assumeTrue(r.verdict() != Verdict.ERROR, "no ICMP socket for this process: " + r.summary());
        return r;
    }

    @Test
    @Order(2)
    void theHostIsReachedThroughTheRouter() throws Exception {
        RunResult r = trace("traceroute -n -q 2 -w 2 10.231.1.2");

        assertThat(r.output())
                .hasSize(3)
                .first()
                .isEqualTo("traceroute to 10.231.1.2 (10.231.1.2), 30 hops max, 60 byte packets");
        assertThat(r.output().get(1)).matches(" 1  10\\.231\\.0\\.2  [\\d.]+ ms  [\\d.]+ ms");
        assertThat(r.output().get(2)).matches(" 2  10\\.231\\.1\\.2  [\\d.]+ ms  [\\d.]+ ms");
        assertThat(r.verdict()).isEqualTo(Verdict.OK);
        assertThat(r.summary()).startsWith("10.231.1.2 reached in 2 hop(s), ");
        TracerouteDetails d = (TracerouteDetails) r.details();
        assertThat(d.hops())
                .extracting(TracerouteDetails.HopRecord::address)
                .containsExactly("10.231.0.2", "10.231.1.2");
    }

    @Test
    @Order(1)
    void aRouterThatProhibitsTheDestinationEndsThePathWithItsMark() throws Exception {
        RunResult r = trace("traceroute -I -n -q 1 -w 2 10.231.2.9");

        assertThat(r.output().get(1)).matches(" 1  10\\.231\\.0\\.2  [\\d.]+ ms !X");
        assertThat(r.output()).hasSize(2);
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.summary())
                .isEqualTo("hop 1 (10.231.0.2) answered !X (administratively prohibited): the path to 10.231.2.9 ends"
                        + " there. A firewall there rejects the traffic: ask for a rule that allows it");
    }

    @Test
    @Order(3)
    void aHostThatDropsIcmpLeavesThePathSilentAfterTheLastRouter() throws Exception {
        RunResult r = trace("traceroute -n -w 0.3 -q 1 -m 3 10.231.3.2");

        assertThat(r.output()).hasSize(4).contains(" 2  *", " 3  *");
        assertThat(r.output().get(1)).matches(" 1  10\\.231\\.0\\.2  [\\d.]+ ms");
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.summary())
                .startsWith("10.231.3.2 not reached: the path goes silent after hop 1 (10.231.0.2; no answer up to hop"
                        + " 3). Packets are dropped beyond it");
    }

    @Test
    @Order(4)
    void mtrReportsTheRouterAndTheSilentHostAsMtrDoes() throws Exception {
        RunResult r = trace("mtr -r -n -c 2 -i 0.3 10.231.3.2");

        assertThat(r.output()).hasSize(4);
        assertThat(r.output().get(2)).matches("  1\\.\\|-- 10\\.231\\.0\\.2 {15}  0\\.0%     2 .*");
        assertThat(r.output().get(3))
                .isEqualTo("  2.|-- ???                       100.0     2    0.0   0.0   0.0   0.0   0.0");
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.summary())
                .startsWith("10.231.3.2 not reached over 2 round(s): the path goes silent after hop 1 (10.231.0.2).");

        RunResult reached = trace("mtr -r -n -c 2 -i 0.3 10.231.1.2");
        assertThat(reached.output()).hasSize(4);
        assertThat(reached.verdict()).isEqualTo(Verdict.OK);
        assertThat(reached.summary()).startsWith("10.231.1.2 reached in 2 hop(s) with no loss over 2 round(s), ");
    }

    private static boolean root() throws IOException {
        return "0".equals(run("id", "-u").strip());
    }

    /** Runs a command; returns its output when it failed, empty when it succeeded (for id -u: its output). */
    private static String run(String... cmd) throws IOException {
        Process p = new ProcessBuilder(new ArrayList<>(List.of(cmd)))
                .redirectErrorStream(true)
                .start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "timed out";
            }
            if (cmd[0].equals("id")) {
                return out;
            }
            return p.exitValue() == 0 ? "" : out.isEmpty() ? "exit " + p.exitValue() : out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}

package dev.probebook.probe.ping;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.LastErrorException;
import dev.probebook.command.Args;
import dev.probebook.command.ShellLine;
import dev.probebook.engine.Invocation;
import dev.probebook.engine.ProbeRunner;
import dev.probebook.engine.RunListener;
import dev.probebook.engine.RunResult;
import dev.probebook.net.Libc;
import dev.probebook.policy.TargetPolicy;
import dev.probebook.probe.Verdict;
import dev.probebook.registry.ProbeRegistry;
import dev.probebook.testing.ProbeHarness;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Real ICMP echo to loopback: needs root or CAP_NET_RAW (or an open net.ipv4.ping_group_range). */
@Tag("privileged")
class PingIcmpTest {

    private static final String TIME = "time=\\d+(\\.\\d{1,3})? ms";
    private static final String RTT =
            "rtt min/avg/max/mdev = \\d+\\.\\d{3}/\\d+\\.\\d{3}/\\d+\\.\\d{3}/\\d+\\.\\d{3} ms";

    private final ProbeHarness harness = new ProbeHarness();

    @Test
    void threeEchoesToLoopbackPrintLikeIputils() throws Exception {
        RunResult r = harness.run("ping -c 3 -i 0.2 127.0.0.1");
        List<String> out = r.output();
        assertThat(out).hasSize(8);
        assertThat(out.get(0)).isEqualTo("PING 127.0.0.1 (127.0.0.1) 56(84) bytes of data.");
        for (int seq = 1; seq <= 3; seq++) {
            assertThat(out.get(seq)).matches("64 bytes from 127\\.0\\.0\\.1: icmp_seq=" + seq + " ttl=64 " + TIME);
        }
        assertThat(out.get(4)).isEmpty();
        assertThat(out.get(5)).isEqualTo("--- 127.0.0.1 ping statistics ---");
        assertThat(out.get(6)).matches("3 packets transmitted, 3 received, 0% packet loss, time \\d+ms");
        assertThat(out.get(7)).matches(RTT);
        assertThat(r.verdict()).isEqualTo(Verdict.OK);
        assertThat(r.summary()).startsWith("3/3 echo replies from 127.0.0.1, 0% packet loss");
        assertThat(r.elapsedMs()).isBetween(350L, 3000L);
        PingDetails d = (PingDetails) r.details();
        assertThat(d.transmitted()).isEqualTo(3);
        assertThat(d.received()).isEqualTo(3);
        assertThat(d.lossPercent()).isZero();
        assertThat(d.rttAvgMs()).isNotNull().isPositive();
        assertThat(d.replies()).extracting(PingDetails.Reply::seq).containsExactly(1, 2, 3);
        assertThat(d.replies()).extracting(PingDetails.Reply::ttl).containsOnly(64);
        assertThat(d.icmpBlockedButTcpAnswered()).isFalse();
    }

    @Test
    void aNameIsShownWithItsAddressAndQuietSizePatternWork() throws Exception {
        var hosts = Files.createTempFile("hosts", "");
        Files.writeString(hosts, "127.0.0.1 loopy\n");
        ProbeHarness h = new ProbeHarness(Map.of("probebook.hosts-file", hosts.toString()));
        RunResult named = h.run("ping -c 1 loopy");
        assertThat(named.output().get(0)).isEqualTo("PING loopy (127.0.0.1) 56(84) bytes of data.");
        assertThat(named.output().get(1))
                .matches("64 bytes from loopy \\(127\\.0\\.0\\.1\\): icmp_seq=1 ttl=64 " + TIME);
        assertThat(named.output()).contains("--- loopy ping statistics ---");

        RunResult quiet = harness.run("ping -q -c 2 -i 0.2 -s 100 -p ff00 127.0.0.1");
        assertThat(quiet.output().get(0)).isEqualTo("PATTERN: 0xff00");
        assertThat(quiet.output().get(1)).isEqualTo("PING 127.0.0.1 (127.0.0.1) 100(128) bytes of data.");
        assertThat(quiet.output()).noneMatch(l -> l.contains("bytes from"));
        assertThat(quiet.output()).anyMatch(l -> l.startsWith("2 packets transmitted, 2 received, 0% packet loss"));
        assertThat(quiet.verdict()).isEqualTo(Verdict.OK);
    }

    @Test
    void ipv6Loopback() throws Exception {
        Assumptions.assumeTrue(ipv6LoopbackWorks(), "no IPv6 loopback on this machine");
        RunResult r = harness.run("ping -c 2 -i 0.2 ::1");
        assertThat(r.output().get(0)).isEqualTo("PING ::1 (::1) 56 data bytes");
        assertThat(r.output().get(1)).matches("64 bytes from ::1: icmp_seq=1 ttl=64 " + TIME);
        assertThat(r.output()).contains("--- ::1 ping statistics ---");
        assertThat(r.verdict()).isEqualTo(Verdict.OK);
    }

    @Test
    void stopPrintsTheStatisticsSoFar() throws Exception {
        String line = "ping -c 50 -i 0.2 127.0.0.1";
        var recognised = ProbeRegistry.standard()
                .recognise(ShellLine.parse(line).words(), Args.Mode.RUN)
                .orElseThrow();
        CountDownLatch twoReplies = new CountDownLatch(1);
        try (ProbeRunner runner = new ProbeRunner(harness.settings(), TargetPolicy.allowAll())) {
            var handle = runner.start(new Invocation(line, recognised.command(), List.of()), new RunListener() {
                @Override
                public void line(String l) {
                    if (l.contains("icmp_seq=2 ")) {
                        twoReplies.countDown();
                    }
                }
            });
            assertThat(twoReplies.await(5, TimeUnit.SECONDS)).isTrue();
            handle.cancel();
            RunResult r = handle.await();
            assertThat(r.output()).contains("--- 127.0.0.1 ping statistics ---");
            assertThat(r.output())
                    .anyMatch(l -> l.matches("[234] packets transmitted, [234] received, 0% packet loss, time \\d+ms"));
            assertThat(r.output().get(r.output().size() - 1)).matches(RTT);
            assertThat(r.verdict()).isEqualTo(Verdict.OK);
            assertThat(r.summary()).startsWith("stopped: ");
            assertThat(r.elapsedMs()).isLessThan(3000);
        }
    }

    @Test
    void deadlineWithoutCountSendsUntilItPasses() throws Exception {
        RunResult r = harness.run("ping -w 1 -i 0.2 127.0.0.1");
        PingDetails d = (PingDetails) r.details();
        assertThat(d.transmitted()).isBetween(4, 6);
        assertThat(d.received()).isEqualTo(d.transmitted());
        assertThat(r.elapsedMs()).isBetween(900L, 2500L);
        assertThat(r.verdict()).isEqualTo(Verdict.OK);
    }

    @Test
    void fallsBackToARawSocketWhenDatagramSocketsAreRefused() throws Exception {
        PingProbe rawOnly = new PingProbe((domain, type, protocol) -> {
            if ((type & 0xf) == Libc.SOCK_DGRAM) {
                throw new LastErrorException(Libc.EACCES);
            }
            return Libc.socket(domain, type, protocol);
        });
        RunResult r = PingRuns.run(rawOnly, "ping -c 2 -i 0.2 127.0.0.1", Map.of());
        assertThat(r.verdict()).isEqualTo(Verdict.OK);
        PingDetails d = (PingDetails) r.details();
        assertThat(d.socket()).isEqualTo("raw");
        assertThat(d.replies()).extracting(PingDetails.Reply::ttl).containsOnly(64);
    }

    @Test
    void unprivilegedDatagramSocketWhereTheSysctlAllowsIt() throws Exception {
        Assumptions.assumeTrue(datagramIcmpAllowed(), "net.ipv4.ping_group_range excludes this process");
        RunResult r = harness.run("ping -c 3 -i 0.05 127.0.0.1");
        PingDetails d = (PingDetails) r.details();
        assertThat(d.socket()).isEqualTo("dgram");
        assertThat(r.output().get(1)).matches("64 bytes from 127\\.0\\.0\\.1: icmp_seq=1 ttl=64 " + TIME);
        assertThat(r.elapsedMs())
                .as("interval raised to 200 ms for unprivileged sockets")
                .isGreaterThanOrEqualTo(390L);
        assertThat(r.verdict()).isEqualTo(Verdict.OK);
    }

    private static boolean ipv6LoopbackWorks() {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getByName("::1"), 0))) {
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static boolean datagramIcmpAllowed() {
        try {
            int fd = Libc.socket(Libc.AF_INET, Libc.SOCK_DGRAM, Libc.IPPROTO_ICMP);
            Libc.close(fd);
            return true;
        } catch (LastErrorException e) {
            return false;
        }
    }
}

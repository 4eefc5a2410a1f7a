package dev.probebook.probe.ping;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.LastErrorException;
import dev.probebook.engine.RunResult;
import dev.probebook.net.ConnectAttempt;
import dev.probebook.net.Libc;
import dev.probebook.probe.Verdict;
import dev.probebook.probe.tcp.TcpDetails;
import dev.probebook.testing.LoopbackServers;
import dev.probebook.testing.ProbeHarness;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Ping paths that send no ICMP: the -p PORT form, missing privilege, unknown hosts, the target policy. */
class PingProbeTest {

    private final ProbeHarness harness = new ProbeHarness(Map.of("probebook.tcp.tcping-timeout", "500ms"));

    @Test
    void dashPWithAPortExplainsAndChecksTcpInstead() throws Exception {
        try (var server = new LoopbackServers.Open(null)) {
            RunResult r = harness.run("ping 127.0.0.1 -p " + server.port() + " -c 2 -i 0.05");
            assertThat(r.output().get(0))
                    .isEqualTo("ping: -p sets a payload pattern, not a port; ICMP has no ports. " + "Checking TCP port "
                            + server.port() + " instead:");
            assertThat(r.output())
                    .filteredOn(l -> l.startsWith("Probing"))
                    .hasSize(2)
                    .allMatch(l -> l.matches(
                            "Probing 127\\.0\\.0\\.1:" + server.port() + "/tcp - Port is open - time=\\d+\\.\\d{3}ms"));
            assertThat(r.verdict()).isEqualTo(Verdict.OK);
            assertThat(r.summary())
                    .startsWith("TCP check instead of ping -p " + server.port() + ": port " + server.port()
                            + " on 127.0.0.1 is open");
            PingDetails d = (PingDetails) r.details();
            assertThat(d.transmitted()).isZero();
            assertThat(((TcpDetails) d.tcpFallback()).attempts())
                    .extracting(ConnectAttempt::outcome)
                    .containsExactly("open", "open");
        }
    }

    @Test
    void dashPWithAClosedPortIsRefused() throws Exception {
        int closed = LoopbackServers.closedPort();
        RunResult r = harness.run("ping 127.0.0.1 -p " + closed + " -c 1");
        assertThat(r.output().get(0)).contains("Checking TCP port " + closed + " instead:");
        assertThat(r.output())
                .anyMatch(l -> l.matches("Probing 127\\.0\\.0\\.1:" + closed + "/tcp - No response - time=.*"));
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.summary()).contains("connection refused").contains("nothing listens");
    }

    @Test
    void withoutPrivilegeTheErrorSaysHowToGrantIt() throws Exception {
        List<Integer> types = new ArrayList<>();
        PingProbe unprivileged = new PingProbe((domain, type, protocol) -> {
            types.add(type & 0xf);
            throw new LastErrorException(type == (Libc.SOCK_DGRAM | Libc.SOCK_CLOEXEC) ? Libc.EACCES : Libc.EPERM);
        });
        RunResult r = PingRuns.run(unprivileged, "ping -c 1 127.0.0.1", Map.of());
        assertThat(types).as("datagram socket first, then raw").containsExactly(Libc.SOCK_DGRAM, Libc.SOCK_RAW);
        assertThat(r.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(r.output())
                .containsExactly(
                        "ping: socket: Operation not permitted",
                        "ping: => missing cap_net_raw+p capability or setuid?");
        assertThat(r.summary())
                .contains("run as root")
                .contains("sudo setcap cap_net_raw+ep $(readlink -f $(which java))")
                .contains("sudo sysctl -w net.ipv4.ping_group_range=\"0 2147483647\"");
    }

    @Test
    void ipv6DisabledIsAClearError() throws Exception {
        PingProbe noV6 = new PingProbe((domain, type, protocol) -> {
            throw new LastErrorException(Libc.EAFNOSUPPORT);
        });
        RunResult r = PingRuns.run(noV6, "ping -c 1 ::1", Map.of());
        assertThat(r.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(r.output()).containsExactly("ping: socket: Address family not supported by protocol");
        assertThat(r.summary()).contains("IPv6 is not available");
    }

    @Test
    void unknownHostFailsLikePing() throws Exception {
        var hosts = Files.createTempFile("hosts", "");
        Files.writeString(hosts, "127.0.0.1 localhost\n");
        ProbeHarness h = new ProbeHarness(Map.of(
                "probebook.hosts-file",
                hosts.toString(),
                "probebook.dns.servers",
                "127.0.0.1:" + LoopbackServers.closedPort(),
                "probebook.dns.timeout",
                "300ms"));
        RunResult r = h.run("ping -c 1 nosuchhost.invalid");
        assertThat(r.output()).containsExactly("ping: nosuchhost.invalid: Name or service not known");
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.summary()).contains("cannot resolve nosuchhost.invalid");
        RunResult family = h.run("ping -6 -c 1 localhost");
        assertThat(family.output()).containsExactly("ping: localhost: Address family for hostname not supported");
    }

    @Test
    void policyDeniesBeforeAnyPacket() throws Exception {
        RunResult r = harness.run("ping -c 1 169.254.169.254");
        assertThat(r.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(r.summary()).contains("deny 169.254.0.0/16");
    }
}

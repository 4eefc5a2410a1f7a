package dev.probebook.probe.tcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.probebook.command.Args;
import dev.probebook.command.UsageException;
import dev.probebook.engine.RunResult;
import dev.probebook.net.ConnectAttempt;
import dev.probebook.probe.Verdict;
import dev.probebook.testing.LoopbackServers;
import dev.probebook.testing.ProbeHarness;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TcpProbeTest {

    private final ProbeHarness harness = new ProbeHarness(Map.of(
            "probebook.tcp.tcping-timeout",
            "500ms",
            "probebook.tcp.connect-timeout",
            "700ms",
            "probebook.tcp.banner-wait",
            "300ms"));

    @Test
    void telnetToOpenPortPrintsTelnetLinesAndBanner() throws Exception {
        try (var server = new LoopbackServers.Open("SSH-2.0-OpenSSH_9.2\r\n")) {
            RunResult r = harness.run("telnet 127.0.0.1 " + server.port());
            assertThat(r.output())
                    .startsWith(
                            "Trying 127.0.0.1...",
                            "Connected to 127.0.0.1.",
                            "Escape character is '^]'.",
                            "SSH-2.0-OpenSSH_9.2");
            assertThat(r.verdict()).isEqualTo(Verdict.OK);
            assertThat(r.summary()).contains("something listens").contains("SSH-2.0");
            TcpDetails d = (TcpDetails) r.details();
            assertThat(d.banner()).containsExactly("SSH-2.0-OpenSSH_9.2");
            assertThat(d.attempts()).extracting(ConnectAttempt::outcome).containsExactly("open");
        }
    }

    @Test
    void telnetToClosedPortIsRefused() throws Exception {
        int port = LoopbackServers.closedPort();
        RunResult r = harness.run("telnet 127.0.0.1 " + port);
        assertThat(r.output())
                .containsExactly(
                        "Trying 127.0.0.1...",
                        "telnet: connect to address 127.0.0.1: Connection refused",
                        "telnet: Unable to connect to remote host: Connection refused");
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.summary()).contains("refused").contains("nothing listens").contains("firewall");
    }

    @Test
    void ncToDroppingListenerTimesOut() throws Exception {
        try (var drop = new LoopbackServers.Drop()) {
            RunResult r = harness.run("nc -zv -w 1 127.0.0.1 " + drop.port());
            assertThat(r.output())
                    .containsExactly("nc: connect to 127.0.0.1 port " + drop.port()
                            + " (tcp) timed out: Operation now in progress");
            assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
            assertThat(r.summary()).contains("SYN was dropped");
            assertThat(r.elapsedMs()).isBetween(900L, 5000L);
        }
    }

    @Test
    void ncOpenAndRefused() throws Exception {
        try (var server = new LoopbackServers.Open(null)) {
            RunResult open = harness.run("nc -zv 127.0.0.1 " + server.port());
            assertThat(open.output())
                    .singleElement()
                    .asString()
                    .matches("Connection to 127\\.0\\.0\\.1 " + server.port() + " port \\[tcp/[^]]+] succeeded!");
            assertThat(open.verdict()).isEqualTo(Verdict.OK);
        }
        int closed = LoopbackServers.closedPort();
        RunResult refused = harness.run("nc -z -v 127.0.0.1 " + closed);
        assertThat(refused.output())
                .containsExactly("nc: connect to 127.0.0.1 port " + closed + " (tcp) failed: Connection refused");
        assertThat(refused.verdict()).isEqualTo(Verdict.FAIL);
    }

    /**
     * A harness whose names come from a hosts file that knows only localhost, and whose DNS server is a closed
     * loopback port: no name ever reaches the machine's own resolver.
     */
    private static ProbeHarness namesFromAHostsFileOnly(String key, String value) throws IOException {
        var hostsFile = Files.createTempFile("hosts", "");
        Files.writeString(hostsFile, "127.0.0.1 localhost\n");
        return new ProbeHarness(Map.of(
                "probebook.hosts-file",
                hostsFile.toString(),
                "probebook.dns.servers",
                "127.0.0.1:" + LoopbackServers.closedPort(),
                key,
                value));
    }

    @Test
    void ncNamesAHostByNameWithTheAddressItTried() throws Exception {
        ProbeHarness h = namesFromAHostsFileOnly("probebook.tcp.connect-timeout", "700ms");
        try (var server = new LoopbackServers.Open(null)) {
            assertThat(h.run("nc -zv localhost " + server.port()).output())
                    .singleElement()
                    .asString()
                    .startsWith("Connection to localhost (127.0.0.1) " + server.port() + " port [tcp/");
        }
        int closed = LoopbackServers.closedPort();
        assertThat(h.run("nc -zv localhost " + closed).output())
                .containsExactly(
                        "nc: connect to localhost (127.0.0.1) port " + closed + " (tcp) failed: Connection refused");
    }

    @Test
    void ipv6AddressesArePrintedInTheirShortForm() throws Exception {
        java.net.ServerSocket v6;
        try {
            v6 = new java.net.ServerSocket(0, 5, java.net.InetAddress.getByName("::1"));
        } catch (IOException e) {
            org.junit.jupiter.api.Assumptions.abort("no IPv6 loopback here: " + e.getMessage());
            return;
        }
        try (v6) {
            int port = v6.getLocalPort();
            assertThat(harness.run("telnet ::1 " + port).output()).startsWith("Trying ::1...", "Connected to ::1.");
            assertThat(harness.run("tcping -n 1 ::1 " + port).output())
                    .anyMatch(l -> l.startsWith("Probing [::1]:" + port + "/tcp - Port is open"));
        }
    }

    @Test
    void tcpingCountsProbesLikeTcpingExe() throws Exception {
        try (var server = new LoopbackServers.Open(null)) {
            RunResult r = harness.run("tcping -n 2 -i 0.05 127.0.0.1 " + server.port());
            assertThat(r.output())
                    .filteredOn(l -> l.startsWith("Probing"))
                    .hasSize(2)
                    .allMatch(l -> l.matches("Probing 127\\.0\\.0\\.1:\\d+/tcp - Port is open - time=\\d+\\.\\d{3}ms"));
            assertThat(r.output()).contains("     2 probes sent.", "     2 successful, 0 failed.  (0.00% fail)");
            assertThat(r.verdict()).isEqualTo(Verdict.OK);
        }
        int closed = LoopbackServers.closedPort();
        RunResult r = harness.run("tcping -n 1 127.0.0.1 " + closed);
        assertThat(r.output()).anyMatch(l -> l.contains("- No response -"));
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.summary()).contains("refused");
    }

    @Test
    void unknownHostFromHostsFileMissIsAClearFailure() throws Exception {
        ProbeHarness h = namesFromAHostsFileOnly("probebook.dns.timeout", "300ms");
        RunResult r = h.run("telnet no-such-host.invalid 80");
        assertThat(r.output())
                .containsExactly("telnet: could not resolve no-such-host.invalid/80: Name or service not known");
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void policyDeniesMetadataAddress() throws Exception {
        RunResult r = harness.run("nc -zv -w 1 169.254.169.254 80");
        assertThat(r.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(r.summary()).contains("deny 169.254.0.0/16");
    }

    @Test
    void badInputGivesClearErrors() {
        TcpProbe probe = new TcpProbe();
        assertThatThrownBy(() -> probe.parse("telnet", Args.run(List.of("host", "99999"))))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("out of range");
        assertThatThrownBy(() -> probe.parse("nc", Args.run(List.of("-zq", "h", "80"))))
                .hasMessageContaining("unknown option -q");
        assertThatThrownBy(() -> probe.parse("nc", Args.run(List.of("-zv", "h"))))
                .hasMessageContaining("missing port");
        assertThatThrownBy(() -> probe.parse("tcping", Args.run(List.of("https://example.com"))))
                .hasMessageContaining("give only the host name");
    }
}

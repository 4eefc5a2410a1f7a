package dev.probebook.probe.tcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.probebook.command.UsageException;
import dev.probebook.engine.RunResult;
import dev.probebook.probe.Verdict;
import dev.probebook.testing.LoopbackServers;
import dev.probebook.testing.ProbeHarness;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * nmap's connect scan against loopback: a listener (open), ports where nothing listens (closed: RST), and a listener
 * whose accept queue is full (filtered: the kernel drops the SYN). Lines as nmap 7.93 printed them for {@code -sT -n}
 * scans of 127.0.0.1 here.
 */
class NmapProbeTest {

    private final ProbeHarness harness = new ProbeHarness(Map.of(
            "probebook.tcp.scan-timeout", "400ms",
            "probebook.dns.servers", "127.0.0.1:1",
            "probebook.dns.timeout", "200ms"));

    /** Ports on 127.0.0.1 where nothing listens right now (each was free to bind). */
    private static List<Integer> closedPorts(int n) throws IOException {
        List<Integer> ports = new ArrayList<>();
        List<ServerSocket> held = new ArrayList<>();
        try {
            while (ports.size() < n) {
                ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
                held.add(s);
                ports.add(s.getLocalPort());
            }
        } finally {
            for (ServerSocket s : held) {
                s.close();
            }
        }
        return ports.stream().sorted().toList();
    }

    @Test
    void openAndClosedPortsAreListedInAPortStateServiceTable() throws Exception {
        try (LoopbackServers.Open listener = new LoopbackServers.Open(null)) {
            int open = listener.port();
            int closed = closedPorts(1).getFirst();
            RunResult r = harness.run("nmap -sT -n -p " + open + "," + closed + " 127.0.0.1");

            List<String> lines = r.output();
            assertThat(lines.getFirst())
                    .matches("Starting Nmap \\(Probebook's TCP connect scan\\) at"
                            + " \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC");
            String portHeader =
                    "PORT" + " ".repeat(String.valueOf(Math.max(open, closed)).length() + 4 - 4 + 1);
            assertThat(lines.subList(1, lines.size()))
                    .startsWith("Nmap scan report for 127.0.0.1")
                    .contains("", portHeader + "STATE  SERVICE");
            assertThat(lines.get(2)).matches("Host is up \\(0\\.0*\\d{1,2}s latency\\)\\.");
            assertThat(lines).contains(row(open, "open  "), row(closed, "closed"));
            assertThat(lines.getLast())
                    .matches("Nmap done: 1 IP address \\(1 host up\\) scanned in \\d+\\.\\d\\d seconds");

            assertThat(r.verdict()).isEqualTo(Verdict.WARN);
            assertThat(r.summary())
                    .isEqualTo("1 of 2 ports open on 127.0.0.1: [" + open + "]. Closed (nothing listens, or a firewall"
                            + " rejects): [" + closed + "]");
        }
    }

    private static String row(int port, String state) {
        return port + "/tcp " + state + " unknown";
    }

    @Test
    void aSilentPortIsFilteredAndAHostWhereNothingAnswersSeemsDown() throws Exception {
        try (LoopbackServers.Drop drop = new LoopbackServers.Drop()) {
            int closed = closedPorts(1).getFirst();
            RunResult r = harness.run("nmap -Pn -p " + drop.port() + "," + closed + " 127.0.0.1");
            assertThat(r.output()).anyMatch(l -> l.matches(drop.port() + "/tcp +filtered unknown"));
            assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
            assertThat(r.summary())
                    .contains("0 of 2 ports open on 127.0.0.1: []")
                    .contains(". Filtered (the SYN is dropped on the way, or the host is down): [" + drop.port() + "]");

            RunResult down = harness.run("nmap -p " + drop.port() + " 127.0.0.1");
            assertThat(down.output().get(1))
                    .isEqualTo("Note: Host seems down. If it is really up, but blocking our ping probes, try -Pn");
            assertThat(down.output().getLast()).startsWith("Nmap done: 1 IP address (0 hosts up) scanned in");
            assertThat(down.verdict()).isEqualTo(Verdict.FAIL);
            assertThat(down.summary()).startsWith("no answer from 127.0.0.1 port " + drop.port() + " within");
        }
    }

    @Test
    void moreThanTwentyFivePortsInOneStateAreFoldedAsNmapFoldsThem() throws Exception {
        List<Integer> closed = closedPorts(26);
        String list = closed.stream().map(String::valueOf).collect(Collectors.joining(","));
        RunResult all = harness.run("nmap -p " + list + " 127.0.0.1");
        assertThat(all.output())
                .containsSubsequence(
                        "Nmap scan report for 127.0.0.1",
                        "All 26 scanned ports on 127.0.0.1 are in ignored states.",
                        "Not shown: 26 closed tcp ports (conn-refused)",
                        "");
        assertThat(all.output()).noneMatch(l -> l.startsWith("PORT"));

        try (LoopbackServers.Open listener = new LoopbackServers.Open(null)) {
            RunResult openOnly =
                    harness.run("nmap --open -p " + closed.getFirst() + "," + listener.port() + " 127.0.0.1");
            int at = openOnly.output().indexOf("Not shown: 1 closed tcp port (conn-refused)");
            assertThat(at).isPositive();
            assertThat(openOnly.output().get(at + 1)).startsWith("PORT ");
            assertThat(openOnly.output()).noneMatch(l -> l.contains("closed unknown"));
        }
    }

    @Test
    void oneOpenPortHasTheTcpVerdict() throws Exception {
        try (LoopbackServers.Open listener = new LoopbackServers.Open(null)) {
            RunResult r = harness.run("nmap -p " + listener.port() + " 127.0.0.1");
            assertThat(r.verdict()).isEqualTo(Verdict.OK);
            assertThat(r.summary())
                    .isEqualTo("port " + listener.port() + " on 127.0.0.1 is open: something listens and the path is"
                            + " allowed");
        }
    }

    @Test
    void scansBeyondTheCapAndOtherProtocolsAreUsageErrors() {
        assertThatThrownBy(() -> harness.run("nmap 127.0.0.1"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("give the ports with -p");
        assertThatThrownBy(() -> harness.run("nmap -p- 127.0.0.1")).hasMessageContaining("all 65,535 ports");
        assertThatThrownBy(() -> harness.run("nmap -p 1-1000 127.0.0.1"))
                .hasMessageContaining("port range 1-1000 has 1000 ports; Probebook scans at most 100");
        assertThatThrownBy(() -> harness.run("nmap -sU -p 53 127.0.0.1")).hasMessageContaining("UDP scans");
        assertThatThrownBy(() -> harness.run("nmap -p 80 10.0.0.0/24")).hasMessageContaining("one host at a time");
        assertThatThrownBy(() -> harness.run("nmap -A -p 80 127.0.0.1")).hasMessageContaining("unsupported option -A");
    }

    @Test
    void latencyIsPrintedWithTwoSignificantDigitsAsNmapDoes() {
        assertThat(NmapProbe.twoDigits(0.000053)).isEqualTo("0.000053");
        assertThat(NmapProbe.twoDigits(0.000004)).isEqualTo("0.0000040");
        assertThat(NmapProbe.twoDigits(0.000123)).isEqualTo("0.00012");
    }
}

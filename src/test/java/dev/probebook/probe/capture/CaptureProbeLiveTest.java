package dev.probebook.probe.capture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.probebook.command.Services;
import dev.probebook.engine.RunResult;
import dev.probebook.probe.Verdict;
import dev.probebook.testing.LiveRun;
import dev.probebook.testing.LoopbackServers;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Live captures on {@code lo} through libpcap while the test makes real loopback connections. Needs root
 * (or CAP_NET_RAW) and libpcap; the capture runs in the background through the engine, the test waits for
 * "listening on" before it connects.
 */
@Tag("privileged")
class CaptureProbeLiveTest {

    private static final String TIME = "\\d{2}:\\d{2}:\\d{2}\\.\\d{6} ";

    @TempDir
    Path tmp;

    private Map<String, String> props(String... keyValues) throws IOException {
        Path hosts = tmp.resolve("hosts");
        if (!Files.exists(hosts)) {
            Files.writeString(hosts, "127.0.0.1 loopy\n");
        }
        Map<String, String> p = new HashMap<>(Map.of(
                "probebook.hosts-file",
                hosts.toString(),
                "probebook.data-dir",
                tmp.resolve("data").toString(),
                "probebook.capture.max-duration",
                "10s",
                "probebook.dns.servers",
                "127.0.0.1:" + LoopbackServers.closedPort(),
                "probebook.dns.timeout",
                "300ms"));
        for (int i = 0; i < keyValues.length; i += 2) {
            p.put(keyValues[i], keyValues[i + 1]);
        }
        return p;
    }

    /** Connects and closes; refused and timed-out connects are what some tests want. */
    private static void connect(String host, int port, int timeoutMs) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), timeoutMs);
        } catch (IOException expected) {
            // refused or timed out: the packets are what the test looks at
        }
    }

    private static List<String> packetLines(RunResult r) {
        return r.output().stream().filter(l -> l.matches(TIME + "IP6? .*")).toList();
    }

    @Test
    void openListenerCompletesTheHandshake() throws Exception {
        try (var server = new LoopbackServers.Open(null);
                var run = LiveRun.listening(props(), "tcpdump -i lo -nn -c 3 tcp port " + server.port())) {
            connect("127.0.0.1", server.port(), 2000);
            RunResult r = run.await();
            int p = server.port();
            assertThat(r.output().get(0))
                    .isEqualTo("tcpdump: verbose output suppressed, use -v[v]... for full protocol decode");
            assertThat(r.output().get(1))
                    .isEqualTo("listening on lo, link-type EN10MB (Ethernet), snapshot length 262144 bytes");
            assertThat(r.output().get(2))
                    .matches(TIME + "IP 127\\.0\\.0\\.1\\.\\d+ > 127\\.0\\.0\\.1\\." + p + ": Flags \\[S], seq \\d+, "
                            + "win \\d+, options \\[mss \\d+,sackOK,TS val \\d+ ecr 0,nop,wscale \\d+], length 0");
            assertThat(r.output().get(3))
                    .matches(
                            TIME + "IP 127\\.0\\.0\\.1\\." + p + " > 127\\.0\\.0\\.1\\.\\d+: Flags \\[S\\.], seq \\d+, "
                                    + "ack \\d+, win \\d+, options \\[mss \\d+,sackOK,TS val \\d+ ecr \\d+,nop,wscale \\d+], length 0");
            assertThat(r.output().get(4))
                    .matches(TIME + "IP 127\\.0\\.0\\.1\\.\\d+ > 127\\.0\\.0\\.1\\." + p + ": Flags \\[\\.], ack 1, "
                            + "win \\d+, options \\[nop,nop,TS val \\d+ ecr \\d+], length 0");
            assertThat(r.output().subList(5, r.output().size()))
                    .hasSize(3)
                    .startsWith("3 packets captured")
                    .contains("0 packets dropped by kernel")
                    .anyMatch(l -> l.matches("\\d+ packets? received by filter"));
            assertThat(r.verdict()).isEqualTo(Verdict.OK);
            assertThat(r.summary()).contains("handshake completed").contains("127.0.0.1:" + p);
            CaptureDetails d = (CaptureDetails) r.details();
            assertThat(d.iface()).isEqualTo("lo");
            assertThat(d.stopReason()).isEqualTo("count");
            assertThat(d.packets()).extracting(CaptureDetails.Packet::flags).containsExactly("S", "S.", ".");
            assertThat(d.connections()).singleElement().satisfies(c -> {
                assertThat(c.server()).isEqualTo("127.0.0.1:" + p);
                assertThat(c.established()).isTrue();
                assertThat(c.outcome()).isEqualTo("established");
            });
        }
    }

    @Test
    void dashXPrintsEachPacketsBytesUnderItsLine() throws Exception {
        try (var server = new LoopbackServers.Open(null);
                var run = LiveRun.listening(props(), "tcpdump -i lo -nn -X -c 1 tcp port " + server.port())) {
            connect("127.0.0.1", server.port(), 2000);
            RunResult r = run.await();
            int syn = r.output().indexOf(packetLines(r).getFirst());
            assertThat(r.output().get(syn + 1)).matches("\t0x0000:  45[0-9a-f]{2}( [0-9a-f]{4}){7}  E.{15}");
            assertThat(r.output().get(syn + 2)).startsWith("\t0x0010:  7f00 0001 ");
        }
    }

    @Test
    void closedPortIsRefusedAndNamesComeFromTheHostsFile() throws Exception {
        int p = LoopbackServers.closedPort();
        String service = Services.tcpName(p) != null ? Services.tcpName(p) : String.valueOf(p);
        // "loopy" is a name from the configured hosts file: resolved by Probebook, not by libpcap
        try (var run = LiveRun.listening(props(), "tcpdump -i lo -c 2 host loopy and tcp port " + p)) {
            connect("127.0.0.1", p, 2000);
            RunResult r = run.await();
            List<String> packets = packetLines(r);
            assertThat(packets.get(0))
                    .matches(TIME + "IP loopy\\.\\S+ > loopy\\." + service + ": Flags \\[S], seq \\d+, .*");
            assertThat(packets.get(1))
                    .matches(TIME + "IP loopy\\." + service
                            + " > loopy\\.\\S+: Flags \\[R\\.], seq 0, ack \\d+, win 0, length 0");
            assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
            assertThat(r.summary())
                    .contains("127.0.0.1:" + p + " answered the SYN from 127.0.0.1:")
                    .contains("with RST: connection refused")
                    .contains("nothing listens on port " + p);
            CaptureDetails d = (CaptureDetails) r.details();
            assertThat(d.connections()).singleElement().satisfies(c -> {
                assertThat(c.outcome()).isEqualTo("refused");
                assertThat(c.rstFrom()).isEqualTo("server");
            });
        }
    }

    @Test
    void ipv6LoopbackRefused() throws Exception {
        int p = LoopbackServers.closedPort();
        try (var run = LiveRun.listening(props(), "tcpdump -i lo -nn -c 2 ip6 and tcp port " + p)) {
            connect("::1", p, 2000);
            RunResult r = run.await();
            assertThat(packetLines(r).get(0))
                    .matches(TIME + "IP6 ::1\\.\\d+ > ::1\\." + p + ": Flags \\[S], seq \\d+, .*");
            assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
            assertThat(r.summary()).contains("[::1]:" + p + " answered the SYN from [::1]:");
        }
    }

    @Test
    void droppedSynsAreRetransmittedWithoutReply() throws Exception {
        try (var drop = new LoopbackServers.Drop();
                var run = LiveRun.listening(
                        props("probebook.capture.max-duration", "2500ms"),
                        "tcpdump -i lo -nn tcp port " + drop.port())) {
            connect("127.0.0.1", drop.port(), 1500); // the kernel retransmits the SYN after 1 s
            RunResult r = run.await();
            assertThat(packetLines(r))
                    .filteredOn(l -> l.contains("> 127.0.0.1." + drop.port() + ": Flags [S]"))
                    .hasSizeGreaterThanOrEqualTo(2);
            assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
            assertThat(r.summary())
                    .contains(" to 127.0.0.1:" + drop.port() + " retransmitted")
                    .contains("with no reply")
                    .contains("a firewall drops it");
            CaptureDetails d = (CaptureDetails) r.details();
            assertThat(d.stopReason()).isEqualTo("max-duration");
            assertThat(d.connections())
                    .filteredOn(c -> c.outcome().equals("dropped"))
                    .singleElement()
                    .satisfies(c -> assertThat(c.synCount()).isGreaterThanOrEqualTo(2));
        }
    }

    @Test
    void noTrafficWarnsAfterTheMaxDuration() throws Exception {
        int p = LoopbackServers.closedPort();
        try (var run = LiveRun.listening(
                props("probebook.capture.max-duration", "700ms"), "tcpdump -i lo -nn tcp port " + p)) {
            RunResult r = run.await();
            assertThat(r.output())
                    .contains("tcpdump: stopped after 700ms (probebook.capture.max-duration)", "0 packets captured");
            assertThat(r.verdict()).isEqualTo(Verdict.WARN);
            assertThat(r.summary())
                    .startsWith("no packets matched: nothing was sent to that host during the capture, "
                            + "or the filter or interface is wrong");
            assertThat(r.elapsedMs()).isBetween(600L, 5000L);
        }
    }

    @Test
    void stopKeepsThePacketsCaughtSoFar() throws Exception {
        try (var server = new LoopbackServers.Open(null);
                var run = LiveRun.listening(
                        props("probebook.capture.max-duration", "20s"),
                        "tcpdump -i lo -nn tcp port " + server.port())) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", server.port()), 2000);
                run.awaitLines(l -> l.contains("Flags ["), 3, Duration.ofSeconds(5));
                run.cancel();
                RunResult r = run.await();
                assertThat(r.summary()).startsWith("stopped: ").contains("handshake completed");
                assertThat(r.verdict()).isEqualTo(Verdict.OK);
                assertThat(r.output()).anyMatch(l -> l.matches("\\d+ packets captured"));
                assertThat(r.elapsedMs()).isLessThan(10_000L);
                CaptureDetails d = (CaptureDetails) r.details();
                assertThat(d.stopReason()).isEqualTo("stopped");
                assertThat(d.packets()).hasSizeGreaterThanOrEqualTo(3);
                assertThat(d.captured()).isEqualTo(d.packets().size());
            }
        }
    }

    @Test
    void missingInterfaceListsTheRealOnes() throws Exception {
        try (var run = LiveRun.start(props(), "tcpdump -i eho0 host 127.0.0.1 -nn")) {
            RunResult r = run.await();
            assertThat(r.output().get(0)).isEqualTo("tcpdump: eho0: No such device exists");
            assertThat(r.output()).anyMatch(l -> l.matches("\\d+\\.lo \\[Up, Running, Loopback]"));
            assertThat(r.verdict()).isEqualTo(Verdict.ERROR);
            assertThat(r.summary()).contains("interface eho0 does not exist").contains("lo");
        }
    }

    @Test
    void writeGoesToTheDataDirectoryNotTheGivenPath() throws Exception {
        int p = LoopbackServers.closedPort();
        Path userPath = tmp.resolve("elsewhere").resolve("user.pcap");
        try (var run = LiveRun.listening(props(), "tcpdump -i lo -nn -c 2 -w " + userPath + " tcp port " + p)) {
            connect("127.0.0.1", p, 2000);
            RunResult r = run.await();
            CaptureDetails d = (CaptureDetails) r.details();
            Path saved = Path.of(d.savedFile());
            assertThat(userPath).doesNotExist();
            assertThat(userPath.getParent()).doesNotExist();
            assertThat(saved.getParent())
                    .isEqualTo(tmp.resolve("data").resolve("captures").toAbsolutePath());
            assertThat(saved.getFileName().toString()).matches("capture-\\d{8}-\\d{6}-[0-9a-f]{6}\\.pcap");
            assertThat(pcapRecords(saved)).isEqualTo(2);
            // raw packets, written as root: for the owner only
            assertThat(Files.getPosixFilePermissions(saved)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThat(Files.getPosixFilePermissions(saved.getParent()))
                    .isEqualTo(PosixFilePermissions.fromString("rwx------"));
            assertThat(r.output())
                    .noneMatch(l -> l.contains("Flags ["))
                    .contains(
                            "tcpdump: listening on lo, link-type EN10MB (Ethernet), snapshot length 262144 bytes",
                            "2 packets captured")
                    .anyMatch(l -> l.startsWith("tcpdump: writing packets to " + saved));
            assertThat(r.summary()).contains(saved.toString());
            assertThat(r.verdict()).isEqualTo(Verdict.FAIL); // the packets are still judged: refused
        }
    }

    @Test
    void writeStopsAtTheMaxBytes() throws Exception {
        int p = LoopbackServers.closedPort();
        // file header 24 + SYN (16 + 74) fits in 150 bytes, the RST (16 + 54) does not
        try (var run = LiveRun.listening(
                props("probebook.capture.max-bytes", "150"), "tcpdump -i lo -nn -w x.pcap tcp port " + p)) {
            connect("127.0.0.1", p, 2000);
            RunResult r = run.await();
            CaptureDetails d = (CaptureDetails) r.details();
            assertThat(d.stopReason()).isEqualTo("max-bytes");
            assertThat(d.captured()).isEqualTo(1);
            assertThat(Files.size(Path.of(d.savedFile()))).isLessThanOrEqualTo(150);
            assertThat(r.output()).anyMatch(l -> l.contains("probebook.capture.max-bytes"));
        }
    }

    @Test
    void anyInterfaceUsesTheCookedLinkType() throws Exception {
        int p = LoopbackServers.closedPort();
        try (var run = LiveRun.listening(props(), "tcpdump -i any -nn -c 2 tcp port " + p)) {
            connect("127.0.0.1", p, 2000);
            RunResult r = run.await();
            assertThat(r.output())
                    .contains("listening on any, link-type LINUX_SLL (Linux cooked v1), snapshot length 262144 bytes");
            assertThat(packetLines(r).get(0))
                    .matches(TIME + "IP 127\\.0\\.0\\.1\\.\\d+ > 127\\.0\\.0\\.1\\." + p + ": Flags \\[S], .*");
            assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        }
    }

    @Test
    void badFilterIsReportedByLibpcap() throws Exception {
        try (var run = LiveRun.start(props(), "tcpdump -i lo 'host and'")) {
            RunResult r = run.await();
            assertThat(r.output()).containsExactly("tcpdump: can't parse filter expression: syntax error");
            assertThat(r.verdict()).isEqualTo(Verdict.ERROR);
            assertThat(r.summary()).contains("'host and' is not valid pcap-filter syntax");
        }
        try (var run = LiveRun.start(props(), "tcpdump -i lo host no-such-host.invalid")) {
            RunResult r = run.await();
            assertThat(r.output()).containsExactly("tcpdump: unknown host 'no-such-host.invalid'");
            assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        }
    }

    @Test
    void listInterfaces() throws Exception {
        try (var run = LiveRun.start(props(), "tcpdump -D")) {
            RunResult r = run.await();
            assertThat(r.output()).anyMatch(l -> l.matches("\\d+\\.lo \\[Up, Running, Loopback]"));
            assertThat(r.verdict()).isEqualTo(Verdict.OK);
        }
    }

    /** Counts the records of a pcap file, checking its magic number. */
    private static int pcapRecords(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file));
        int magic = b.order(ByteOrder.LITTLE_ENDIAN).getInt(0);
        if (magic != 0xa1b2c3d4) {
            b.order(ByteOrder.BIG_ENDIAN);
            assertThat(b.getInt(0)).isEqualTo(0xa1b2c3d4);
        }
        int records = 0;
        int at = 24;
        while (at + 16 <= b.limit()) {
            int caplen = b.getInt(at + 8);
            at += 16 + caplen;
            records++;
        }
        assertThat(at).isEqualTo(b.limit());
        return records;
    }
}

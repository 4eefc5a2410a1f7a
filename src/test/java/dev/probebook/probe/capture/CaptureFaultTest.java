package dev.probebook.probe.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.probebook.engine.RunResult;
import dev.probebook.probe.Verdict;
import dev.probebook.testing.LiveRun;
import dev.probebook.testing.LoopbackServers;
import dev.probebook.testing.ProbeThreads;
import dev.probebook.testing.VirtualInterface;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapNetworkInterface;
import org.pcap4j.core.Pcaps;

/**
 * The capture interface is deleted while tcpdump runs on it. The capture must end at once with tcpdump's
 * error line, keep (print, judge, save) the packets caught so far, and leave no thread behind; it used to
 * poll the dead handle silently until {@code probebook.capture.max-duration}.
 *
 * <p>Needs root and {@code ip} (skipped otherwise). The interface has no address; the test puts SYN frames
 * 127.0.0.1 -> 127.0.0.1 on it with a second pcap handle, so nothing leaves this machine.
 */
@Tag("privileged")
@Timeout(60)
class CaptureFaultTest {

    private static final String IFACE = "pbfault0";
    private static final String TIME = "\\d{2}:\\d{2}:\\d{2}\\.\\d{6} ";

    @TempDir
    Path tmp;

    private VirtualInterface vif;
    private int port;
    private Map<String, String> props;

    @BeforeEach
    void createInterface() throws Exception {
        assumeTrue(VirtualInterface.canCreate(), "needs root and the ip command");
        vif = VirtualInterface.create(IFACE);
        port = LoopbackServers.closedPort();
        Path hosts = tmp.resolve("hosts");
        Files.writeString(hosts, "127.0.0.1 localhost\n");
        // a long max-duration: ending near it would be the old silent wait, not the fix
        props = Map.of(
                "probebook.hosts-file",
                hosts.toString(),
                "probebook.data-dir",
                tmp.resolve("data").toString(),
                "probebook.capture.max-duration",
                "20s");
    }

    @AfterEach
    void deleteInterface() throws Exception {
        if (vif != null) {
            vif.close();
        }
    }

    private byte[] syn() {
        return TestPackets.tcp4(
                "127.0.0.1", 40000, "127.0.0.1", port, 1000, 0, 0x02, 65495, TestPackets.SYN_OPTIONS, 0);
    }

    /** Puts frames on the interface with a handle of its own: the capture sees them as sent there. */
    private static void send(byte[] frame, int times) throws Exception {
        PcapNetworkInterface nif = Pcaps.getDevByName(IFACE);
        try (PcapHandle out = nif.openLive(65536, PcapNetworkInterface.PromiscuousMode.NONPROMISCUOUS, 10)) {
            for (int i = 0; i < times; i++) {
                out.sendPacket(frame);
            }
        }
    }

    /** Deletes the interface once the capture has printed {@code packets} packets; returns the result and how long it took to end. */
    private RunResult deleteMidCapture(LiveRun run, int packets, String seen) throws Exception {
        run.awaitLines(l -> l.contains(seen), packets, Duration.ofSeconds(5));
        long start = System.nanoTime();
        vif.delete();
        RunResult r = run.await();
        assertThat((System.nanoTime() - start) / 1_000_000)
                .as("ends at once, not at max-duration")
                .isLessThan(3000L);
        assertThat(vif.exists()).isFalse();
        assertThat(r.output()).noneMatch(l -> l.contains("Exception") || l.startsWith("\tat "));
        return r;
    }

    @Test
    void deletedInterfaceEndsTheCaptureAtOnceKeepingThePacketsCaught() throws Exception {
        Set<Thread> before = ProbeThreads.busy().keySet();
        try (var run = LiveRun.listening(props, "tcpdump -i " + IFACE + " -nn -c 100 tcp port " + port)) {
            send(syn(), 3);
            RunResult r = deleteMidCapture(run, 3, "Flags [S]");
            List<String> out = r.output();
            assertThat(out.get(1))
                    .isEqualTo("listening on " + IFACE + ", link-type EN10MB (Ethernet), snapshot length 262144 bytes");
            assertThat(out.subList(2, 5))
                    .allMatch(l -> l.matches(TIME + "IP 127\\.0\\.0\\.1\\.40000 > 127\\.0\\.0\\.1\\." + port
                            + ": Flags \\[S], seq 1000, .*"));
            assertThat(out.subList(5, out.size())).hasSize(4);
            assertThat(out.subList(5, 7))
                    .containsExactly("tcpdump: pcap_loop: The interface disappeared", "3 packets captured");
            // the kernel's own counts, as tcpdump prints them: the filter may have taken packets (the sent frames
            // seen again on their way out) that the capture never read before the interface went away
            assertThat(out.get(7)).matches("\\d+ packets received by filter");
            assertThat(Integer.parseInt(out.get(7).split(" ")[0])).isGreaterThanOrEqualTo(3);
            assertThat(out.get(8)).isEqualTo("0 packets dropped by kernel");
            assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
            assertThat(r.summary())
                    .startsWith("the capture on " + IFACE + " broke off: The interface disappeared (libpcap). "
                            + "What it caught before: SYN from 127.0.0.1:40000 to 127.0.0.1:" + port
                            + " retransmitted 2 times with no reply");
            CaptureDetails d = (CaptureDetails) r.details();
            assertThat(d.stopReason()).isEqualTo("error");
            assertThat(d.captured()).isEqualTo(3);
            assertThat(d.packets()).extracting(CaptureDetails.Packet::flags).containsExactly("S", "S", "S");
        }
        ProbeThreads.awaitIdle(before, Duration.ofSeconds(1));
    }

    @Test
    void deletedInterfaceKeepsTheWrittenFile() throws Exception {
        try (var run = LiveRun.listening(props, "tcpdump -i " + IFACE + " -nn -w x.pcap tcp port " + port)) {
            send(syn(), 1);
            // -w prints no packet lines: wait until the kernel has handed the frame over, then delete
            Thread.sleep(300);
            RunResult r = deleteMidCapture(run, 1, "listening on");
            CaptureDetails d = (CaptureDetails) r.details();
            assertThat(r.output()).contains("tcpdump: pcap_loop: The interface disappeared", "1 packet captured");
            assertThat(d.stopReason()).isEqualTo("error");
            assertThat(Files.size(Path.of(d.savedFile())))
                    .isEqualTo(CaptureFile.FILE_HEADER + CaptureFile.RECORD_HEADER + syn().length);
            assertThat(r.summary())
                    .startsWith("the capture on " + IFACE + " broke off: The interface disappeared (libpcap).")
                    .endsWith(". Saved 1 packet to " + d.savedFile());
        }
    }
}

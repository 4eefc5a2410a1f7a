package dev.probebook.probe.capture;

import static dev.probebook.probe.capture.DecodedPacket.Tcp.ACK;
import static dev.probebook.probe.capture.DecodedPacket.Tcp.RST;
import static dev.probebook.probe.capture.DecodedPacket.Tcp.SYN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.probebook.engine.RunResult;
import dev.probebook.probe.Verdict;
import dev.probebook.testing.ProbeHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pcap4j.core.PcapDumper;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.Pcaps;
import org.pcap4j.packet.namednumber.DataLinkType;

/**
 * tcpdump -r of captures saved under the data directory: written here with libpcap's own dumper (as a -w capture
 * writes them), from hand-made frames: a refused connection to 10.0.0.5:443 and a completed one to port 80.
 */
class SavedCaptureTest {

    private static final Instant T0 = Instant.parse("2026-12-07T03:00:00Z");
    private static final byte[] NONE = new byte[0];
    private static final String TIME = "\\d{2}:\\d{2}:\\d{2}\\.\\d{6} ";

    @TempDir
    Path tmp;

    private Path data;
    private ProbeHarness harness;

    @BeforeEach
    void setUp() throws Exception {
        data = tmp.resolve("data");
        Files.writeString(tmp.resolve("hosts"), "127.0.0.1 localhost\n");
        harness = new ProbeHarness(Map.of(
                "probebook.data-dir",
                data.toString(),
                "probebook.hosts-file",
                tmp.resolve("hosts").toString()));
    }

    /** Saves frames as a -w of {@code requested} would have, at {@code when}; returns the file. */
    private Path save(String requested, Instant when, List<byte[]> frames) throws Exception {
        Path file = CaptureFile.newPath(data, when, java.time.ZoneOffset.UTC);
        Files.createDirectories(file.getParent());
        try (PcapHandle dead = Pcaps.openDead(DataLinkType.EN10MB, 262144)) {
            PcapDumper dumper = dead.dumpOpen(file.toString());
            long at = 0;
            for (byte[] frame : frames) {
                dumper.dumpRaw(frame, Timestamp.from(T0.plusMillis(at += 2)));
            }
            dumper.close();
        }
        CaptureFile.recordRequestedName(file, requested);
        return file;
    }

    private static List<byte[]> refusedThenCompleted() {
        return List.of(
                TestPackets.tcp4("10.0.0.1", 40000, "10.0.0.5", 443, 1000, 0, SYN, 64240, TestPackets.SYN_OPTIONS, 0),
                TestPackets.tcp4("10.0.0.5", 443, "10.0.0.1", 40000, 0, 1001, RST | ACK, 0, NONE, 0),
                TestPackets.tcp4("10.0.0.1", 40002, "10.0.0.5", 80, 5000, 0, SYN, 64240, TestPackets.SYN_OPTIONS, 0),
                TestPackets.tcp4("10.0.0.5", 80, "10.0.0.1", 40002, 9000, 5001, SYN | ACK, 65160, NONE, 0),
                TestPackets.tcp4("10.0.0.1", 40002, "10.0.0.5", 80, 5001, 9001, ACK, 502, NONE, 0));
    }

    @Test
    void readsTheNewestCaptureSavedForThatNameAndJudgesItsConnections() throws Exception {
        save(
                "/tmp/web.pcap",
                T0.minusSeconds(60),
                List.of(refusedThenCompleted().get(2)));
        Path newest = save("/tmp/web.pcap", T0, refusedThenCompleted());
        save(
                "/tmp/other.pcap",
                T0.plusSeconds(60),
                List.of(refusedThenCompleted().get(0)));

        RunResult r = harness.run("tcpdump -nn -r /tmp/web.pcap");
        assertThat(r.output().get(0))
                .isEqualTo("reading from file /tmp/web.pcap, link-type EN10MB (Ethernet), snapshot length 262144");
        List<String> packets =
                r.output().stream().filter(l -> l.matches(TIME + "IP .*")).toList();
        assertThat(packets).hasSize(5);
        assertThat(packets.get(0)).contains("IP 10.0.0.1.40000 > 10.0.0.5.443: Flags [S]");
        assertThat(packets.get(1)).contains("IP 10.0.0.5.443 > 10.0.0.1.40000: Flags [R.]");
        assertThat(r.verdict()).isEqualTo(Verdict.WARN); // one refused, one completed: intermittent
        assertThat(r.summary()).startsWith("5 packets read from " + newest.getFileName() + ": intermittent");
        CaptureDetails d = (CaptureDetails) r.details();
        assertThat(d.iface()).isEqualTo(newest.getFileName().toString());
        assertThat(d.captured()).isEqualTo(5);
        assertThat(d.stopReason()).isEqualTo("end");
        assertThat(d.connections())
                .extracting(CaptureDetails.Connection::outcome)
                .containsExactlyInAnyOrder("refused", "established");
    }

    @Test
    void aFilterAndACountApplyAsInTcpdump() throws Exception {
        Path file = save("/tmp/web.pcap", T0, refusedThenCompleted());
        RunResult r = harness.run("tcpdump -nn -c 1 -r " + file.getFileName() + " tcp port 443");
        List<String> packets =
                r.output().stream().filter(l -> l.matches(TIME + "IP .*")).toList();
        assertThat(packets).hasSize(1).allMatch(l -> l.contains(".443"));
        assertThat(((CaptureDetails) r.details()).stopReason()).isEqualTo("count");

        RunResult refused = harness.run("tcpdump -nn -r /tmp/web.pcap port 443");
        assertThat(refused.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(refused.summary()).startsWith("2 packets read from").contains("refused");
    }

    @Test
    void aNameNoCaptureWasSavedForIsNotReadFromDisk() throws Exception {
        Path outside = tmp.resolve("secret.pcap");
        Files.writeString(outside, "not to be read");
        save("/tmp/web.pcap", T0, refusedThenCompleted());
        RunResult r = harness.run("tcpdump -r " + outside);
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.output()).containsExactly("tcpdump: " + outside + ": No such file or directory");
        assertThat(r.summary())
                .startsWith("no saved capture for " + outside + ": Probebook reads only the captures it saved")
                .contains("the newest: capture-");
    }

    @Test
    void aFileThatEndsEarlyKeepsWhatItHolds() throws Exception {
        Path file = save("/tmp/web.pcap", T0, refusedThenCompleted());
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 10)); // the last packet cut short
        RunResult r = harness.run("tcpdump -nn -r /tmp/web.pcap");
        assertThat(r.output()).anyMatch(l -> l.startsWith("tcpdump: pcap_loop: "));
        assertThat(r.summary()).startsWith("the file " + file.getFileName() + " ends early (");
        assertThat(((CaptureDetails) r.details()).captured()).isEqualTo(4);
    }
}

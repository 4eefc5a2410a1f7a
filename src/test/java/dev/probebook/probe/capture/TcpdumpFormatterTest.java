package dev.probebook.probe.capture;

import static dev.probebook.probe.capture.DecodedPacket.Tcp.ACK;
import static dev.probebook.probe.capture.DecodedPacket.Tcp.PSH;
import static dev.probebook.probe.capture.DecodedPacket.Tcp.RST;
import static dev.probebook.probe.capture.DecodedPacket.Tcp.SYN;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Lines as tcpdump 4.99 prints them, from hand-built frames (no libpcap needed). */
class TcpdumpFormatterTest {

    private static final Instant T = Instant.parse("2024-05-01T16:13:14.842107Z");

    private static TcpdumpFormatter numeric() {
        return formatter(0, false, TimestampStyle.TIME_OF_DAY, AddressNames.numeric());
    }

    private static TcpdumpFormatter formatter(int verbose, boolean quiet, TimestampStyle ts, AddressNames names) {
        return new TcpdumpFormatter(new TcpdumpFormatter.Options(verbose, quiet, ts, false), names, ZoneOffset.UTC);
    }

    private static String line(TcpdumpFormatter f, byte[] frame) {
        return f.format(T, PacketDecoder.decode(PacketDecoder.DLT_EN10MB, frame, frame.length));
    }

    @Test
    void handshakePrintsAbsoluteThenRelativeSequenceNumbers() {
        TcpdumpFormatter f = numeric();
        assertThat(line(
                        f,
                        TestPackets.tcp4(
                                "10.0.0.1",
                                35774,
                                "10.0.0.2",
                                443,
                                2876837968L,
                                0,
                                SYN,
                                26730,
                                TestPackets.SYN_OPTIONS,
                                0)))
                .isEqualTo("16:13:14.842107 IP 10.0.0.1.35774 > 10.0.0.2.443: Flags [S], seq 2876837968, win 26730, "
                        + "options [mss 65495,sackOK,TS val 83451308 ecr 0,nop,wscale 7], length 0");
        assertThat(line(
                        f,
                        TestPackets.tcp4(
                                "10.0.0.2",
                                443,
                                "10.0.0.1",
                                35774,
                                3892165661L,
                                2876837969L,
                                SYN | ACK,
                                65160,
                                new byte[0],
                                0)))
                .isEqualTo(
                        "16:13:14.842107 IP 10.0.0.2.443 > 10.0.0.1.35774: Flags [S.], seq 3892165661, ack 2876837969, win 65160, length 0");
        assertThat(line(
                        f,
                        TestPackets.tcp4(
                                "10.0.0.1",
                                35774,
                                "10.0.0.2",
                                443,
                                2876837969L,
                                3892165662L,
                                ACK,
                                209,
                                new byte[0],
                                0)))
                .isEqualTo("16:13:14.842107 IP 10.0.0.1.35774 > 10.0.0.2.443: Flags [.], ack 1, win 209, length 0");
        assertThat(line(
                        f,
                        TestPackets.tcp4(
                                "10.0.0.1",
                                35774,
                                "10.0.0.2",
                                443,
                                2876837969L,
                                3892165662L,
                                PSH | ACK,
                                209,
                                new byte[0],
                                517)))
                .isEqualTo(
                        "16:13:14.842107 IP 10.0.0.1.35774 > 10.0.0.2.443: Flags [P.], seq 1:518, ack 1, win 209, length 517");
        assertThat(line(
                        f,
                        TestPackets.tcp4(
                                "10.0.0.2",
                                443,
                                "10.0.0.1",
                                35774,
                                3892165662L,
                                2876838486L,
                                ACK,
                                506,
                                new byte[0],
                                0)))
                .isEqualTo("16:13:14.842107 IP 10.0.0.2.443 > 10.0.0.1.35774: Flags [.], ack 518, win 506, length 0");
    }

    @Test
    void refusedConnectionPrintsRstAck() {
        TcpdumpFormatter f = numeric();
        line(
                f,
                TestPackets.tcp4(
                        "127.0.0.1", 57460, "127.0.0.1", 9999, 1371165191L, 0, SYN, 65495, TestPackets.SYN_OPTIONS, 0));
        assertThat(line(
                        f,
                        TestPackets.tcp4(
                                "127.0.0.1", 9999, "127.0.0.1", 57460, 0, 1371165192L, RST | ACK, 0, new byte[0], 0)))
                .isEqualTo(
                        "16:13:14.842107 IP 127.0.0.1.9999 > 127.0.0.1.57460: Flags [R.], seq 0, ack 1371165192, win 0, length 0");
    }

    @Test
    void namesComeFromTheHostsFileAndServicesWithoutN() throws Exception {
        Path hosts = Files.createTempFile("hosts", "");
        Files.writeString(hosts, "10.0.0.1 app-server app\n");
        TcpdumpFormatter f = formatter(0, false, TimestampStyle.NONE, AddressNames.fromHostsFile(hosts));
        assertThat(line(f, TestPackets.tcp4("10.0.0.1", 35774, "10.0.0.2", 443, 1, 0, SYN, 100, new byte[0], 0)))
                .isEqualTo("IP app-server.35774 > 10.0.0.2.https: Flags [S], seq 1, win 100, length 0");
    }

    @Test
    void verboseShowsTheIpHeaderAndChecksum() {
        TcpdumpFormatter f = formatter(1, false, TimestampStyle.NONE, AddressNames.numeric());
        assertThat(line(f, TestPackets.tcp4("10.0.0.1", 35774, "10.0.0.2", 443, 7, 0, SYN, 100, new byte[0], 0)))
                .matches("IP \\(tos 0x0, ttl 64, id 4242, offset 0, flags \\[DF], proto TCP \\(6\\), length 40\\)\n"
                        + "    10\\.0\\.0\\.1\\.35774 > 10\\.0\\.0\\.2\\.443: Flags \\[S], cksum 0x0000 \\(incorrect -> 0x[0-9a-f]{4}\\), "
                        + "seq 7, win 100, length 0");
    }

    @Test
    void quietUdpIcmpAndIpv6() {
        TcpdumpFormatter quiet = formatter(0, true, TimestampStyle.NONE, AddressNames.numeric());
        assertThat(line(quiet, TestPackets.tcp4("10.0.0.1", 1000, "10.0.0.2", 80, 1, 0, SYN, 1, new byte[0], 0)))
                .isEqualTo("IP 10.0.0.1.1000 > 10.0.0.2.80: tcp 0");
        TcpdumpFormatter f = formatter(0, false, TimestampStyle.NONE, AddressNames.numeric());
        assertThat(line(f, TestPackets.udp4("10.0.0.1", 5353, "10.0.0.2", 53, 10)))
                .isEqualTo("IP 10.0.0.1.5353 > 10.0.0.2.53: UDP, length 10");
        assertThat(line(f, TestPackets.icmpEcho4("10.0.0.1", "10.0.0.2", true, 1, 1, 56)))
                .isEqualTo("IP 10.0.0.1 > 10.0.0.2: ICMP echo request, id 1, seq 1, length 64");
        assertThat(line(f, TestPackets.icmpPortUnreachable4("10.0.0.9", "10.0.0.1", 40000, "10.0.0.2", 443, 6)))
                .isEqualTo("IP 10.0.0.9 > 10.0.0.1: ICMP 10.0.0.2 tcp port 443 unreachable, length 36");
        assertThat(line(f, TestPackets.tcp6("::1", 40000, "::1", 22, 5, 0, SYN, 65476, new byte[0], 0)))
                .isEqualTo("IP6 ::1.40000 > ::1.22: Flags [S], seq 5, win 65476, length 0");
    }

    @Test
    void timestampStyles() {
        Instant later = T.plusMillis(1500);
        assertThat(TimestampStyle.EPOCH.format(T, null, null, ZoneOffset.UTC))
                .isEqualTo(T.getEpochSecond() + ".842107 ");
        assertThat(TimestampStyle.DATE_TIME.format(T, null, null, ZoneOffset.UTC))
                .isEqualTo("2024-05-01 16:13:14.842107 ");
        assertThat(TimestampStyle.DELTA_PREVIOUS.format(later, T, T, ZoneOffset.UTC))
                .isEqualTo("00:00:01.500000 ");
        assertThat(TimestampStyle.ofCount(1).format(T, null, null, ZoneOffset.UTC))
                .isEmpty();
    }

    @Test
    void truncatedFramesDoNotThrow() {
        byte[] frame = TestPackets.tcp4("10.0.0.1", 1000, "10.0.0.2", 80, 1, 0, SYN, 1, new byte[0], 0);
        byte[] cut = Arrays.copyOf(frame, 40);
        assertThat(numeric().format(T, PacketDecoder.decode(PacketDecoder.DLT_EN10MB, cut, frame.length)))
                .endsWith("IP 10.0.0.1 > 10.0.0.2: [|tcp]");
        assertThat(numeric().format(T, PacketDecoder.decode(PacketDecoder.DLT_EN10MB, new byte[5], 5)))
                .endsWith("[|ether]");
    }
}

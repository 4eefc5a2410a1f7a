package dev.probebook.probe.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** tcpdump's -x, -X and -A dumps of hand-made frames, in tcpdump's print-ascii.c formats. */
class PayloadDumpTest {

    /** An IPv4 header (20 bytes, 127.0.0.1 to 127.0.0.1) and the text an HTTP client sends. */
    private static byte[] ipPacket() {
        byte[] header = HexFormat.of().parseHex("450000397a1c40004006c2a07f0000017f000001");
        byte[] text = "GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] p = new byte[header.length + text.length];
        System.arraycopy(header, 0, p, 0, header.length);
        System.arraycopy(text, 0, p, header.length, text.length);
        return p;
    }

    private static byte[] ethernet(byte[] ip) {
        byte[] frame = new byte[14 + ip.length];
        frame[12] = 0x08; // IPv4
        System.arraycopy(ip, 0, frame, 14, ip.length);
        return frame;
    }

    @Test
    void hexAndAsciiLeavesOutTheLinkHeaderAndShowsOnlyGraphicCharacters() {
        assertThat(PayloadDump.HEX_ASCII.lines(PacketDecoder.DLT_EN10MB, ethernet(ipPacket())))
                .containsExactly(
                        "\t0x0000:  4500 0039 7a1c 4000 4006 c2a0 7f00 0001  E..9z.@.@.......",
                        "\t0x0010:  7f00 0001 4745 5420 2f20 4854 5450 2f31  ....GET./.HTTP/1",
                        "\t0x0020:  2e31 0d0a 486f 7374 3a20 780d 0a0d 0a    .1..Host:.x....");
    }

    @Test
    void hexAloneHasNoTextColumn() {
        assertThat(PayloadDump.HEX.lines(PacketDecoder.DLT_RAW, ipPacket()))
                .first()
                .isEqualTo("\t0x0000:  4500 0039 7a1c 4000 4006 c2a0 7f00 0001");
        assertThat(PayloadDump.HEX.lines(PacketDecoder.DLT_RAW, ipPacket()))
                .last()
                .isEqualTo("\t0x0020:  2e31 0d0a 486f 7374 3a20 780d 0a0d 0a");
    }

    @Test
    void asciiKeepsLineBreaksSoATextProtocolReadsAsText() {
        assertThat(PayloadDump.ASCII.lines(PacketDecoder.DLT_LINUX_SLL, sll(ipPacket())))
                .containsExactly("E..9z.@.@...........GET / HTTP/1.1", "Host: x", "", "");
    }

    @Test
    void theNetworkHeaderStartsAfterEachLinkTypesHeader() {
        byte[] vlan = new byte[40];
        vlan[12] = (byte) 0x81;
        assertThat(PayloadDump.networkOffset(PacketDecoder.DLT_EN10MB, vlan)).isEqualTo(18);
        assertThat(PayloadDump.networkOffset(PacketDecoder.DLT_LINUX_SLL2, vlan))
                .isEqualTo(20);
        assertThat(PayloadDump.networkOffset(PacketDecoder.DLT_LOOP, vlan)).isEqualTo(4);
        assertThat(PayloadDump.NONE.lines(PacketDecoder.DLT_RAW, ipPacket())).isEmpty();
    }

    private static byte[] sll(byte[] ip) {
        byte[] frame = new byte[16 + ip.length];
        frame[14] = 0x08;
        System.arraycopy(ip, 0, frame, 16, ip.length);
        return frame;
    }
}

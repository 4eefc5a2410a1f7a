package dev.probebook.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Echo requests we build and the replies and errors we parse, with hand-built packets. */
class IcmpPacketTest {

    @Test
    void echoRequestHasHeaderPayloadAndAValidChecksum() {
        byte[] p = EchoRequest.build(false, 0x1234, 7, 56, new byte[0], 1_700_000_000_123_456L);
        assertThat(p).hasSize(64);
        assertThat(p[0]).isEqualTo((byte) 8);
        assertThat(p[1]).isZero();
        assertThat(p[4] & 0xff).isEqualTo(0x12);
        assertThat(p[5] & 0xff).isEqualTo(0x34);
        assertThat(p[7]).isEqualTo((byte) 7);
        assertThat(p[8 + 16] & 0xff).isEqualTo(16); // default fill counts up after the timestamp
        assertThat(p[8 + 55] & 0xff).isEqualTo(55);
        assertThat(EchoRequest.checksum(p, 0, p.length))
                .as("a correct checksum sums to zero")
                .isZero();

        byte[] patterned = EchoRequest.build(false, 1, 1, 20, new byte[] {(byte) 0xff, 0}, 0);
        assertThat(patterned[8 + 16] & 0xff).isEqualTo(0xff);
        assertThat(patterned[8 + 17]).isZero();
        assertThat(EchoRequest.checksum(patterned, 0, patterned.length)).isZero();

        byte[] odd = EchoRequest.build(false, 1, 1, 3, new byte[0], 0);
        assertThat(EchoRequest.checksum(odd, 0, odd.length)).isZero();

        byte[] v6 = EchoRequest.build(true, 1, 2, 0, new byte[0], 0);
        assertThat(v6).hasSize(8);
        assertThat(v6[0] & 0xff).isEqualTo(128);
    }

    @Test
    void rawIpv4EchoReplySkipsTheHeaderAndReadsTtl() throws Exception {
        byte[] icmp = EchoRequest.build(false, 0xbeef, 3, 56, new byte[0], 0);
        icmp[0] = 0; // echo reply
        byte[] packet = ipv4(new byte[] {10, 1, 2, 3}, 57, icmp, 24); // 24-byte header: options present
        IcmpMessage m = IcmpMessage.ipv4Packet(packet, packet.length);
        assertThat(m).isEqualTo(new IcmpMessage.EchoReply(InetAddress.getByName("10.1.2.3"), 0xbeef, 3, 64, 57));
    }

    @Test
    void destinationUnreachableReferencingOurEchoIsReported() throws Exception {
        byte[] ourEcho = EchoRequest.build(false, 0xbeef, 1, 56, new byte[0], 0);
        byte[] quoted = ipv4(new byte[] {10, 0, 0, 2}, 63, Arrays.copyOf(ourEcho, 8), 20);
        byte[] error = new byte[8 + quoted.length];
        error[0] = 3;
        error[1] = 1; // host unreachable
        System.arraycopy(quoted, 0, error, 8, quoted.length);
        byte[] packet = ipv4(new byte[] {10, 0, 0, 1}, 64, error, 20);
        IcmpMessage m = IcmpMessage.ipv4Packet(packet, packet.length);
        assertThat(m).isInstanceOf(IcmpMessage.ErrorReport.class);
        IcmpMessage.ErrorReport e = (IcmpMessage.ErrorReport) m;
        assertThat(e.from()).isEqualTo(InetAddress.getByName("10.0.0.1"));
        assertThat(e.id()).isEqualTo(0xbeef);
        assertThat(e.seq()).isEqualTo(1);
        assertThat(e.text()).isEqualTo("Destination Host Unreachable");
        assertThat(e.description().cause()).isEqualTo(IcmpErrors.Cause.UNREACHABLE);

        error[0] = 11;
        error[1] = 0;
        packet = ipv4(new byte[] {10, 0, 0, 1}, 64, error, 20);
        assertThat(((IcmpMessage.ErrorReport) IcmpMessage.ipv4Packet(packet, packet.length)).text())
                .isEqualTo("Time to live exceeded");
    }

    @Test
    void othersTrafficAndOurOwnRequestsAreIgnored() {
        byte[] request = EchoRequest.build(false, 1, 1, 56, new byte[0], 0);
        byte[] packet = ipv4(new byte[] {127, 0, 0, 1}, 64, request, 20);
        assertThat(IcmpMessage.ipv4Packet(packet, packet.length))
                .as("an echo request is not a reply")
                .isNull();
        byte[] udp = ipv4(new byte[] {127, 0, 0, 1}, 64, new byte[16], 20);
        udp[9] = 17;
        assertThat(IcmpMessage.ipv4Packet(udp, udp.length)).isNull();
        assertThat(IcmpMessage.ipv4Packet(new byte[10], 10)).isNull();
    }

    @Test
    void icmpv6ReplyAndUnreachable() throws Exception {
        InetAddress router = InetAddress.getByName("2001:db8::1");
        byte[] reply = EchoRequest.build(true, 9, 4, 56, new byte[0], 0);
        reply[0] = (byte) 129;
        assertThat(IcmpMessage.icmp6(reply, 0, reply.length, router, 64))
                .isEqualTo(new IcmpMessage.EchoReply(router, 9, 4, 64, 64));

        byte[] error = new byte[8 + 40 + 8];
        error[0] = 1;
        error[1] = 3; // address unreachable
        error[8] = 0x60; // inner IPv6 header
        error[8 + 6] = 58;
        System.arraycopy(EchoRequest.build(true, 9, 5, 0, new byte[0], 0), 0, error, 48, 8);
        IcmpMessage.ErrorReport e = (IcmpMessage.ErrorReport) IcmpMessage.icmp6(error, 0, error.length, router, 64);
        assertThat(e.seq()).isEqualTo(5);
        assertThat(e.text()).isEqualTo("Destination unreachable: Address unreachable");
    }

    @Test
    void errorQueueEntryOfADatagramSocket() throws Exception {
        byte[] original = EchoRequest.build(false, 77, 2, 56, new byte[0], 0);
        InetAddress gw = InetAddress.getByName("10.0.0.1");
        var queued = new Datagram.QueuedError(113, Datagram.QueuedError.ORIGIN_ICMP, 3, 1, 0, gw);
        IcmpMessage m = IcmpMessage.parse(new Datagram(original, null, -1, queued, 0), IcmpSocket.Kind.DGRAM, false);
        assertThat(m).isEqualTo(new IcmpMessage.ErrorReport(gw, 77, 2, IcmpErrors.icmp4(3, 1, 0)));
        assertThat(IcmpErrors.icmp4(3, 4, 1400).text()).isEqualTo("Frag needed and DF set (mtu = 1400)");
        assertThat(IcmpErrors.icmp4(3, 13, 0).cause()).isEqualTo(IcmpErrors.Cause.PROHIBITED);
    }

    /** An IPv4 packet around {@code payload}, protocol ICMP, with a header of {@code headerLength} bytes. */
    private static byte[] ipv4(byte[] source, int ttl, byte[] payload, int headerLength) {
        byte[] p = new byte[headerLength + payload.length];
        p[0] = (byte) (0x40 | headerLength / 4);
        p[2] = (byte) (p.length >> 8);
        p[3] = (byte) p.length;
        p[8] = (byte) ttl;
        p[9] = 1;
        System.arraycopy(source, 0, p, 12, 4);
        p[16] = 127;
        p[19] = 1;
        System.arraycopy(payload, 0, p, headerLength, payload.length);
        return p;
    }
}

package dev.probebook.probe.capture;

import java.net.InetAddress;
import java.util.List;

/**
 * One captured frame as far as Probebook understands it: the closed set of shapes tcpdump prints
 * differently. Produced by {@link PacketDecoder} from raw bytes, turned into lines by
 * {@link TcpdumpFormatter} and into connection state by {@link ConnectionTracker}.
 */
sealed interface DecodedPacket {

    /** Frame length on the wire (before the snapshot length cut it). */
    int wireLength();

    /** An IPv4 or IPv6 packet; {@code vlan} is the 802.1Q tag (-1 when untagged). */
    record Ip(IpHeader header, Payload payload, int vlan, int wireLength) implements DecodedPacket {}

    /** ARP request or reply. */
    record Arp(
            int operation,
            String senderMac,
            InetAddress senderIp,
            String targetMac,
            InetAddress targetIp,
            int length,
            int wireLength)
            implements DecodedPacket {}

    /** Anything else: an unknown ethertype, link type or a frame cut too short to read. */
    record Other(String description, int wireLength) implements DecodedPacket {}

    /**
     * The IP header fields tcpdump prints. For IPv4 {@code hopLimit} is the TTL, {@code id}, {@code tos} and
     * {@code fragmentField} (flags and offset as on the wire) are set; for IPv6 {@code flowLabel} and
     * {@code trafficClass}. {@code length} is the IPv4 total length or the IPv6 payload length.
     */
    record IpHeader(
            int version,
            InetAddress source,
            InetAddress destination,
            int protocol,
            int hopLimit,
            int tos,
            int id,
            int fragmentField,
            int length,
            int flowLabel) {

        boolean v6() {
            return version == 6;
        }

        int fragmentOffset() {
            return (fragmentField & 0x1fff) * 8;
        }
    }

    /** What an IP packet carries. */
    sealed interface Payload {}

    /**
     * A TCP segment. {@code checksumOk} is null when the segment was not captured whole (no verdict).
     * {@code computedChecksum} is what the checksum should be.
     */
    record Tcp(
            int sourcePort,
            int destinationPort,
            long seq,
            long ack,
            int flags,
            int window,
            int urgent,
            List<TcpOption> options,
            int payloadLength,
            int checksum,
            Integer computedChecksum)
            implements Payload {

        static final int FIN = 0x01;
        static final int SYN = 0x02;
        static final int RST = 0x04;
        static final int PSH = 0x08;
        static final int ACK = 0x10;
        static final int URG = 0x20;
        static final int ECE = 0x40;
        static final int CWR = 0x80;

        boolean has(int flag) {
            return (flags & flag) != 0;
        }

        /** A connection opening: SYN without ACK. */
        boolean synOnly() {
            return has(SYN) && !has(ACK);
        }

        boolean synAck() {
            return has(SYN) && has(ACK);
        }
    }

    /** One TCP option: its kind and value bytes (without kind and length). */
    record TcpOption(int kind, byte[] value) {}

    /** A UDP datagram; {@code payloadLength} excludes the 8-byte header. */
    record Udp(int sourcePort, int destinationPort, int payloadLength) implements Payload {}

    /**
     * ICMP or ICMPv6. {@code length} is the ICMP message length. Echo messages carry {@code id}/{@code seq};
     * errors (unreachable, time exceeded) carry the start of the packet that caused them ({@code quoted}).
     * {@code target} is the neighbour discovery target address.
     */
    record Icmp(boolean v6, int type, int code, int length, int id, int seq, Quoted quoted, InetAddress target)
            implements Payload {}

    /** The header of the packet an ICMP error refers to. Ports are -1 when not TCP/UDP or not present. */
    record Quoted(InetAddress source, InetAddress destination, int protocol, int sourcePort, int destinationPort) {}

    /** A transport tcpdump does not decode here, or a non-first fragment. */
    record OtherTransport(int protocol, int length, boolean fragment) implements Payload {}

    /** The transport header was cut by the snapshot length ({@code [|tcp]}). */
    record Truncated(String protocol) implements Payload {}
}

package dev.probebook.probe.capture;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Decodes raw captured frames into {@link DecodedPacket}s: the link layers a Linux capture produces
 * (Ethernet with 802.1Q, Linux cooked v1/v2 for {@code -i any}, raw IP, BSD loopback), then IPv4/IPv6,
 * then TCP, UDP, ICMP and ICMPv6. Pure Java and stateless; never throws on malformed input (a frame it
 * cannot read becomes {@link DecodedPacket.Other} or {@link DecodedPacket.Truncated}).
 */
final class PacketDecoder {

    /** libpcap DLT_* values for the link types handled here. */
    static final int DLT_NULL = 0;

    static final int DLT_EN10MB = 1;
    static final int DLT_RAW = 12;
    static final int DLT_RAW_BSD = 14;
    static final int LINKTYPE_RAW = 101;
    static final int DLT_LOOP = 108;
    static final int DLT_LINUX_SLL = 113;
    static final int DLT_IPV4 = 228;
    static final int DLT_IPV6 = 229;
    static final int DLT_LINUX_SLL2 = 276;

    private static final int ETHERTYPE_IPV4 = 0x0800;
    private static final int ETHERTYPE_ARP = 0x0806;
    private static final int ETHERTYPE_IPV6 = 0x86dd;
    private static final int ETHERTYPE_VLAN = 0x8100;
    private static final int ETHERTYPE_QINQ = 0x88a8;

    private PacketDecoder() {}

    /**
     * @param linkType   the handle's data link type (DLT value)
     * @param data       the captured bytes (possibly cut by the snapshot length)
     * @param wireLength the frame length on the wire
     */
    static DecodedPacket decode(int linkType, byte[] data, int wireLength) {
        Bytes b = new Bytes(data);
        try {
            return switch (linkType) {
                case DLT_EN10MB -> ethernet(b, wireLength);
                case DLT_LINUX_SLL ->
                    b.has(16)
                            ? byEthertype(b, b.u16(14), 16, -1, wireLength)
                            : new DecodedPacket.Other("[|sll]", wireLength);
                case DLT_LINUX_SLL2 ->
                    b.has(20)
                            ? byEthertype(b, b.u16(0), 20, -1, wireLength)
                            : new DecodedPacket.Other("[|sll2]", wireLength);
                case DLT_RAW, DLT_RAW_BSD, LINKTYPE_RAW, DLT_IPV4, DLT_IPV6 -> rawIp(b, 0, -1, wireLength);
                case DLT_NULL, DLT_LOOP -> loopback(b, wireLength);
                default -> new DecodedPacket.Other("link-type " + linkType + ", length " + wireLength, wireLength);
            };
        } catch (RuntimeException e) {
            // defensive: a frame shorter than its headers claim must not end the capture
            return new DecodedPacket.Other("[|malformed] length " + wireLength, wireLength);
        }
    }

    private static DecodedPacket ethernet(Bytes b, int wireLength) {
        if (!b.has(14)) {
            return new DecodedPacket.Other("[|ether]", wireLength);
        }
        int type = b.u16(12);
        int offset = 14;
        int vlan = -1;
        if ((type == ETHERTYPE_VLAN || type == ETHERTYPE_QINQ) && b.has(18)) {
            vlan = b.u16(14);
            type = b.u16(16);
            offset = 18;
        }
        return byEthertype(b, type, offset, vlan, wireLength);
    }

    private static DecodedPacket loopback(Bytes b, int wireLength) {
        if (!b.has(4)) {
            return new DecodedPacket.Other("[|null]", wireLength);
        }
        return rawIp(b, 4, -1, wireLength);
    }

    private static DecodedPacket byEthertype(Bytes b, int type, int offset, int vlan, int wireLength) {
        return switch (type) {
            case ETHERTYPE_IPV4, ETHERTYPE_IPV6 -> rawIp(b, offset, vlan, wireLength);
            case ETHERTYPE_ARP -> arp(b, offset, wireLength);
            case 0x88cc -> new DecodedPacket.Other("LLDP, length " + (wireLength - offset), wireLength);
            default ->
                new DecodedPacket.Other(
                        String.format(Locale.ROOT, "ethertype Unknown (0x%04x), length %d", type, wireLength),
                        wireLength);
        };
    }

    private static DecodedPacket arp(Bytes b, int at, int wireLength) {
        if (!b.has(at + 28) || b.u16(at) != 1 || b.u16(at + 2) != ETHERTYPE_IPV4) {
            return new DecodedPacket.Other("ARP, length " + (wireLength - at), wireLength);
        }
        return new DecodedPacket.Arp(
                b.u16(at + 6),
                mac(b, at + 8),
                b.address(at + 14, 4),
                mac(b, at + 18),
                b.address(at + 24, 4),
                28,
                wireLength);
    }

    private static String mac(Bytes b, int at) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            if (i > 0) {
                sb.append(':');
            }
            sb.append(String.format(Locale.ROOT, "%02x", b.u8(at + i)));
        }
        return sb.toString();
    }

    private static DecodedPacket rawIp(Bytes b, int at, int vlan, int wireLength) {
        if (!b.has(at + 1)) {
            return new DecodedPacket.Other("[|ip]", wireLength);
        }
        int version = b.u8(at) >> 4;
        if (version == 4) {
            return ipv4(b, at, vlan, wireLength);
        }
        if (version == 6) {
            return ipv6(b, at, vlan, wireLength);
        }
        return new DecodedPacket.Other("IP" + version + ", bad version, length " + wireLength, wireLength);
    }

    private static DecodedPacket ipv4(Bytes b, int at, int vlan, int wireLength) {
        if (!b.has(at + 20)) {
            return new DecodedPacket.Other("[|ip]", wireLength);
        }
        int ihl = (b.u8(at) & 0x0f) * 4;
        int total = b.u16(at + 2);
        int frag = b.u16(at + 6);
        int protocol = b.u8(at + 9);
        InetAddress src = b.address(at + 12, 4);
        InetAddress dst = b.address(at + 16, 4);
        var header = new DecodedPacket.IpHeader(
                4, src, dst, protocol, b.u8(at + 8), b.u8(at + 1), b.u16(at + 4), frag, total, 0);
        int payloadAt = at + ihl;
        int payloadLength = Math.max(0, total - ihl);
        DecodedPacket.Payload payload;
        if ((frag & 0x1fff) != 0) {
            payload = new DecodedPacket.OtherTransport(protocol, payloadLength, true);
        } else {
            byte[] pseudo = pseudoHeader(b, at + 12, at + 16, 4, protocol, payloadLength);
            payload = transport(b, protocol, payloadAt, payloadLength, pseudo, false);
        }
        return new DecodedPacket.Ip(header, payload, vlan, wireLength);
    }

    private static DecodedPacket ipv6(Bytes b, int at, int vlan, int wireLength) {
        if (!b.has(at + 40)) {
            return new DecodedPacket.Other("[|ip6]", wireLength);
        }
        long first = b.u32(at);
        int flowLabel = (int) (first & 0xfffff);
        int trafficClass = (int) ((first >> 20) & 0xff);
        int payloadLength = b.u16(at + 4);
        int next = b.u8(at + 6);
        int hopLimit = b.u8(at + 7);
        InetAddress src = b.address(at + 8, 16);
        InetAddress dst = b.address(at + 24, 16);
        int offset = at + 40;
        int left = payloadLength;
        boolean fragment = false;
        // skip extension headers: hop-by-hop, routing, destination options, fragment
        while ((next == 0 || next == 43 || next == 60 || next == 44) && b.has(offset + 8)) {
            int len = next == 44 ? 8 : (b.u8(offset + 1) + 1) * 8;
            if (next == 44 && (b.u16(offset + 2) & 0xfff8) != 0) {
                fragment = true;
            }
            next = b.u8(offset);
            offset += len;
            left -= len;
        }
        var header =
                new DecodedPacket.IpHeader(6, src, dst, next, hopLimit, trafficClass, 0, 0, payloadLength, flowLabel);
        DecodedPacket.Payload payload = fragment
                ? new DecodedPacket.OtherTransport(next, Math.max(0, left), true)
                : transport(
                        b,
                        next,
                        offset,
                        Math.max(0, left),
                        pseudoHeader(b, at + 8, at + 24, 16, next, Math.max(0, left)),
                        true);
        return new DecodedPacket.Ip(header, payload, vlan, wireLength);
    }

    private static DecodedPacket.Payload transport(
            Bytes b, int protocol, int at, int length, byte[] pseudo, boolean v6) {
        return switch (protocol) {
            case 6 -> tcp(b, at, length, pseudo);
            case 17 ->
                b.has(at + 8)
                        ? new DecodedPacket.Udp(b.u16(at), b.u16(at + 2), Math.max(0, b.u16(at + 4) - 8))
                        : new DecodedPacket.Truncated("udp");
            case 1 -> icmp(b, at, length, false);
            case 58 -> icmp(b, at, length, true);
            default -> new DecodedPacket.OtherTransport(protocol, length, false);
        };
    }

    private static DecodedPacket.Payload tcp(Bytes b, int at, int length, byte[] pseudo) {
        if (!b.has(at + 20)) {
            return new DecodedPacket.Truncated("tcp");
        }
        int headerLength = (b.u8(at + 12) >> 4) * 4;
        if (headerLength < 20 || !b.has(at + headerLength)) {
            return new DecodedPacket.Truncated("tcp");
        }
        List<DecodedPacket.TcpOption> options = new ArrayList<>();
        int o = at + 20;
        while (o < at + headerLength) {
            int kind = b.u8(o);
            if (kind == 0 || kind == 1) {
                options.add(new DecodedPacket.TcpOption(kind, new byte[0]));
                o++;
                if (kind == 0) {
                    break;
                }
                continue;
            }
            if (o + 1 >= at + headerLength) {
                break;
            }
            int len = b.u8(o + 1);
            if (len < 2 || o + len > at + headerLength) {
                break;
            }
            options.add(new DecodedPacket.TcpOption(kind, b.slice(o + 2, len - 2)));
            o += len;
        }
        Integer computed = null;
        if (b.has(at + length) && length >= headerLength) {
            computed = checksum(pseudo, b, at, length, at + 16);
        }
        return new DecodedPacket.Tcp(
                b.u16(at),
                b.u16(at + 2),
                b.u32(at + 4),
                b.u32(at + 8),
                b.u8(at + 13),
                b.u16(at + 14),
                b.u16(at + 18),
                List.copyOf(options),
                Math.max(0, length - headerLength),
                b.u16(at + 16),
                computed);
    }

    private static DecodedPacket.Payload icmp(Bytes b, int at, int length, boolean v6) {
        if (!b.has(at + 8)) {
            return new DecodedPacket.Truncated(v6 ? "icmp6" : "icmp");
        }
        int type = b.u8(at);
        int code = b.u8(at + 1);
        boolean echo = v6 ? type == 128 || type == 129 : type == 8 || type == 0;
        boolean error = v6 ? type >= 1 && type <= 4 : type == 3 || type == 11 || type == 12 || type == 5;
        boolean neighbour = v6 && (type == 135 || type == 136);
        DecodedPacket.Quoted quoted = error ? quoted(b, at + 8) : null;
        InetAddress target = neighbour && b.has(at + 24) ? b.address(at + 8, 16) : null;
        return new DecodedPacket.Icmp(
                v6, type, code, length, echo ? b.u16(at + 4) : 0, echo ? b.u16(at + 6) : 0, quoted, target);
    }

    /** The IP header (and ports) an ICMP error quotes. */
    private static DecodedPacket.Quoted quoted(Bytes b, int at) {
        if (!b.has(at + 1)) {
            return null;
        }
        int version = b.u8(at) >> 4;
        int protocol;
        int transportAt;
        InetAddress src;
        InetAddress dst;
        if (version == 4 && b.has(at + 20)) {
            protocol = b.u8(at + 9);
            src = b.address(at + 12, 4);
            dst = b.address(at + 16, 4);
            transportAt = at + (b.u8(at) & 0x0f) * 4;
        } else if (version == 6 && b.has(at + 40)) {
            protocol = b.u8(at + 6);
            src = b.address(at + 8, 16);
            dst = b.address(at + 24, 16);
            transportAt = at + 40;
        } else {
            return null;
        }
        boolean ports = (protocol == 6 || protocol == 17) && b.has(transportAt + 4);
        return new DecodedPacket.Quoted(
                src, dst, protocol, ports ? b.u16(transportAt) : -1, ports ? b.u16(transportAt + 2) : -1);
    }

    private static byte[] pseudoHeader(Bytes b, int srcAt, int dstAt, int addressLength, int protocol, int length) {
        byte[] p = new byte[addressLength * 2 + 8];
        System.arraycopy(b.data, srcAt, p, 0, addressLength);
        System.arraycopy(b.data, dstAt, p, addressLength, addressLength);
        int i = addressLength * 2;
        p[i] = (byte) (length >>> 24);
        p[i + 1] = (byte) (length >>> 16);
        p[i + 2] = (byte) (length >>> 8);
        p[i + 3] = (byte) length;
        p[i + 7] = (byte) protocol;
        return p;
    }

    /** The Internet checksum the segment should carry (its checksum field at {@code skipAt} counted as zero). */
    private static int checksum(byte[] pseudo, Bytes b, int at, int length, int skipAt) {
        long sum = 0;
        for (int i = 0; i + 1 < pseudo.length; i += 2) {
            sum += ((pseudo[i] & 0xff) << 8) | (pseudo[i + 1] & 0xff);
        }
        for (int i = 0; i < length; i += 2) {
            int pos = at + i;
            if (pos == skipAt) {
                continue;
            }
            int hi = b.u8(pos);
            int lo = i + 1 < length ? b.u8(pos + 1) : 0;
            sum += (hi << 8) | lo;
        }
        while ((sum >> 16) != 0) {
            sum = (sum & 0xffff) + (sum >> 16);
        }
        return (int) (~sum & 0xffff);
    }

    /** Big-endian reads over the captured bytes. */
    private record Bytes(byte[] data) {
        boolean has(int length) {
            return data.length >= length;
        }

        int u8(int at) {
            return data[at] & 0xff;
        }

        int u16(int at) {
            return (u8(at) << 8) | u8(at + 1);
        }

        long u32(int at) {
            return ((long) u16(at) << 16) | u16(at + 2);
        }

        byte[] slice(int at, int length) {
            return Arrays.copyOfRange(data, at, at + length);
        }

        InetAddress address(int at, int length) {
            try {
                return InetAddress.getByAddress(slice(at, length));
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e); // cannot happen for 4 or 16 bytes
            }
        }
    }
}

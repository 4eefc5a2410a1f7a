package dev.probebook.probe.capture;

import dev.probebook.net.AddressText;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Prints decoded packets the way tcpdump 4.99 does (without {@code -e}): timestamp, {@code IP}/{@code IP6},
 * endpoints, then the transport line ({@code Flags [S.], seq ..., ack ..., win ..., options [...], length N}).
 * TCP sequence numbers are relative after the first ACK-carrying packet of a connection, like tcpdump
 * without {@code -S}. Stateful (relative sequence numbers, deltas): one instance per capture, one thread.
 */
final class TcpdumpFormatter {

    /** What the command asked for: {@code -v} count, {@code -q}, timestamp style, {@code -S}. */
    record Options(int verbose, boolean quiet, TimestampStyle timestamps, boolean absoluteSeq) {}

    private final Options options;
    private final AddressNames names;
    private final ZoneId zone;
    /** Per connection (canonical endpoint pair): the sequence base of each endpoint. */
    private final Map<String, Map<String, Long>> seqBases = new HashMap<>();

    private Instant first;
    private Instant previous;

    TcpdumpFormatter(Options options, AddressNames names, ZoneId zone) {
        this.options = options;
        this.names = names;
        this.zone = zone;
    }

    /** The packet's output; {@code -v} IPv4 packets span two lines separated by {@code \n}. */
    String format(Instant time, DecodedPacket packet) {
        String stamp = options.timestamps().format(time, previous, first, zone);
        if (first == null) {
            first = time;
        }
        previous = time;
        return stamp
                + switch (packet) {
                    case DecodedPacket.Ip ip -> vlan(ip.vlan(), ip.header().v6()) + ip(ip);
                    case DecodedPacket.Arp arp -> arp(arp);
                    case DecodedPacket.Other other -> other.description();
                };
    }

    private static String vlan(int tag, boolean v6) {
        if (tag < 0) {
            return "";
        }
        return String.format(
                Locale.ROOT,
                "vlan %d, p %d, ethertype %s, ",
                tag & 0x0fff,
                tag >> 13,
                v6 ? "IPv6 (0x86dd)" : "IPv4 (0x0800)");
    }

    private String arp(DecodedPacket.Arp arp) {
        return switch (arp.operation()) {
            case 1 ->
                "ARP, Request who-has " + names.address(arp.targetIp()) + " tell " + names.address(arp.senderIp())
                        + ", length " + arp.length();
            case 2 ->
                "ARP, Reply " + names.address(arp.senderIp()) + " is-at " + arp.senderMac() + ", length "
                        + arp.length();
            default -> "ARP, opcode " + arp.operation() + ", length " + arp.length();
        };
    }

    private String ip(DecodedPacket.Ip packet) {
        DecodedPacket.IpHeader h = packet.header();
        StringBuilder sb = new StringBuilder(h.v6() ? "IP6 " : "IP ");
        if (options.verbose() > 0) {
            sb.append(h.v6() ? ipv6Verbose(h) : ipv4Verbose(h));
        }
        sb.append(transport(h, packet.payload()));
        return sb.toString();
    }

    private static String ipv4Verbose(DecodedPacket.IpHeader h) {
        String ecn = switch (h.tos() & 0x03) {
            case 1 -> ",ECT(1)";
            case 2 -> ",ECT(0)";
            case 3 -> ",CE";
            default -> "";
        };
        StringBuilder flags = new StringBuilder();
        if ((h.fragmentField() & 0x2000) != 0) {
            flags.append("+");
        }
        if ((h.fragmentField() & 0x4000) != 0) {
            flags.append(flags.isEmpty() ? "" : ", ").append("DF");
        }
        if ((h.fragmentField() & 0x8000) != 0) {
            flags.append(flags.isEmpty() ? "" : ", ").append("rsvd");
        }
        return String.format(
                Locale.ROOT,
                "(tos 0x%x%s, ttl %d, id %d, offset %d, flags [%s], proto %s (%d), length %d)\n    ",
                h.tos(),
                ecn,
                h.hopLimit(),
                h.id(),
                h.fragmentOffset(),
                flags.isEmpty() ? "none" : flags,
                protocolName(h.protocol()),
                h.protocol(),
                h.length());
    }

    private static String ipv6Verbose(DecodedPacket.IpHeader h) {
        StringBuilder sb = new StringBuilder("(");
        if (h.tos() != 0) {
            sb.append(String.format(Locale.ROOT, "class 0x%x, ", h.tos()));
        }
        if (h.flowLabel() != 0) {
            sb.append(String.format(Locale.ROOT, "flowlabel 0x%05x, ", h.flowLabel()));
        }
        sb.append("hlim ")
                .append(h.hopLimit())
                .append(", next-header ")
                .append(protocolName(h.protocol()))
                .append(" (")
                .append(h.protocol())
                .append(") payload length: ")
                .append(h.length())
                .append(") ");
        return sb.toString();
    }

    static String protocolName(int protocol) {
        return switch (protocol) {
            case 1 -> "ICMP";
            case 2 -> "IGMP";
            case 4 -> "IPIP";
            case 6 -> "TCP";
            case 17 -> "UDP";
            case 41 -> "IPv6";
            case 47 -> "GRE";
            case 50 -> "ESP";
            case 51 -> "AH";
            case 58 -> "ICMPv6";
            case 89 -> "OSPF";
            case 112 -> "VRRP";
            case 132 -> "SCTP";
            default -> "unknown";
        };
    }

    private String transport(DecodedPacket.IpHeader h, DecodedPacket.Payload payload) {
        String src = names.address(h.source());
        String dst = names.address(h.destination());
        return switch (payload) {
            case DecodedPacket.Tcp tcp ->
                src + "." + names.tcpPort(tcp.sourcePort()) + " > " + dst + "." + names.tcpPort(tcp.destinationPort())
                        + ": " + tcp(h, tcp);
            case DecodedPacket.Udp udp ->
                src + "." + names.udpPort(udp.sourcePort()) + " > " + dst + "." + names.udpPort(udp.destinationPort())
                        + ": UDP, length " + udp.payloadLength();
            case DecodedPacket.Icmp icmp -> src + " > " + dst + ": " + (icmp.v6() ? icmp6(icmp) : icmp4(icmp));
            case DecodedPacket.OtherTransport other ->
                src + " > " + dst + ": ip-proto-" + other.protocol() + " " + other.length();
            case DecodedPacket.Truncated t -> src + " > " + dst + ": [|" + t.protocol() + "]";
        };
    }

    // --- TCP ------------------------------------------------------------------------------------

    private String tcp(DecodedPacket.IpHeader h, DecodedPacket.Tcp tcp) {
        if (options.quiet()) {
            return "tcp " + tcp.payloadLength();
        }
        long seq = tcp.seq();
        long ack = tcp.ack();
        if (!options.absoluteSeq() && tcp.has(DecodedPacket.Tcp.ACK)) {
            String me = endpoint(h.source(), tcp.sourcePort());
            String peer = endpoint(h.destination(), tcp.destinationPort());
            String key = me.compareTo(peer) < 0 ? me + "|" + peer : peer + "|" + me;
            Map<String, Long> bases = seqBases.get(key);
            if (bases == null) {
                bases = new HashMap<>();
                bases.put(me, seq);
                bases.put(peer, (ack - 1) & 0xffffffffL);
                seqBases.put(key, bases);
            } else {
                seq = (seq - bases.get(me)) & 0xffffffffL;
                ack = (ack - bases.get(peer)) & 0xffffffffL;
            }
        }
        StringBuilder sb =
                new StringBuilder("Flags [").append(flags(tcp.flags())).append("]");
        if (options.verbose() > 0 && tcp.computedChecksum() != null) {
            sb.append(String.format(Locale.ROOT, ", cksum 0x%04x", tcp.checksum()));
            sb.append(
                    tcp.checksum() == tcp.computedChecksum()
                            ? " (correct)"
                            : String.format(Locale.ROOT, " (incorrect -> 0x%04x)", tcp.computedChecksum()));
        }
        int length = tcp.payloadLength();
        if (options.verbose() > 1
                || length > 0
                || tcp.has(DecodedPacket.Tcp.SYN | DecodedPacket.Tcp.FIN | DecodedPacket.Tcp.RST)) {
            sb.append(", seq ").append(seq);
            if (length > 0) {
                sb.append(':').append((seq + length) & 0xffffffffL);
            }
        }
        if (tcp.has(DecodedPacket.Tcp.ACK)) {
            sb.append(", ack ").append(ack);
        }
        sb.append(", win ").append(tcp.window());
        if (tcp.has(DecodedPacket.Tcp.URG)) {
            sb.append(", urg ").append(tcp.urgent());
        }
        if (!tcp.options().isEmpty()) {
            sb.append(", options [").append(options(tcp)).append(']');
        }
        sb.append(", length ").append(length);
        return sb.toString();
    }

    private static String endpoint(InetAddress a, int port) {
        return AddressText.of(a) + "." + port;
    }

    /** tcpdump's flag letters in its order (F S R P . U E W); {@code none} when no flag is set. */
    static String flags(int flags) {
        StringBuilder sb = new StringBuilder();
        int[] bits = {
            DecodedPacket.Tcp.FIN,
            DecodedPacket.Tcp.SYN,
            DecodedPacket.Tcp.RST,
            DecodedPacket.Tcp.PSH,
            DecodedPacket.Tcp.ACK,
            DecodedPacket.Tcp.URG,
            DecodedPacket.Tcp.ECE,
            DecodedPacket.Tcp.CWR
        };
        String letters = "FSRP.UEW";
        for (int i = 0; i < bits.length; i++) {
            if ((flags & bits[i]) != 0) {
                sb.append(letters.charAt(i));
            }
        }
        return sb.isEmpty() ? "none" : sb.toString();
    }

    private static String options(DecodedPacket.Tcp tcp) {
        StringBuilder sb = new StringBuilder();
        for (DecodedPacket.TcpOption o : tcp.options()) {
            if (!sb.isEmpty()) {
                sb.append(',');
            }
            ByteBuffer v = ByteBuffer.wrap(o.value());
            int n = o.value().length;
            sb.append(
                    switch (o.kind()) {
                        case 0 -> "eol";
                        case 1 -> "nop";
                        case 2 -> n == 2 ? "mss " + Short.toUnsignedInt(v.getShort()) : "mss [bad opt]";
                        case 3 -> n == 1 ? "wscale " + Byte.toUnsignedInt(v.get()) : "wscale [bad opt]";
                        case 4 -> "sackOK";
                        case 5 -> sack(v, n);
                        case 8 ->
                            n == 8
                                    ? "TS val " + Integer.toUnsignedLong(v.getInt()) + " ecr "
                                            + Integer.toUnsignedLong(v.getInt())
                                    : "TS [bad opt]";
                        case 19 -> "md5";
                        case 28 -> "uto";
                        case 29 -> "tcp-ao";
                        case 30 -> "mptcp";
                        case 34 -> "tfo";
                        default -> "unknown-" + o.kind();
                    });
        }
        return sb.toString();
    }

    private static String sack(ByteBuffer v, int n) {
        StringBuilder sb = new StringBuilder("sack ").append(n / 8).append(' ');
        while (v.remaining() >= 8) {
            sb.append('{')
                    .append(Integer.toUnsignedLong(v.getInt()))
                    .append(':')
                    .append(Integer.toUnsignedLong(v.getInt()))
                    .append('}');
        }
        return sb.toString();
    }

    // --- ICMP -----------------------------------------------------------------------------------

    private String icmp4(DecodedPacket.Icmp icmp) {
        String text = switch (icmp.type()) {
            case 0 -> "echo reply, id " + icmp.id() + ", seq " + icmp.seq();
            case 8 -> "echo request, id " + icmp.id() + ", seq " + icmp.seq();
            case 3 -> unreachable4(icmp);
            case 4 -> "source quench";
            case 5 -> "redirect";
            case 9 -> "router advertisement";
            case 10 -> "router solicitation";
            case 11 -> icmp.code() == 0 ? "time exceeded in-transit" : "ip reassembly time exceeded";
            case 12 -> "parameter problem";
            case 13 -> "time stamp request";
            case 14 -> "time stamp reply";
            default -> "type-#" + icmp.type();
        };
        return "ICMP " + text + ", length " + icmp.length();
    }

    private String unreachable4(DecodedPacket.Icmp icmp) {
        DecodedPacket.Quoted q = icmp.quoted();
        String dst = q == null ? "?" : names.address(q.destination());
        return switch (icmp.code()) {
            case 0 -> "net " + dst + " unreachable";
            case 1 -> "host " + dst + " unreachable";
            case 2 -> dst + " protocol " + (q == null ? "?" : q.protocol()) + " unreachable";
            case 3 ->
                q != null && q.destinationPort() >= 0
                        ? dst
                                + (q.protocol() == 6
                                        ? " tcp port " + names.tcpPort(q.destinationPort())
                                        : " udp port " + names.udpPort(q.destinationPort()))
                                + " unreachable"
                        : dst + " port unreachable";
            case 4 -> dst + " unreachable - need to frag";
            case 9 -> "net " + dst + " unreachable - admin prohibited";
            case 10 -> "host " + dst + " unreachable - admin prohibited";
            case 13 -> "host " + dst + " unreachable - admin prohibited filter";
            default -> dst + " unreachable - code " + icmp.code();
        };
    }

    private String icmp6(DecodedPacket.Icmp icmp) {
        String text = switch (icmp.type()) {
            case 1 -> "destination unreachable, " + unreachable6(icmp);
            case 2 -> "packet too big";
            case 3 -> "time exceeded in-transit";
            case 4 -> "parameter problem";
            case 128 -> "echo request, id " + icmp.id() + ", seq " + icmp.seq();
            case 129 -> "echo reply, id " + icmp.id() + ", seq " + icmp.seq();
            case 130 -> "multicast listener query";
            case 131 -> "multicast listener report";
            case 132 -> "multicast listener done";
            case 133 -> "router solicitation";
            case 134 -> "router advertisement";
            case 135 ->
                "neighbor solicitation, who has " + (icmp.target() == null ? "?" : names.address(icmp.target()));
            case 136 ->
                "neighbor advertisement, tgt is " + (icmp.target() == null ? "?" : names.address(icmp.target()));
            case 143 -> "multicast listener report v2";
            default -> "unknown icmp6 type (" + icmp.type() + ")";
        };
        return "ICMP6, " + text + ", length " + icmp.length();
    }

    private String unreachable6(DecodedPacket.Icmp icmp) {
        DecodedPacket.Quoted q = icmp.quoted();
        String dst = q == null ? "?" : names.address(q.destination());
        return switch (icmp.code()) {
            case 0 -> "unreachable route " + dst;
            case 1 -> "unreachable prohibited " + dst;
            case 3 -> "unreachable address " + dst;
            case 4 ->
                q != null && q.destinationPort() >= 0
                        ? "unreachable port, " + dst
                                + (q.protocol() == 6
                                        ? " tcp port " + names.tcpPort(q.destinationPort())
                                        : " udp port " + names.udpPort(q.destinationPort()))
                        : "unreachable port, " + dst;
            default -> "unreachable code " + icmp.code() + " " + dst;
        };
    }
}

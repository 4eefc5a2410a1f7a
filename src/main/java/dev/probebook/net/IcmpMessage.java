package dev.probebook.net;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * What ping makes of a received message: an echo reply, or an ICMP error about one of our echo
 * requests. Everything else (other hosts' traffic, other ICMP types) parses to null and is ignored.
 * Parsing is pure so that it can be tested with hand-built packets.
 */
public sealed interface IcmpMessage {

    InetAddress from();

    int id();

    int seq();

    /** {@code bytes}: ICMP length (header + data), as ping prints it; {@code ttl} -1 when unknown. */
    record EchoReply(InetAddress from, int id, int seq, int bytes, int ttl) implements IcmpMessage {}

    /** An error about our echo request {@code seq}, with iputils' wording ("Destination Host Unreachable"). */
    record ErrorReport(InetAddress from, int id, int seq, IcmpErrors.Description description) implements IcmpMessage {
        public String text() {
            return description.text();
        }
    }

    int ICMP_ECHOREPLY = 0;
    int ICMP6_ECHOREPLY = 129;
    int IPPROTO_ICMP = 1;
    int IPPROTO_ICMPV6 = 58;

    /** Parses a datagram read from an ICMP socket of the given kind and family. */
    static IcmpMessage parse(Datagram d, IcmpSocket.Kind kind, boolean ipv6) {
        if (d.error() != null) {
            return fromErrorQueue(d.data(), d.error(), ipv6);
        }
        if (ipv6) {
            return icmp6(d.data(), 0, d.data().length, d.from(), d.ttl());
        }
        if (kind == IcmpSocket.Kind.RAW) {
            return ipv4Packet(d.data(), d.data().length);
        }
        return icmp4(d.data(), 0, d.data().length, d.from(), d.ttl());
    }

    /** A whole IPv4 packet as a raw socket delivers it: skip the header (IHL), take TTL and source from it. */
    static IcmpMessage ipv4Packet(byte[] p, int length) {
        if (length < 20 || (p[0] >> 4 & 0xf) != 4 || (p[9] & 0xff) != IPPROTO_ICMP) {
            return null;
        }
        int ihl = (p[0] & 0xf) * 4;
        if (ihl < 20 || length < ihl + 8) {
            return null;
        }
        InetAddress from = v4(p, 12);
        return icmp4(p, ihl, length - ihl, from, p[8] & 0xff);
    }

    /** An ICMP message starting at {@code off}. */
    static IcmpMessage icmp4(byte[] p, int off, int length, InetAddress from, int ttl) {
        if (length < 8) {
            return null;
        }
        int type = p[off] & 0xff;
        int code = p[off + 1] & 0xff;
        if (type == ICMP_ECHOREPLY) {
            return new EchoReply(from, u16(p, off + 4), u16(p, off + 6), length, ttl);
        }
        if (type == 3 || type == 4 || type == 5 || type == 11 || type == 12) {
            // The error quotes the offending IP header and the first 8 bytes of our echo request.
            int inner = off + 8;
            if (length < 8 + 20 || (p[inner] >> 4 & 0xf) != 4 || (p[inner + 9] & 0xff) != IPPROTO_ICMP) {
                return null;
            }
            int innerIcmp = inner + (p[inner] & 0xf) * 4;
            if (innerIcmp + 8 > off + length || (p[innerIcmp] & 0xff) != EchoRequest.ICMP_ECHO) {
                return null;
            }
            long info = u32(p, off + 4);
            return new ErrorReport(
                    from, u16(p, innerIcmp + 4), u16(p, innerIcmp + 6), IcmpErrors.icmp4(type, code, info));
        }
        return null;
    }

    /** An ICMPv6 message (sockets never include the IPv6 header). */
    static IcmpMessage icmp6(byte[] p, int off, int length, InetAddress from, int hopLimit) {
        if (length < 8) {
            return null;
        }
        int type = p[off] & 0xff;
        int code = p[off + 1] & 0xff;
        if (type == ICMP6_ECHOREPLY) {
            return new EchoReply(from, u16(p, off + 4), u16(p, off + 6), length, hopLimit);
        }
        if (type >= 1 && type <= 4) {
            int inner = off + 8;
            int innerIcmp = inner + 40;
            if (innerIcmp + 8 > off + length
                    || (p[inner] >> 4 & 0xf) != 6
                    || (p[inner + 6] & 0xff) != IPPROTO_ICMPV6
                    || (p[innerIcmp] & 0xff) != EchoRequest.ICMP6_ECHO) {
                return null;
            }
            return new ErrorReport(
                    from, u16(p, innerIcmp + 4), u16(p, innerIcmp + 6), IcmpErrors.icmp6(type, code, u32(p, off + 4)));
        }
        return null;
    }

    /** An error from a datagram socket's error queue: {@code original} is our echo request. */
    static IcmpMessage fromErrorQueue(byte[] original, Datagram.QueuedError e, boolean ipv6) {
        if (original.length < 8) {
            return null;
        }
        int id = u16(original, 4);
        int seq = u16(original, 6);
        IcmpErrors.Description description = switch (e.origin()) {
            case Datagram.QueuedError.ORIGIN_ICMP -> IcmpErrors.icmp4(e.type(), e.code(), e.info() & 0xffffffffL);
            case Datagram.QueuedError.ORIGIN_ICMP6 -> IcmpErrors.icmp6(e.type(), e.code(), e.info() & 0xffffffffL);
            default -> new IcmpErrors.Description("local error: " + Libc.message(e.errno()), IcmpErrors.Cause.OTHER);
        };
        return new ErrorReport(e.offender(), id, seq, description);
    }

    private static int u16(byte[] p, int at) {
        return (p[at] & 0xff) << 8 | (p[at + 1] & 0xff);
    }

    private static long u32(byte[] p, int at) {
        return ((long) u16(p, at) << 16) | u16(p, at + 2);
    }

    private static InetAddress v4(byte[] p, int at) {
        try {
            return InetAddress.getByAddress(new byte[] {p[at], p[at + 1], p[at + 2], p[at + 3]});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // four bytes are always an address
        }
    }
}

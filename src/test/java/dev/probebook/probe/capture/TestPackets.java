package dev.probebook.probe.capture;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** Builds raw Ethernet frames (IPv4/IPv6 with TCP, UDP, ICMP) for decoder and formatter tests. */
final class TestPackets {

    private TestPackets() {}

    static final byte[] SYN_OPTIONS = {
        2, 4, (byte) 0xff, (byte) 0xd7, 4, 2, 8, 10, 0x04, (byte) 0xf9, 0x5d, (byte) 0xac, 0, 0, 0, 0, 1, 3, 3, 7
    }; // mss 65495,sackOK,TS val 83451308 ecr 0,nop,wscale 7

    static byte[] tcp4(
            String src,
            int sport,
            String dst,
            int dport,
            long seq,
            long ack,
            int flags,
            int window,
            byte[] options,
            int payload) {
        byte[] tcp = tcpHeader(sport, dport, seq, ack, flags, window, options, payload);
        return ethernet(0x0800, ipv4(src, dst, 6, tcp));
    }

    static byte[] tcp6(
            String src,
            int sport,
            String dst,
            int dport,
            long seq,
            long ack,
            int flags,
            int window,
            byte[] options,
            int payload) {
        byte[] tcp = tcpHeader(sport, dport, seq, ack, flags, window, options, payload);
        return ethernet(0x86dd, ipv6(src, dst, 6, tcp));
    }

    static byte[] udp4(String src, int sport, String dst, int dport, int payload) {
        byte[] udp = new byte[8 + payload];
        put16(udp, 0, sport);
        put16(udp, 2, dport);
        put16(udp, 4, 8 + payload);
        return ethernet(0x0800, ipv4(src, dst, 17, udp));
    }

    static byte[] icmpEcho4(String src, String dst, boolean request, int id, int seq, int payload) {
        byte[] icmp = new byte[8 + payload];
        icmp[0] = (byte) (request ? 8 : 0);
        put16(icmp, 4, id);
        put16(icmp, 6, seq);
        return ethernet(0x0800, ipv4(src, dst, 1, icmp));
    }

    /** ICMP port unreachable from {@code router} about a TCP packet src:sport -> dst:dport. */
    static byte[] icmpPortUnreachable4(String router, String src, int sport, String dst, int dport, int protocol) {
        byte[] inner = new byte[8];
        put16(inner, 0, sport);
        put16(inner, 2, dport);
        byte[] quoted = ipv4(src, dst, protocol, inner);
        byte[] icmp = new byte[8 + quoted.length];
        icmp[0] = 3;
        icmp[1] = 3;
        System.arraycopy(quoted, 0, icmp, 8, quoted.length);
        return ethernet(0x0800, ipv4(router, src, 1, icmp));
    }

    private static byte[] tcpHeader(
            int sport, int dport, long seq, long ack, int flags, int window, byte[] options, int payload) {
        int hlen = 20 + options.length;
        byte[] tcp = new byte[hlen + payload];
        put16(tcp, 0, sport);
        put16(tcp, 2, dport);
        put32(tcp, 4, seq);
        put32(tcp, 8, ack);
        tcp[12] = (byte) ((hlen / 4) << 4);
        tcp[13] = (byte) flags;
        put16(tcp, 14, window);
        System.arraycopy(options, 0, tcp, 20, options.length);
        return tcp;
    }

    static byte[] ipv4(String src, String dst, int protocol, byte[] payload) {
        byte[] ip = new byte[20 + payload.length];
        ip[0] = 0x45;
        put16(ip, 2, ip.length);
        put16(ip, 4, 4242);
        put16(ip, 6, 0x4000);
        ip[8] = 64;
        ip[9] = (byte) protocol;
        System.arraycopy(addr(src), 0, ip, 12, 4);
        System.arraycopy(addr(dst), 0, ip, 16, 4);
        System.arraycopy(payload, 0, ip, 20, payload.length);
        return ip;
    }

    static byte[] ipv6(String src, String dst, int next, byte[] payload) {
        byte[] ip = new byte[40 + payload.length];
        ip[0] = 0x60;
        put16(ip, 4, payload.length);
        ip[6] = (byte) next;
        ip[7] = 64;
        System.arraycopy(addr(src), 0, ip, 8, 16);
        System.arraycopy(addr(dst), 0, ip, 24, 16);
        System.arraycopy(payload, 0, ip, 40, payload.length);
        return ip;
    }

    static byte[] ethernet(int type, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[12]);
        out.write(type >> 8);
        out.write(type & 0xff);
        out.writeBytes(payload);
        return out.toByteArray();
    }

    private static byte[] addr(String a) {
        try {
            return InetAddress.getByName(a).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(a, e);
        }
    }

    private static void put16(byte[] b, int at, int v) {
        b[at] = (byte) (v >> 8);
        b[at + 1] = (byte) v;
    }

    private static void put32(byte[] b, int at, long v) {
        put16(b, at, (int) (v >> 16) & 0xffff);
        put16(b, at + 2, (int) v & 0xffff);
    }
}

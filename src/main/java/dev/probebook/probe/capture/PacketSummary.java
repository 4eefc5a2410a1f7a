package dev.probebook.probe.capture;

import dev.probebook.net.AddressText;
import java.time.Instant;
import java.util.Locale;

/** Builds the details record of one packet from its decoded form and printed line. */
final class PacketSummary {

    private PacketSummary() {}

    static CaptureDetails.Packet of(Instant time, DecodedPacket packet, String line) {
        String t = time.toString();
        return switch (packet) {
            case DecodedPacket.Ip ip -> ip(t, ip, line);
            case DecodedPacket.Arp arp ->
                new CaptureDetails.Packet(
                        t,
                        AddressText.of(arp.senderIp()),
                        AddressText.of(arp.targetIp()),
                        "ARP",
                        "",
                        arp.length(),
                        line);
            case DecodedPacket.Other other ->
                new CaptureDetails.Packet(t, "", "", "other", "", other.wireLength(), line);
        };
    }

    private static CaptureDetails.Packet ip(String t, DecodedPacket.Ip ip, String line) {
        DecodedPacket.IpHeader h = ip.header();
        String src = AddressText.of(h.source());
        String dst = AddressText.of(h.destination());
        return switch (ip.payload()) {
            case DecodedPacket.Tcp tcp ->
                new CaptureDetails.Packet(
                        t,
                        ConnectionTracker.endpoint(h.source(), tcp.sourcePort()),
                        ConnectionTracker.endpoint(h.destination(), tcp.destinationPort()),
                        "TCP",
                        TcpdumpFormatter.flags(tcp.flags()),
                        tcp.payloadLength(),
                        line);
            case DecodedPacket.Udp udp ->
                new CaptureDetails.Packet(
                        t,
                        ConnectionTracker.endpoint(h.source(), udp.sourcePort()),
                        ConnectionTracker.endpoint(h.destination(), udp.destinationPort()),
                        "UDP",
                        "",
                        udp.payloadLength(),
                        line);
            case DecodedPacket.Icmp icmp ->
                new CaptureDetails.Packet(t, src, dst, icmp.v6() ? "ICMP6" : "ICMP", "", icmp.length(), line);
            case DecodedPacket.OtherTransport o ->
                new CaptureDetails.Packet(
                        t,
                        src,
                        dst,
                        TcpdumpFormatter.protocolName(o.protocol()).equals("unknown")
                                ? "IP proto " + o.protocol()
                                : TcpdumpFormatter.protocolName(o.protocol()),
                        "",
                        o.length(),
                        line);
            case DecodedPacket.Truncated tr ->
                new CaptureDetails.Packet(t, src, dst, tr.protocol().toUpperCase(Locale.ROOT), "", 0, line);
        };
    }
}

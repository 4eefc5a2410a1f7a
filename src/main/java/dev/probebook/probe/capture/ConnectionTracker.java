package dev.probebook.probe.capture;

import dev.probebook.net.AddressText;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Follows TCP connections (4-tuples) through a capture to tell the runbook's "normal" and "abnormal"
 * packet pictures apart: SYN / SYN-ACK / ACK is a completed handshake; a SYN sent again and again with no
 * reply is dropped on the way; a SYN answered by RST is refused. Also counts packets per address pair and
 * direction, to judge captures without a handshake. One instance per capture, one thread.
 */
final class ConnectionTracker {

    /** A single unanswered SYN counts as dropped once this long has passed without a reply. */
    static final Duration NO_REPLY_AFTER = Duration.ofSeconds(1);

    private final Map<String, Flow> flows = new LinkedHashMap<>();
    private final Map<String, long[]> pairs = new LinkedHashMap<>();

    /** Packets per direction between two addresses: {@code first -> second} and back. */
    record Pair(String first, String second, long forward, long backward) {
        boolean twoWay() {
            return forward > 0 && backward > 0;
        }
    }

    /** Mutable state of one 4-tuple. */
    private static final class Flow {
        String client;
        String server;
        boolean synSeen;
        int syns;
        int synAcks;
        boolean established;
        int rstFromServer;
        int rstFromClient;
        int packets;
        Instant lastSyn;
        String icmpReason;
    }

    void add(Instant time, DecodedPacket packet) {
        if (!(packet instanceof DecodedPacket.Ip ip)) {
            return;
        }
        countPair(ip.header().source(), ip.header().destination());
        switch (ip.payload()) {
            case DecodedPacket.Tcp tcp -> tcp(time, ip.header(), tcp);
            case DecodedPacket.Icmp icmp -> icmp(icmp);
            default -> {}
        }
    }

    private void countPair(InetAddress src, InetAddress dst) {
        String a = AddressText.of(src);
        String b = AddressText.of(dst);
        String key = a.compareTo(b) <= 0 ? a + "|" + b : b + "|" + a;
        long[] counts = pairs.computeIfAbsent(key, k -> new long[2]);
        counts[a.compareTo(b) <= 0 ? 0 : 1]++;
    }

    private void tcp(Instant time, DecodedPacket.IpHeader h, DecodedPacket.Tcp tcp) {
        String src = endpoint(h.source(), tcp.sourcePort());
        String dst = endpoint(h.destination(), tcp.destinationPort());
        Flow f = flows.computeIfAbsent(key(src, dst), k -> new Flow());
        f.packets++;
        if (tcp.synOnly()) {
            if (!f.synSeen) {
                f.synSeen = true;
                f.client = src;
                f.server = dst;
            }
            if (src.equals(f.client)) {
                f.syns++;
                f.lastSyn = time;
            }
            return;
        }
        if (f.client == null) {
            // the opening SYN was not captured: a SYN-ACK comes from the server, anything else we cannot tell
            f.client = tcp.synAck() ? dst : src;
            f.server = tcp.synAck() ? src : dst;
        }
        boolean fromServer = src.equals(f.server);
        if (tcp.synAck() && fromServer) {
            f.synAcks++;
        } else if (tcp.has(DecodedPacket.Tcp.RST)) {
            if (fromServer) {
                f.rstFromServer++;
            } else {
                f.rstFromClient++;
            }
        } else if (!fromServer && tcp.has(DecodedPacket.Tcp.ACK) && f.synAcks > 0) {
            f.established = true;
        }
    }

    /** An ICMP error about one of our TCP flows (a REJECT with icmp-*-unreachable). */
    private void icmp(DecodedPacket.Icmp icmp) {
        DecodedPacket.Quoted q = icmp.quoted();
        if (q == null || q.protocol() != 6 || q.sourcePort() < 0) {
            return;
        }
        boolean unreachable = icmp.v6() ? icmp.type() == 1 : icmp.type() == 3;
        if (!unreachable) {
            return;
        }
        Flow f = flows.get(key(endpoint(q.source(), q.sourcePort()), endpoint(q.destination(), q.destinationPort())));
        if (f != null) {
            f.icmpReason = icmpReason(icmp);
        }
    }

    private static String icmpReason(DecodedPacket.Icmp icmp) {
        if (icmp.v6()) {
            return switch (icmp.code()) {
                case 1 -> "ICMPv6 administratively prohibited";
                case 4 -> "ICMPv6 port unreachable";
                default -> "ICMPv6 destination unreachable (code " + icmp.code() + ")";
            };
        }
        return switch (icmp.code()) {
            case 0 -> "ICMP net unreachable";
            case 1 -> "ICMP host unreachable";
            case 3 -> "ICMP port unreachable";
            case 9, 10, 13 -> "ICMP administratively prohibited";
            default -> "ICMP unreachable (code " + icmp.code() + ")";
        };
    }

    static String endpoint(InetAddress address, int port) {
        return AddressText.withPort(address, port);
    }

    private static String key(String a, String b) {
        return a.compareTo(b) <= 0 ? a + "|" + b : b + "|" + a;
    }

    /** The analysis of every connection seen, judged as of {@code end} (when the capture stopped). */
    List<CaptureDetails.Connection> connections(Instant end) {
        List<CaptureDetails.Connection> out = new ArrayList<>();
        for (Flow f : flows.values()) {
            out.add(judge(f, end));
        }
        return out;
    }

    List<Pair> pairs() {
        List<Pair> out = new ArrayList<>();
        pairs.forEach((key, counts) -> {
            String[] ab = key.split("\\|");
            out.add(new Pair(ab[0], ab[1], counts[0], counts[1]));
        });
        return out;
    }

    private static CaptureDetails.Connection judge(Flow f, Instant end) {
        String outcome;
        String verdict;
        String why;
        if (!f.synSeen) {
            outcome = "in-progress";
            verdict = "none";
            why = "opened before the capture started: no handshake to judge";
        } else if (f.established) {
            outcome = "established";
            verdict = "ok";
            why = "handshake completed (SYN, SYN-ACK, ACK): the path is open and something listens";
        } else if (f.synAcks >= 2) {
            outcome = "handshake-incomplete";
            verdict = "fail";
            why = "the server answered " + f.synAcks + " times (SYN-ACK) but the client never completed the handshake: "
                    + "the reply does not reach the client (asymmetric routing or a firewall on the return path)";
        } else if (f.synAcks == 1) {
            outcome = "answered";
            verdict = "ok";
            why = "the server answered the SYN (SYN-ACK): the path is open and something listens";
        } else if (f.rstFromServer > 0) {
            outcome = "refused";
            verdict = "fail";
            why =
                    "the SYN was answered by RST (connection refused): nothing listens on that port, or a firewall REJECTs it";
        } else if (f.icmpReason != null) {
            outcome = "rejected";
            verdict = "fail";
            why = "the SYN was rejected with " + f.icmpReason + ": a firewall REJECT rule or the routing refuses it";
        } else if (f.syns >= 2 || Duration.between(f.lastSyn, end).compareTo(NO_REPLY_AFTER) >= 0) {
            outcome = "dropped";
            verdict = "fail";
            why = f.syns >= 2
                    ? "SYN retransmitted " + (f.syns - 1) + " time" + (f.syns == 2 ? "" : "s")
                            + " with no reply: a firewall drops it"
                    : "SYN got no reply: a firewall drops it";
        } else {
            outcome = "waiting";
            verdict = "warn";
            why = "one SYN sent just before the capture ended, no reply yet";
        }
        String rstFrom = f.rstFromServer > 0 ? "server" : f.rstFromClient > 0 ? "client" : null;
        return new CaptureDetails.Connection(
                f.client,
                f.server,
                f.syns,
                f.synAcks,
                rstFrom != null,
                rstFrom,
                f.established,
                f.packets,
                outcome,
                verdict,
                why);
    }
}

package dev.probebook.probe.capture;

import dev.probebook.probe.ProbeDetails;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Structured result of a capture (or of a saved one read with {@code -r}, whose file name stands in {@code iface}):
 * where and what was captured, every packet, the per-connection
 * analysis and where the {@code -w} file went. Serialised to JSON; only strings, numbers and lists.
 *
 * @param stopReason why the capture ended: {@code count}, {@code max-packets}, {@code max-duration},
 *                   {@code max-bytes}, {@code stopped} (user or run deadline), {@code error} (libpcap failed
 *                   mid-capture, e.g. the interface disappeared, or a saved file ends early), {@code end} (all of a
 *                   saved capture read)
 * @param receivedByFilter pcap statistics, -1 when unavailable
 * @param savedFile        the pcap file written for {@code -w}, null without {@code -w}
 */
public record CaptureDetails(
        String iface,
        String linkType,
        String filter,
        List<Packet> packets,
        List<Connection> connections,
        int captured,
        long receivedByFilter,
        long droppedByKernel,
        String stopReason,
        String savedFile)
        implements ProbeDetails {

    public CaptureDetails {
        packets = List.copyOf(packets);
        connections = List.copyOf(connections);
    }

    /**
     * One captured packet. {@code src}/{@code dst} are {@code address:port} ({@code [v6]:port}) or bare
     * addresses; {@code flags} are tcpdump's TCP flag letters ({@code S.}), empty for other protocols;
     * {@code length} is the length tcpdump prints (transport payload for TCP/UDP); {@code line} is the
     * printed text.
     */
    public record Packet(String time, String src, String dst, String proto, String flags, int length, String line) {}

    /**
     * One TCP connection (4-tuple). {@code client} sent the SYN. {@code outcome}: {@code established},
     * {@code answered} (SYN-ACK seen, final ACK not yet), {@code refused} (RST to the SYN),
     * {@code rejected} (ICMP unreachable), {@code dropped} (SYN without reply), {@code waiting} (one SYN
     * sent just before the end), {@code handshake-incomplete} (SYN-ACK repeated, never ACKed),
     * {@code in-progress} (opened before the capture started). {@code verdict} is ok/warn/fail/none.
     */
    public record Connection(
            String client,
            String server,
            int synCount,
            int synAckCount,
            boolean rst,
            String rstFrom,
            boolean established,
            int packets,
            String outcome,
            String verdict,
            String explanation) {}

    /** Packets caught and each connection's outcome. */
    @Override
    public Map<String, String> facts() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("packets", String.valueOf(captured));
        for (Connection c : connections) {
            f.put("connection to " + c.server(), c.outcome());
        }
        return f;
    }
}

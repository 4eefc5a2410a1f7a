package dev.probebook.probe.capture;

import dev.probebook.probe.ProbeContext;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The packets of one capture or one saved file as they come in: each printed as tcpdump prints it (unless they go
 * to a {@code -w} file), its bytes for {@code -A}/{@code -X}/{@code -x}, followed by the connection tracker, and
 * kept for the details. Bounded by {@code -c} and {@code probebook.capture.max-packets}. Used on the probe's worker
 * thread only.
 */
final class PacketSession {

    private final CaptureCommand cmd;
    private final ProbeContext ctx;
    private final int linkType;
    private final TcpdumpFormatter formatter;
    private final ConnectionTracker tracker = new ConnectionTracker();
    private final List<CaptureDetails.Packet> packets = new ArrayList<>();
    private final int limit;
    private Instant last;

    PacketSession(CaptureCommand cmd, ProbeContext ctx, int linkType, ZoneId zone) {
        this.cmd = cmd;
        this.ctx = ctx;
        this.linkType = linkType;
        this.formatter = new TcpdumpFormatter(
                new TcpdumpFormatter.Options(cmd.verbose(), cmd.quiet(), cmd.timestamps(), cmd.absoluteSeq()),
                AddressNames.of(cmd.numeric(), ctx.settings().hostsFile()),
                zone);
        int max = Math.max(1, ctx.settings().section(CaptureSettings.SECTION).maxPackets());
        this.limit = cmd.count() > 0 ? Math.min(cmd.count(), max) : max;
    }

    /** Null while more packets may come; otherwise why not: {@code count} ({@code -c}) or {@code max-packets}. */
    String full() {
        if (packets.size() < limit) {
            return null;
        }
        return cmd.count() > 0 && packets.size() >= cmd.count() ? "count" : "max-packets";
    }

    void packet(Instant time, byte[] raw, int wireLength) {
        DecodedPacket decoded = PacketDecoder.decode(linkType, raw, wireLength);
        String line = formatter.format(time, decoded);
        if (!cmd.writes()) {
            ctx.out(line);
            cmd.dump().lines(linkType, raw).forEach(ctx::out);
        }
        tracker.add(time, decoded);
        packets.add(PacketSummary.of(time, decoded, line));
        last = time;
    }

    int size() {
        return packets.size();
    }

    List<CaptureDetails.Packet> packets() {
        return packets;
    }

    /** The time of the last packet, null before the first. */
    Instant last() {
        return last;
    }

    ConnectionTracker tracker() {
        return tracker;
    }

    /** {@code EN10MB}, {@code LINUX_SLL}, ... as the details name the link type. */
    String linkTypeLabel() {
        return switch (linkType) {
            case PacketDecoder.DLT_EN10MB -> "EN10MB";
            case PacketDecoder.DLT_LINUX_SLL -> "LINUX_SLL";
            case PacketDecoder.DLT_LINUX_SLL2 -> "LINUX_SLL2";
            default -> "DLT " + linkType;
        };
    }
}

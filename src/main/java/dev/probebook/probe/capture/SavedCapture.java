package dev.probebook.probe.capture;

import dev.probebook.probe.ProbeContext;
import dev.probebook.probe.ProbeResult;
import dev.probebook.probe.Verdict;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.pcap4j.core.BpfProgram;
import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.Pcaps;

/**
 * {@code tcpdump -r FILE}: the packets of a capture Probebook saved with {@code -w}, printed as tcpdump prints them
 * and judged as a live capture is. The file is only ever one under {@code <data-dir>/captures/}
 * ({@link CaptureFile#find}): a runbook's path names the capture made for it, never a file of its own choosing.
 *
 * <p>Runs on the probe's worker thread; reading a local file is quick, bounded by {@code -c} and
 * {@code probebook.capture.max-packets}, and checks for a stop between packets.
 */
final class SavedCapture {

    private final CaptureCommand cmd;
    private final ProbeContext ctx;
    private final ZoneId zone = ZoneId.systemDefault();

    SavedCapture(CaptureCommand cmd, ProbeContext ctx) {
        this.cmd = cmd;
        this.ctx = ctx;
    }

    ProbeResult run() throws InterruptedException {
        Path dataDir = ctx.settings().dataDir();
        Optional<Path> found;
        List<String> recent;
        try {
            found = CaptureFile.find(dataDir, cmd.readFile());
            recent = found.isPresent() ? List.of() : CaptureFile.recent(dataDir, 3);
        } catch (IOException e) {
            ctx.out("tcpdump: " + cmd.readFile() + ": " + e.getMessage());
            return ProbeResult.error(
                    "cannot read the saved captures in " + dataDir.resolve("captures") + ": " + e.getMessage());
        }
        if (found.isEmpty()) {
            ctx.out("tcpdump: " + cmd.readFile() + ": No such file or directory");
            return ProbeResult.fail(
                    "no saved capture for " + cmd.readFile()
                            + ": Probebook reads only the captures it saved (tcpdump -w "
                            + cmd.readFile() + " first, then -r the same name)"
                            + (recent.isEmpty() ? "; none is saved yet" : "; the newest: " + String.join(", ", recent)),
                    null);
        }
        Path file = found.get();
        String expression;
        try {
            expression = FilterPreparation.prepare(cmd, ctx);
        } catch (FilterPreparation.Refused e) {
            return e.result();
        }
        PcapHandle handle;
        try {
            handle = Pcaps.openOffline(file.toString(), PcapHandle.TimestampPrecision.MICRO);
        } catch (PcapNativeException e) {
            ctx.out("tcpdump: " + e.getMessage());
            return ProbeResult.error("cannot read " + file + " as a pcap file: " + e.getMessage());
        }
        try (handle) {
            if (!expression.isBlank()) {
                handle.setFilter(expression, BpfProgram.BpfCompileMode.OPTIMIZE);
            }
            ctx.out("reading from file " + cmd.readFile() + ", link-type " + LiveCapture.linkTypeName(handle.getDlt())
                    + ", snapshot length " + handle.getSnapshot());
            return read(handle, file);
        } catch (PcapNativeException e) {
            return FilterPreparation.badFilter(cmd, ctx, e.getMessage());
        } catch (NotOpenException e) {
            return ProbeResult.error("the saved capture closed unexpectedly: " + e.getMessage());
        }
    }

    private ProbeResult read(PcapHandle handle, Path file) throws NotOpenException, InterruptedException {
        PacketSession packets = new PacketSession(cmd, ctx, handle.getDlt().value(), zone);
        String stopReason = "end";
        String failure = null;
        while (true) {
            if (ctx.cancelled()) {
                throw new InterruptedException("stopped");
            }
            if (packets.full() != null) {
                stopReason = packets.full();
                break;
            }
            byte[] raw;
            try {
                raw = handle.getNextRawPacketEx();
            } catch (EOFException e) {
                break;
            } catch (TimeoutException e) {
                continue; // not for a file; read on
            } catch (PcapNativeException e) {
                failure = e.getMessage(); // a truncated file: keep what was read, as tcpdump does
                ctx.out("tcpdump: pcap_loop: " + failure);
                stopReason = "error";
                break;
            }
            Timestamp ts = handle.getTimestamp();
            Integer original = handle.getOriginalLength();
            packets.packet(ts == null ? Instant.EPOCH : ts.toInstant(), raw, original == null ? raw.length : original);
        }
        if ("max-packets".equals(stopReason)) {
            ctx.out("tcpdump: stopped after " + packets.size() + " packets (probebook.capture.max-packets)");
        }
        int n = packets.size();
        String source = file.getFileName().toString();
        String filter = cmd.filter().text();
        List<CaptureDetails.Connection> connections =
                packets.tracker().connections(packets.last() == null ? Instant.EPOCH : packets.last());
        Verdict verdict;
        String summary;
        if (n == 0) {
            verdict = Verdict.WARN;
            summary = "no packets in " + source + (filter.isEmpty() ? "" : " matched the filter '" + filter + "'")
                    + ": the capture caught none" + (filter.isEmpty() ? "" : ", or the filter leaves them out");
        } else {
            CaptureVerdict v =
                    CaptureVerdict.judge(n, connections, packets.tracker().pairs(), source, filter);
            verdict = v.verdict();
            summary = n + " packet" + (n == 1 ? "" : "s") + " read from " + source + ": " + v.summary();
        }
        if (failure != null) {
            summary = "the file " + source + " ends early (" + failure + "). What it holds: " + summary;
            verdict = verdict == Verdict.OK ? Verdict.WARN : verdict;
        }
        CaptureDetails details = new CaptureDetails(
                source, packets.linkTypeLabel(), filter, packets.packets(), connections, n, -1, -1, stopReason, null);
        return new ProbeResult(verdict, summary, details);
    }
}

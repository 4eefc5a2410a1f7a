package dev.probebook.probe.capture;

import dev.probebook.files.PrivateFiles;
import dev.probebook.probe.ProbeContext;
import dev.probebook.probe.ProbeResult;
import dev.probebook.probe.Verdict;
import dev.probebook.settings.Settings;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.pcap4j.core.BpfProgram;
import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.PcapDumper;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.PcapNetworkInterface;
import org.pcap4j.core.PcapStat;
import org.pcap4j.core.Pcaps;
import org.pcap4j.packet.namednumber.DataLinkType;

/**
 * One live capture through libpcap (pcap4j): resolve the filter's host names, compile the filter, open the
 * interface, poll packets until a bound or a stop, print them like tcpdump, and judge the connections seen.
 *
 * <p>Threading and timeouts: everything runs on the probe's worker thread. The handle is non-blocking and
 * polled (a blocking read can hang forever on TPACKET_V3), so each loop turn checks {@link ProbeContext#cancelled()}
 * and the capture's own deadline; the handle is therefore not registered with {@code closeOnCancel}: it stays
 * open after a stop so that the statistics can still be read. The capture's duration is
 * {@code probebook.capture.max-duration}, clamped to end just before the run's deadline, so a long capture
 * returns its packets instead of being cut off by the engine.
 *
 * <p>pcap4j errors that mean libpcap is missing are {@link LinkageError}s; the caller turns them into advice.
 */
final class LiveCapture {

    private static final int READ_TIMEOUT_MS = 50;
    private static final long IDLE_SLEEP_MS = 5;
    /** Ends a deadline-bound capture this much before the engine would cancel the run. */
    private static final Duration DEADLINE_MARGIN = Duration.ofMillis(300);

    private final CaptureCommand cmd;
    private final ProbeContext ctx;
    private final Settings settings;
    private final ZoneId zone = ZoneId.systemDefault();

    LiveCapture(CaptureCommand cmd, ProbeContext ctx) {
        this.cmd = cmd;
        this.ctx = ctx;
        this.settings = ctx.settings();
    }

    ProbeResult run() throws InterruptedException {
        List<Device> devices = devices();
        if (cmd.listInterfaces()) {
            Device.listing(devices).forEach(ctx::out);
            return devices.isEmpty()
                    ? ProbeResult.warn("libpcap lists no interfaces: is this a container without network access?", null)
                    : ProbeResult.ok(
                            devices.size() + " capture interfaces: "
                                    + String.join(
                                            ", ",
                                            devices.stream().map(Device::name).toList()) + " (use one with -i)",
                            null);
        }
        String expression;
        try {
            expression = FilterPreparation.prepare(cmd, ctx);
        } catch (FilterPreparation.Refused e) {
            return e.result();
        }
        String iface = chooseInterface(devices);
        if (iface == null) {
            ctx.out("tcpdump: no suitable device found");
            return ProbeResult.error(
                    "no interface is up to capture on: name one with -i (tcpdump -D lists them) or set probebook.capture.interface");
        }
        PcapHandle handle;
        try {
            handle = new PcapHandle.Builder(iface)
                    .snaplen(cmd.snaplen())
                    .promiscuousMode(
                            cmd.promiscuous()
                                    ? PcapNetworkInterface.PromiscuousMode.PROMISCUOUS
                                    : PcapNetworkInterface.PromiscuousMode.NONPROMISCUOUS)
                    .timeoutMillis(READ_TIMEOUT_MS)
                    .immediateMode(true)
                    .build();
        } catch (PcapNativeException e) {
            OpenFailure failure = OpenFailure.classify(iface, e.getReturnCode(), e.getMessage(), devices);
            failure.lines().forEach(ctx::out);
            return ProbeResult.error(failure.summary());
        }
        try (handle) {
            return capture(handle, iface, expression);
        } catch (NotOpenException e) {
            return ProbeResult.error("the capture handle closed unexpectedly: " + e.getMessage());
        }
    }

    private static List<Device> devices() {
        try {
            List<Device> out = new ArrayList<>();
            for (PcapNetworkInterface d : Pcaps.findAllDevs()) {
                out.add(new Device(d.getName(), d.getDescription(), d.isUp(), d.isRunning(), d.isLoopBack()));
            }
            return out;
        } catch (PcapNativeException e) {
            return List.of(); // "no devices": opening the named interface will say what is wrong
        }
    }

    private String chooseInterface(List<Device> devices) {
        if (cmd.iface() != null) {
            boolean exists = devices.stream().anyMatch(d -> d.name().equals(cmd.iface()));
            String byIndex = exists ? null : Device.byIndex(cmd.iface(), devices);
            return byIndex != null ? byIndex : cmd.iface();
        }
        String configured = settings.section(CaptureSettings.SECTION).iface();
        if (configured != null && !configured.isBlank()) {
            return configured.strip();
        }
        return Device.defaultDevice(devices).orElse(null);
    }

    private ProbeResult capture(PcapHandle handle, String iface, String expression) throws NotOpenException {
        if (!expression.isBlank()) {
            try {
                handle.setFilter(expression, BpfProgram.BpfCompileMode.OPTIMIZE);
            } catch (PcapNativeException e) {
                return FilterPreparation.badFilter(cmd, ctx, e.getMessage());
            }
        }
        try {
            handle.setBlockingMode(PcapHandle.BlockingMode.NONBLOCKING);
        } catch (PcapNativeException e) {
            return ProbeResult.error("cannot poll " + iface + " without blocking: " + e.getMessage());
        }
        int linkType = handle.getDlt().value();
        String linkName = linkTypeName(handle.getDlt());
        Path file = null;
        PcapDumper dumper = null;
        if (cmd.writes()) {
            file = CaptureFile.newPath(settings.dataDir(), Instant.now(), zone);
            try {
                // private from the first byte: libpcap opens an existing file without widening its rights
                PrivateFiles.directory(settings.dataDir());
                PrivateFiles.directory(file.getParent());
                PrivateFiles.createFile(file);
                CaptureFile.recordRequestedName(file, cmd.writeFile());
                dumper = handle.dumpOpen(file.toString());
            } catch (IOException | PcapNativeException e) {
                ctx.out("tcpdump: " + file + ": " + e.getMessage());
                return ProbeResult.error("cannot create the capture file under " + file.getParent()
                        + " (probebook.data-dir): " + e.getMessage());
            }
        }
        if (cmd.verbose() == 0 && !cmd.writes()) {
            ctx.out("tcpdump: verbose output suppressed, use -v[v]... for full protocol decode");
        }
        if (file != null) {
            ctx.out("tcpdump: writing packets to " + file + " (not to " + cmd.writeFile()
                    + ": captures are kept in the data directory)");
        }
        ctx.out((cmd.verbose() > 0 || cmd.writes() ? "tcpdump: " : "") + "listening on " + iface + ", link-type "
                + linkName + ", snapshot length " + handle.getSnapshot() + " bytes");

        Session s = new Session(linkType, iface);
        try {
            s.loop(handle, dumper);
        } finally {
            if (dumper != null) {
                dumper.close();
            }
        }
        PcapStat stats = stats(handle);
        return s.finish(stats, file);
    }

    static String linkTypeName(DataLinkType dlt) {
        try {
            return Pcaps.dataLinkTypeToName(dlt) + " (" + Pcaps.dataLinkTypeToDescription(dlt) + ")";
        } catch (PcapNativeException e) {
            return dlt.name();
        }
    }

    private static PcapStat stats(PcapHandle handle) {
        try {
            return handle.getStats();
        } catch (PcapNativeException | NotOpenException | RuntimeException e) {
            return null;
        }
    }

    /** The state of the running capture loop. */
    private final class Session {
        private final String iface;
        private final PacketSession packets;
        private final Duration duration;
        private final boolean deadlineBound;
        private String stopReason = "stopped";
        /** libpcap's error when the capture broke off ({@code The interface disappeared}), null otherwise. */
        private String failure;

        private long fileBytes = CaptureFile.FILE_HEADER;

        Session(int linkType, String iface) {
            this.iface = iface;
            this.packets = new PacketSession(cmd, ctx, linkType, zone);
            Duration wanted = settings.section(CaptureSettings.SECTION).maxDuration();
            Duration left = ctx.remaining().minus(DEADLINE_MARGIN);
            this.deadlineBound = left.compareTo(wanted) < 0;
            this.duration = deadlineBound ? (left.isNegative() ? Duration.ZERO : left) : wanted;
        }

        void loop(PcapHandle handle, PcapDumper dumper) throws NotOpenException {
            long end = System.nanoTime() + duration.toNanos();
            while (true) {
                if (ctx.cancelled()) {
                    stopReason = "stopped";
                    return;
                }
                if (packets.full() != null) {
                    stopReason = packets.full();
                    return;
                }
                if (System.nanoTime() - end >= 0) {
                    stopReason = "max-duration";
                    return;
                }
                byte[] raw;
                try {
                    raw = handle.getNextRawPacketEx();
                } catch (TimeoutException e) {
                    raw = null; // nothing waiting: the handle is non-blocking
                } catch (PcapNativeException | EOFException e) {
                    // getNextRawPacket() (pcap_next) returns null for "no packet" and for errors alike, so a
                    // capture whose interface was deleted polled on, silently, until max-duration. pcap_next_ex
                    // tells them apart: end now, as tcpdump does, keeping the packets caught so far.
                    failure = pcapError(handle, e);
                    stopReason = "error";
                    return;
                }
                if (raw == null) {
                    try {
                        Thread.sleep(IDLE_SLEEP_MS);
                    } catch (InterruptedException e) {
                        stopReason = "stopped"; // a stop: keep what was caught, like tcpdump on Ctrl-C
                        return;
                    }
                    continue;
                }
                Timestamp ts = handle.getTimestamp();
                Integer original = handle.getOriginalLength();
                if (dumper != null) {
                    if (!CaptureFile.fits(
                            fileBytes,
                            raw.length,
                            settings.section(CaptureSettings.SECTION).maxBytes())) {
                        stopReason = "max-bytes";
                        return;
                    }
                    dumper.dumpRaw(raw, ts);
                    fileBytes += CaptureFile.RECORD_HEADER + raw.length;
                }
                packets.packet(
                        ts == null ? Instant.now() : ts.toInstant(), raw, original == null ? raw.length : original);
            }
        }

        ProbeResult finish(PcapStat stats, Path file) {
            Instant end = Instant.now();
            switch (stopReason) {
                case "max-packets" ->
                    ctx.out("tcpdump: stopped after " + packets.size() + " packets (probebook.capture.max-packets)");
                case "max-duration" ->
                    ctx.out("tcpdump: stopped after " + human(duration)
                            + (deadlineBound
                                    ? " (the run's time limit, probebook.probe-timeout)"
                                    : " (probebook.capture.max-duration)"));
                case "max-bytes" ->
                    ctx.out("tcpdump: stopped: the capture file reached "
                            + settings.section(CaptureSettings.SECTION).maxBytes()
                            + " bytes (probebook.capture.max-bytes)");
                case "error" -> ctx.out("tcpdump: pcap_loop: " + failure);
                default -> {}
            }
            int n = packets.size();
            ctx.out(n + " packet" + plural(n) + " captured");
            long received = -1;
            long dropped = -1;
            if (stats != null) {
                received = stats.getNumPacketsReceived();
                dropped = stats.getNumPacketsDropped();
                ctx.out(received + " packet" + plural(received) + " received by filter");
                ctx.out(dropped + " packet" + plural(dropped) + " dropped by kernel");
                if (stats.getNumPacketsDroppedByIf() != 0) {
                    long ifDrop = stats.getNumPacketsDroppedByIf();
                    ctx.out(ifDrop + " packet" + plural(ifDrop) + " dropped by interface");
                }
            }
            List<CaptureDetails.Connection> connections = packets.tracker().connections(end);
            CaptureVerdict v = CaptureVerdict.judge(
                    n,
                    connections,
                    packets.tracker().pairs(),
                    iface,
                    cmd.filter().text());
            String summary = v.summary();
            Verdict verdict = v.verdict();
            if (failure != null) {
                summary = "the capture on " + iface + " broke off: " + failure + " (libpcap). What it caught before: "
                        + summary;
                verdict = verdict == Verdict.OK ? Verdict.WARN : verdict;
            }
            if (file != null) {
                summary += ". Saved " + n + " packet" + plural(n) + " to " + file;
            }
            if (dropped > 0 && verdict != Verdict.FAIL) {
                summary += " (the kernel dropped " + dropped + " packets: the picture may be incomplete)";
            }
            CaptureDetails details = new CaptureDetails(
                    iface,
                    packets.linkTypeLabel(),
                    cmd.filter().text(),
                    packets.packets(),
                    connections,
                    n,
                    received,
                    dropped,
                    stopReason,
                    file == null ? null : file.toString());
            return new ProbeResult(verdict, summary, details);
        }
    }

    /** libpcap's own words for the failure, without pcap4j's prefix. */
    private static String pcapError(PcapHandle handle, Exception e) {
        try {
            String error = handle.getError();
            if (error != null && !error.isBlank()) {
                return error.strip();
            }
        } catch (NotOpenException | RuntimeException ignored) {
            // fall back to the exception's message
        }
        return e instanceof EOFException ? "end of capture" : String.valueOf(e.getMessage());
    }

    private static String plural(long n) {
        return n == 1 ? "" : "s";
    }

    private static String human(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? (ms / 1000) + "s" : ms + "ms";
    }
}

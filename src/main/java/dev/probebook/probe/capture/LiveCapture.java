package dev.probebook.probe.capture;

import dev.probebook.files.PrivateFiles;
import dev.probebook.net.AddressText;
import dev.probebook.net.NameResolver;
import dev.probebook.probe.ProbeContext;
import dev.probebook.probe.ProbeResult;
import dev.probebook.probe.Verdict;
import dev.probebook.settings.Settings;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
            expression = cmd.filter().expression(resolveHostNames());
        } catch (UnknownHostException e) {
            ctx.out("tcpdump: unknown host '" + e.getMessage() + "'");
            return ProbeResult.fail(
                    "cannot resolve " + e.getMessage() + " (in the capture filter): check the name (nslookup "
                            + e.getMessage() + "), add it to /etc/hosts, or write the IP address in the filter",
                    null);
        }
        String invalid = compileError(expression);
        if (invalid != null) {
            return badFilter(invalid);
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

    /** Host names in the filter resolved by Probebook (hosts file, configured DNS), never by libpcap. */
    private Map<String, List<String>> resolveHostNames() throws UnknownHostException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String name : cmd.filter().hostNames()) {
            List<String> addresses = new ArrayList<>();
            for (InetAddress a : NameResolver.of(ctx).resolve(name).addresses()) {
                addresses.add(AddressText.of(a));
            }
            if (addresses.isEmpty()) {
                throw new UnknownHostException(name);
            }
            out.put(name, addresses);
        }
        return out;
    }

    /** libpcap's own compiler on a dead handle: needs no privilege. Null when the filter compiles. */
    private String compileError(String expression) {
        if (expression.isBlank()) {
            return null;
        }
        try (PcapHandle dead = Pcaps.openDead(DataLinkType.EN10MB, cmd.snaplen())) {
            dead.compileFilter(expression, BpfProgram.BpfCompileMode.OPTIMIZE, PcapHandle.PCAP_NETMASK_UNKNOWN)
                    .free();
            return null;
        } catch (PcapNativeException e) {
            return e.getMessage();
        } catch (NotOpenException e) {
            return "cannot compile the filter: " + e.getMessage();
        }
    }

    private ProbeResult badFilter(String message) {
        ctx.out("tcpdump: " + message);
        return ProbeResult.error("the capture filter '" + cmd.filter().text() + "' is not valid pcap-filter syntax ("
                + message + "). Write it like: host 10.0.0.5 and tcp port 443");
    }

    private ProbeResult capture(PcapHandle handle, String iface, String expression) throws NotOpenException {
        if (!expression.isBlank()) {
            try {
                handle.setFilter(expression, BpfProgram.BpfCompileMode.OPTIMIZE);
            } catch (PcapNativeException e) {
                return badFilter(e.getMessage());
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

    private static String linkTypeName(DataLinkType dlt) {
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
        private final int linkType;
        private final String iface;
        private final TcpdumpFormatter formatter;
        private final ConnectionTracker tracker = new ConnectionTracker();
        private final List<CaptureDetails.Packet> packets = new ArrayList<>();
        private final int limit;
        private final Duration duration;
        private final boolean deadlineBound;
        private String stopReason = "stopped";
        /** libpcap's error when the capture broke off ({@code The interface disappeared}), null otherwise. */
        private String failure;

        private long fileBytes = CaptureFile.FILE_HEADER;

        Session(int linkType, String iface) {
            this.linkType = linkType;
            this.iface = iface;
            this.formatter = new TcpdumpFormatter(
                    new TcpdumpFormatter.Options(cmd.verbose(), cmd.quiet(), cmd.timestamps(), cmd.absoluteSeq()),
                    AddressNames.of(cmd.numeric(), settings.hostsFile()),
                    zone);
            int max = Math.max(1, settings.section(CaptureSettings.SECTION).maxPackets());
            this.limit = cmd.count() > 0 ? Math.min(cmd.count(), max) : max;
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
                if (packets.size() >= limit) {
                    stopReason = cmd.count() > 0 && packets.size() >= cmd.count() ? "count" : "max-packets";
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
                packet(ts == null ? Instant.now() : ts.toInstant(), raw, original == null ? raw.length : original);
            }
        }

        private void packet(Instant time, byte[] raw, int wireLength) {
            DecodedPacket decoded = PacketDecoder.decode(linkType, raw, wireLength);
            String line = formatter.format(time, decoded);
            if (!cmd.writes()) {
                ctx.out(line);
                cmd.dump().lines(linkType, raw).forEach(ctx::out);
            }
            tracker.add(time, decoded);
            packets.add(PacketSummary.of(time, decoded, line));
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
            List<CaptureDetails.Connection> connections = tracker.connections(end);
            CaptureVerdict v = CaptureVerdict.judge(
                    n, connections, tracker.pairs(), iface, cmd.filter().text());
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
                    linkTypeLabel(),
                    cmd.filter().text(),
                    packets,
                    connections,
                    n,
                    received,
                    dropped,
                    stopReason,
                    file == null ? null : file.toString());
            return new ProbeResult(verdict, summary, details);
        }

        private String linkTypeLabel() {
            return switch (linkType) {
                case PacketDecoder.DLT_EN10MB -> "EN10MB";
                case PacketDecoder.DLT_LINUX_SLL -> "LINUX_SLL";
                case PacketDecoder.DLT_LINUX_SLL2 -> "LINUX_SLL2";
                default -> "DLT " + linkType;
            };
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

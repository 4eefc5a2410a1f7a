package dev.probebook.probe.capture;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * Where {@code -w} captures go. The path on the command line comes from a runbook or a web user and is
 * never written to: the pcap file is created under {@code <data-dir>/captures/} with a generated name, and
 * its size is bounded by {@code probebook.capture.max-bytes}.
 */
final class CaptureFile {

    /** pcap file header and per-record header sizes, to bound the file before writing a packet. */
    static final int FILE_HEADER = 24;

    static final int RECORD_HEADER = 16;

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final SecureRandom RANDOM = new SecureRandom();

    private CaptureFile() {}

    /** {@code <dataDir>/captures/capture-20250101-120000-1a2b3c.pcap} (absolute). */
    static Path newPath(Path dataDir, Instant now, ZoneId zone) {
        byte[] random = new byte[3];
        RANDOM.nextBytes(random);
        String name = "capture-" + STAMP.format(LocalDateTime.ofInstant(now, zone)) + "-"
                + HexFormat.of().formatHex(random) + ".pcap";
        return dataDir.resolve("captures").resolve(name).toAbsolutePath().normalize();
    }

    /** True when a packet of {@code captured} bytes still fits into a file of {@code written} bytes. */
    static boolean fits(long written, int captured, long maxBytes) {
        return written + RECORD_HEADER + captured <= maxBytes;
    }
}
